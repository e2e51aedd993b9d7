/** A credential value that cannot work (unreadable private key, missing client id); never quotes the secret. */
export class OktaCredentialError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'OktaCredentialError';
	}
}
