/** The Okta org URL in a credential cannot be used; the message says what to enter instead. */
export class OrgUrlError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'OrgUrlError';
	}
}
