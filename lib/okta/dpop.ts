import {
	KeyObject,
	createHash,
	createPrivateKey,
	generateKeyPairSync,
	randomUUID,
} from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';

import { base64url, publicJwk, signJwt } from './jwt';

/**
 * A fresh P-256 key pair for DPoP, as a private JWK. It is kept with the access
 * token (the token is bound to its thumbprint) and used for every proof.
 */
export function generateDpopKey(): JsonWebKey {
	const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	return privateKey.export({ format: 'jwk' });
}

/** `ath`: base64url(SHA-256(access token)). */
export function accessTokenHash(accessToken: string): string {
	return base64url(createHash('sha256').update(accessToken).digest());
}

/** `htu` is the request URL without query and fragment (RFC 9449 §4.2). */
export function htuOf(url: string): string {
	const parsed = new URL(url);
	return `${parsed.origin}${parsed.pathname}`;
}

export interface DpopProofInput {
	/** The DPoP private key (JWK, or a KeyObject). */
	key: JsonWebKey | KeyObject;
	method: string;
	url: string;
	/** Server-provided `DPoP-Nonce`, when one was demanded. */
	nonce?: string;
	/** Binds the proof to this token (`ath`); for API calls, not for the token request. */
	accessToken?: string;
	nowSeconds?: number;
}

/** A DPoP proof JWT (RFC 9449): `typ: dpop+jwt`, the public key in `jwk`, htm, htu, iat, jti, nonce?, ath?. */
export function dpopProof(input: DpopProofInput): string {
	const key =
		input.key instanceof KeyObject
			? input.key
			: createPrivateKey({ key: input.key, format: 'jwk' });
	const payload: Record<string, unknown> = {
		htm: input.method.toUpperCase(),
		htu: htuOf(input.url),
		iat: input.nowSeconds ?? Math.floor(Date.now() / 1000),
		jti: randomUUID(),
	};
	if (input.nonce) payload.nonce = input.nonce;
	if (input.accessToken) payload.ath = accessTokenHash(input.accessToken);
	return signJwt({ typ: 'dpop+jwt', jwk: publicJwk(key) }, payload, key);
}
