/**
 * The emulated org's own signing key. Okta's org authorization server issues
 * access tokens and ID tokens as RS256 JWTs and publishes the public key at
 * `/oauth2/v1/keys`; the key pair is made on first use (tens of ms).
 */
import {
	generateKeyPairSync,
	randomBytes,
	sign,
	type JsonWebKey,
	type KeyObject,
} from 'node:crypto';

export class SigningKey {
	private pair?: { privateKey: KeyObject; publicJwk: JsonWebKey; kid: string };

	/** Compact RS256 JWS over `payload`, with `kid` and the given `typ`. */
	sign(payload: Record<string, unknown>, typ = 'JWT'): string {
		const { privateKey, kid } = this.keyPair();
		const header = Buffer.from(JSON.stringify({ kid, typ, alg: 'RS256' })).toString('base64url');
		const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
		const signature = sign('sha256', Buffer.from(`${header}.${body}`), privateKey).toString(
			'base64url',
		);
		return `${header}.${body}.${signature}`;
	}

	/** The JWKS document served at `/oauth2/v1/keys`. */
	jwks(): { keys: JsonWebKey[] } {
		const { publicJwk, kid } = this.keyPair();
		return { keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] };
	}

	private keyPair(): { privateKey: KeyObject; publicJwk: JsonWebKey; kid: string } {
		if (!this.pair) {
			const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
			this.pair = {
				privateKey,
				publicJwk: publicKey.export({ format: 'jwk' }),
				kid: randomBytes(16).toString('base64url'),
			};
		}
		return this.pair;
	}
}
