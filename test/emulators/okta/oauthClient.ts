/**
 * An independent OAuth client on node:crypto for the emulator tests: client
 * assertions (private_key_jwt), DPoP proofs, and the token call with Okta's
 * `use_dpop_nonce` retry.
 */
import {
	createHash,
	generateKeyPairSync,
	randomUUID,
	sign,
	type JsonWebKey,
	type KeyObject,
} from 'node:crypto';

import { call, type Answer } from './http';

export interface TestKey {
	alg: 'RS256' | 'ES256';
	kid: string;
	privateKey: KeyObject;
	publicJwk: JsonWebKey;
	privatePem: string;
	privateJwk: JsonWebKey;
}

export function makeKey(
	alg: 'RS256' | 'ES256' = 'RS256',
	kid = `kid-${randomUUID().slice(0, 8)}`,
): TestKey {
	const { privateKey, publicKey } =
		alg === 'RS256'
			? generateKeyPairSync('rsa', { modulusLength: 2048 })
			: generateKeyPairSync('ec', { namedCurve: 'P-256' });
	return {
		alg,
		kid,
		privateKey,
		publicJwk: { ...publicKey.export({ format: 'jwk' }), kid },
		privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
		privateJwk: { ...privateKey.export({ format: 'jwk' }), kid },
	};
}

export function signJwt(
	header: Record<string, unknown>,
	payload: Record<string, unknown>,
	key: TestKey,
): string {
	const encode = (part: Record<string, unknown>): string =>
		Buffer.from(JSON.stringify(part)).toString('base64url');
	const input = `${encode({ alg: key.alg, ...header })}.${encode(payload)}`;
	const signature = sign(
		'sha256',
		Buffer.from(input),
		key.alg === 'ES256' ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' } : key.privateKey,
	);
	return `${input}.${signature.toString('base64url')}`;
}

export function clientAssertion(
	key: TestKey,
	clientId: string,
	audience: string,
	overrides: Record<string, unknown> = {},
): string {
	const now = Math.floor(Date.now() / 1000);
	return signJwt(
		{ kid: key.kid, typ: 'JWT' },
		{
			iss: clientId,
			sub: clientId,
			aud: audience,
			iat: now,
			exp: now + 300,
			jti: randomUUID(),
			...overrides,
		},
		key,
	);
}

export function dpopProof(
	key: TestKey,
	method: string,
	url: string,
	options: { nonce?: string; accessToken?: string; overrides?: Record<string, unknown> } = {},
): string {
	const { kid: _kid, ...jwk } = key.publicJwk;
	const payload: Record<string, unknown> = {
		htm: method,
		htu: url.split('?')[0],
		iat: Math.floor(Date.now() / 1000),
		jti: randomUUID(),
	};
	if (options.nonce) payload.nonce = options.nonce;
	if (options.accessToken)
		payload.ath = createHash('sha256').update(options.accessToken).digest('base64url');
	return signJwt({ typ: 'dpop+jwt', jwk }, { ...payload, ...options.overrides }, key);
}

export interface ServiceTokenResult {
	answer: Answer<Record<string, string>>;
	/** Token requests made (2 when the server asked for a DPoP nonce). */
	requests: number;
}

/** Client credentials with private_key_jwt; with `dpopKey`, sends a proof and retries once with the server's nonce. */
export async function requestServiceToken(
	orgUrl: string,
	options: { clientId: string; key: TestKey; scope: string; dpopKey?: TestKey },
): Promise<ServiceTokenResult> {
	const tokenUrl = `${orgUrl}/oauth2/v1/token`;
	const attempt = (nonce?: string) =>
		call<Record<string, string>>(tokenUrl, {
			method: 'POST',
			headers: options.dpopKey
				? { DPoP: dpopProof(options.dpopKey, 'POST', tokenUrl, { nonce }) }
				: {},
			form: {
				grant_type: 'client_credentials',
				scope: options.scope,
				client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
				client_assertion: clientAssertion(options.key, options.clientId, tokenUrl),
			},
		});
	const first = await attempt();
	const nonce = first.headers.get('dpop-nonce');
	if (options.dpopKey && first.status === 400 && first.body?.error === 'use_dpop_nonce' && nonce) {
		return { answer: await attempt(nonce), requests: 2 };
	}
	return { answer: first, requests: 1 };
}

/** Headers for an API call with a DPoP-bound token. */
export function dpopHeaders(
	key: TestKey,
	method: string,
	url: string,
	accessToken: string,
): Record<string, string> {
	return {
		Authorization: `DPoP ${accessToken}`,
		DPoP: dpopProof(key, method, url, { accessToken }),
	};
}
