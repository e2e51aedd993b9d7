/**
 * A request (with its retries and rate-limit waits) would run past its total
 * time budget (the nodes' "Request Time Budget" option, 5 minutes by default;
 * docs/security.md). The message says why it was still waiting.
 */
export class RequestBudgetError extends Error {
	readonly name = 'RequestBudgetError';

	constructor(
		/** e.g. `GET https://acme.okta.com/api/v1/users`. */
		readonly action: string,
		readonly budgetMs: number,
		/** What kept it waiting, e.g. `HTTP 429`. */
		readonly reason: string,
	) {
		super(
			`${action} did not finish within its time budget of ${formatDuration(budgetMs)} (last answer: ${reason}); ` +
				'try again later, or raise the node option Request Time Budget.',
		);
	}
}

export function formatDuration(ms: number): string {
	if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
	return `${Math.round(ms / 1000)} s`;
}
