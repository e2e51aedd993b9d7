import { createHash, createPrivateKey, createPublicKey, randomUUID, sign } from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';

import { OktaCredentialError } from './OktaCredentialError';

export type JwtAlgorithm = 'RS256' | 'ES256' | 'ES384' | 'ES512';

export function base64url(input: Buffer | string): string {
	return Buffer.from(input).toString('base64url');
}

export interface PrivateKeyInfo {
	key: KeyObject;
	/** `kid` found inside a JWK, used when the credential leaves Key ID empty. */
	kid?: string;
}

/**
 * Reads a private key given as PEM (PKCS#8, PKCS#1 or SEC1) or as a JWK in
 * JSON, the two forms Okta's admin console hands out. Pasted PEMs often carry
 * literal `\n` sequences or lost line breaks; both are repaired.
 */
export function importPrivateKey(text: string): PrivateKeyInfo {
	const trimmed = (text ?? '').trim();
	if (!trimmed) throw new OktaCredentialError('The private key is empty');
	if (trimmed.startsWith('{')) {
		const jwk = attempt(() => JSON.parse(trimmed) as JsonWebKey & { kid?: string });
		if (jwk && typeof jwk === 'object' && !jwk.d) {
			throw new OktaCredentialError(
				'The JWK holds only a public key; paste the private key (with "d")',
			);
		}
		const key = jwk && attempt(() => createPrivateKey({ key: jwk, format: 'jwk' }));
		if (key) return { key, kid: jwk.kid };
	} else {
		const key = attempt(() => createPrivateKey(repairPem(trimmed)));
		if (key) return { key };
	}
	// Node's crypto messages hold no key material, but a generic message is safest.
	throw new OktaCredentialError(
		'The private key is neither a PEM private key nor a private JWK (JSON)',
	);
}

/** The value, or undefined when computing it throws (unparseable key text). */
function attempt<T>(compute: () => T): T | undefined {
	try {
		return compute();
	} catch {
		return undefined;
	}
}

function repairPem(pem: string): string {
	const text = pem.replace(/\\n/g, '\n');
	const match = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
	if (!match) return text;
	const body = match[2].replace(/\s+/g, '');
	const lines = body.match(/.{1,64}/g) ?? [];
	return `-----BEGIN ${match[1]}-----\n${lines.join('\n')}\n-----END ${match[1]}-----\n`;
}

/** RS256 for RSA keys, ES256/384/512 by curve for EC keys (what Okta accepts for private_key_jwt). */
export function algorithmFor(key: KeyObject): JwtAlgorithm {
	if (key.asymmetricKeyType === 'rsa') return 'RS256';
	if (key.asymmetricKeyType === 'ec') {
		const curve = key.asymmetricKeyDetails?.namedCurve;
		if (curve === 'prime256v1' || curve === 'P-256') return 'ES256';
		if (curve === 'secp384r1' || curve === 'P-384') return 'ES384';
		if (curve === 'secp521r1' || curve === 'P-521') return 'ES512';
	}
	throw new OktaCredentialError('Use an RSA or an EC (P-256, P-384, P-521) private key');
}

const HASH: Record<JwtAlgorithm, string> = {
	RS256: 'sha256',
	ES256: 'sha256',
	ES384: 'sha384',
	ES512: 'sha512',
};

/** A compact JWS. EC signatures are raw r||s (JOSE), not DER. */
export function signJwt(
	header: Record<string, unknown>,
	payload: Record<string, unknown>,
	key: KeyObject,
): string {
	const alg = algorithmFor(key);
	const input = `${base64url(JSON.stringify({ ...header, alg }))}.${base64url(JSON.stringify(payload))}`;
	const signature = sign(
		HASH[alg],
		Buffer.from(input),
		alg === 'RS256' ? key : { key, dsaEncoding: 'ieee-p1363' },
	);
	return `${input}.${base64url(signature)}`;
}

/** The public half of a key as a minimal JWK (the members RFC 7638 thumbprints use). */
export function publicJwk(key: KeyObject): JsonWebKey {
	const jwk = (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'jwk' });
	return jwk.kty === 'EC'
		? { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y }
		: { kty: 'RSA', n: jwk.n, e: jwk.e };
}

/** RFC 7638 JWK thumbprint (what `cnf.jkt` in a DPoP-bound token refers to). */
export function jwkThumbprint(jwk: JsonWebKey): string {
	const members =
		jwk.kty === 'EC'
			? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
			: { e: jwk.e, kty: jwk.kty, n: jwk.n };
	return base64url(createHash('sha256').update(JSON.stringify(members)).digest());
}

export interface ClientAssertionInput {
	clientId: string;
	/** The token endpoint, `{org}/oauth2/v1/token`. */
	audience: string;
	privateKey: string;
	keyId?: string;
	nowSeconds?: number;
	/** Okta accepts at most one hour; five minutes is plenty for one token call. */
	lifetimeSeconds?: number;
}

/** The `private_key_jwt` client assertion: iss = sub = client id, aud = token endpoint, unique jti. */
export function clientAssertion(input: ClientAssertionInput): string {
	if (!input.clientId) throw new OktaCredentialError('The client ID is empty');
	const { key, kid: jwkKid } = importPrivateKey(input.privateKey);
	const kid = input.keyId?.trim() || jwkKid;
	const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
	const header: Record<string, unknown> = { typ: 'JWT' };
	if (kid) header.kid = kid;
	return signJwt(
		header,
		{
			iss: input.clientId,
			sub: input.clientId,
			aud: input.audience,
			iat: now,
			exp: now + Math.min(input.lifetimeSeconds ?? 300, 3600),
			jti: randomUUID(),
		},
		key,
	);
}
