/** One problem in a mapping configuration: where (`user.siteRules[2].siteId`) and what. */
export interface ConfigIssue {
	/** Dotted path with [index] for arrays; '' for the configuration as a whole. */
	path: string;
	message: string;
}

/** A mapping configuration that cannot be used; the message lists every issue so one fix round is enough. */
export class ConfigError extends Error {
	readonly issues: ConfigIssue[];

	constructor(issues: ConfigIssue[]) {
		super(`Invalid mapping configuration: ${issues.map(formatIssue).join('; ')}`);
		this.name = 'ConfigError';
		this.issues = issues;
	}
}

export function formatIssue(issue: ConfigIssue): string {
	return issue.path ? `${issue.path} ${issue.message}` : issue.message;
}
