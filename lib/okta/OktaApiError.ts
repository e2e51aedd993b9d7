/** One Okta error cause, as Okta lists them under `errorCauses`. */
export interface OktaErrorCause {
	errorSummary: string;
}

export interface OktaApiErrorDetails {
	status: number;
	errorCode?: string;
	errorSummary?: string;
	errorCauses?: OktaErrorCause[];
	errorId?: string;
	/** The scope the call needs, when Okta refused it for a missing scope. */
	requiredScope?: string;
	/** Method and path (never the query, which may hold search terms, nor any header). */
	request?: string;
}

/**
 * Any non-2xx answer from Okta, management API or OAuth endpoints alike. The
 * message is built only from what Okta said (errorSummary + errorCode), so it
 * can be shown and logged without leaking a token.
 */
export class OktaApiError extends Error {
	readonly status: number;
	readonly errorCode?: string;
	readonly errorSummary: string;
	readonly errorCauses: OktaErrorCause[];
	readonly errorId?: string;
	readonly requiredScope?: string;
	readonly request?: string;

	constructor(details: OktaApiErrorDetails) {
		const summary = details.errorSummary?.trim() || `Okta answered HTTP ${details.status}`;
		let message = details.errorCode ? `${summary} (${details.errorCode})` : summary;
		if (details.requiredScope)
			message += ` — grant the scope ${details.requiredScope} to the Okta app`;
		super(message);
		this.name = 'OktaApiError';
		this.status = details.status;
		this.errorCode = details.errorCode;
		this.errorSummary = summary;
		this.errorCauses = details.errorCauses ?? [];
		this.errorId = details.errorId;
		this.requiredScope = details.requiredScope;
		this.request = details.request;
	}

	/** Rate limited or a server fault: a later run may succeed. */
	get transient(): boolean {
		return this.status === 429 || this.status >= 500;
	}
}
