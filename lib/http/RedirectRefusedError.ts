/**
 * A 3xx answer that pointed at another origin. Requests carry a credential
 * (Okta token, Halo bearer token, client secret), so they never follow a
 * redirect off their origin; see docs/security.md.
 */
export class RedirectRefusedError extends Error {
	readonly status: number;
	/** The host the redirect pointed at (`host:port`). */
	readonly host: string;

	constructor(status: number, from: URL, to: URL) {
		super(
			`${from.host} answered HTTP ${status} redirecting to another host (${to.host}); ` +
				'refusing to follow it, so the credential is not sent there. ' +
				'Check the URL in the credential: use the address the service itself uses.',
		);
		this.name = 'RedirectRefusedError';
		this.status = status;
		this.host = to.host;
	}
}
