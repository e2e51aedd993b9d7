/**
 * Just enough JOSE for the emulator, on node:crypto: decode a compact JWS,
 * verify its signature against a public JWK (RS256/384/512, ES256/384/512,
 * the algorithms Okta accepts for client assertions and DPoP proofs), and
 * compute JWK thumbprints (RFC 7638) that bind DPoP tokens to a key.
 */
import { createHash, createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

export class JwtError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'JwtError';
	}
}

export interface DecodedJwt {
	header: Record<string, unknown>;
	payload: Record<string, unknown>;
	signingInput: string;
	signature: Buffer;
}

const ALGORITHMS: Readonly<Record<string, { hash: string; kty: 'RSA' | 'EC'; crv?: string }>> = {
	RS256: { hash: 'sha256', kty: 'RSA' },
	RS384: { hash: 'sha384', kty: 'RSA' },
	RS512: { hash: 'sha512', kty: 'RSA' },
	ES256: { hash: 'sha256', kty: 'EC', crv: 'P-256' },
	ES384: { hash: 'sha384', kty: 'EC', crv: 'P-384' },
	ES512: { hash: 'sha512', kty: 'EC', crv: 'P-521' },
};

export const SUPPORTED_ALGORITHMS = Object.keys(ALGORITHMS);

function parseJsonPart(part: string, what: string): Record<string, unknown> {
	try {
		const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
		if (value && typeof value === 'object' && !Array.isArray(value))
			return value as Record<string, unknown>;
	} catch {
		// Falls through to the error below.
	}
	throw new JwtError(`The JWT ${what} is not valid JSON`);
}

export function decodeJwt(token: string): DecodedJwt {
	const parts = token.split('.');
	if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) {
		throw new JwtError('The JWT is not a compact JWS');
	}
	return {
		header: parseJsonPart(parts[0], 'header'),
		payload: parseJsonPart(parts[1], 'payload'),
		signingInput: `${parts[0]}.${parts[1]}`,
		signature: Buffer.from(parts[2], 'base64url'),
	};
}

/** A public key from a JWK; refuses private keys (a JWK with `d`). */
export function publicKeyOf(jwk: JsonWebKey): KeyObject {
	if ('d' in jwk) throw new JwtError('The JWK must be a public key');
	try {
		return createPublicKey({ key: jwk, format: 'jwk' });
	} catch {
		throw new JwtError('The JWK is not a usable public key');
	}
}

/** True when the signature is valid for the JWT's `alg` and the key's type matches that algorithm. */
export function verifySignature(jwt: DecodedJwt, jwk: JsonWebKey): boolean {
	const algorithm = ALGORITHMS[String(jwt.header.alg)];
	if (!algorithm || jwk.kty !== algorithm.kty) return false;
	if (algorithm.crv && jwk.crv !== algorithm.crv) return false;
	const key = publicKeyOf(jwk);
	return verify(
		algorithm.hash,
		Buffer.from(jwt.signingInput),
		algorithm.kty === 'EC' ? { key, dsaEncoding: 'ieee-p1363' } : key,
		jwt.signature,
	);
}

/** RFC 7638 thumbprint (SHA-256, base64url) over the key's required members. */
export function jwkThumbprint(jwk: JsonWebKey): string {
	const members =
		jwk.kty === 'EC'
			? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
			: jwk.kty === 'RSA'
				? { e: jwk.e, kty: jwk.kty, n: jwk.n }
				: undefined;
	if (!members) throw new JwtError(`Unsupported key type ${String(jwk.kty)}`);
	return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

/** base64url(SHA-256(text)): DPoP's `ath` claim. */
export function sha256Base64Url(text: string): string {
	return createHash('sha256').update(text).digest('base64url');
}
