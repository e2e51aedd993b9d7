/**
 * DPoP proof checks (RFC 9449) as Okta applies them, both at the token
 * endpoint and on API calls: a `dpop+jwt` signed by the public key in its own
 * header, `htm`/`htu` naming this very request, a fresh `iat`, a `jti` never
 * seen before and, with an access token, `ath` = its SHA-256 hash.
 */
import type { JsonWebKey } from 'node:crypto';

import {
	decodeJwt,
	jwkThumbprint,
	JwtError,
	sha256Base64Url,
	SUPPORTED_ALGORITHMS,
	verifySignature,
} from './jwt';

export interface ProofExpectation {
	method: string;
	/** The request URL as the client addressed it (query is ignored). */
	url: string;
	/** Set on API calls: the proof must carry `ath` for this token. */
	accessToken?: string;
}

export type ProofResult =
	{ ok: true; jkt: string; nonce?: string } | { ok: false; description: string };

/** How far `iat` may be from now, in seconds. */
const IAT_TOLERANCE_S = 300;
const JTI_MEMORY_MS = 2 * IAT_TOLERANCE_S * 1000;

/** Scheme and host compare case-insensitively, the path after percent-decoding (Okta normalises it). */
function normalizeHtu(value: string): string | undefined {
	try {
		const url = new URL(value);
		return `${url.protocol}//${url.host}${decodeURIComponent(url.pathname)}`.toLowerCase();
	} catch {
		return undefined;
	}
}

export class DpopVerifier {
	private readonly seenJtis = new Map<string, number>();

	constructor(private readonly clock: () => number = Date.now) {}

	verify(proof: string | undefined, expected: ProofExpectation): ProofResult {
		if (!proof) return fail('The DPoP proof JWT header is missing.');
		if (proof.includes(',')) return fail('Only one DPoP proof JWT header is allowed.');
		let jwt;
		try {
			jwt = decodeJwt(proof.trim());
		} catch (error) {
			return fail(`The DPoP proof JWT is malformed: ${(error as JwtError).message}.`);
		}
		const { header, payload } = jwt;
		if (header.typ !== 'dpop+jwt') return fail("The DPoP proof JWT 'typ' header is invalid.");
		if (!SUPPORTED_ALGORITHMS.includes(String(header.alg)))
			return fail("The DPoP proof JWT 'alg' header is invalid.");
		const jwk = header.jwk as JsonWebKey | undefined;
		if (!jwk || typeof jwk !== 'object') return fail("The DPoP proof JWT 'jwk' header is missing.");
		let validSignature = false;
		try {
			validSignature = verifySignature(jwt, jwk);
		} catch {
			return fail("The DPoP proof JWT 'jwk' header is invalid.");
		}
		if (!validSignature) return fail('The DPoP proof JWT signature is invalid.');
		if (payload.htm !== expected.method.toUpperCase())
			return fail("'htm' claim in the DPoP proof JWT is invalid.");
		const htu = typeof payload.htu === 'string' ? normalizeHtu(payload.htu) : undefined;
		if (!htu || htu !== normalizeHtu(expected.url))
			return fail("'htu' claim in the DPoP proof JWT is invalid.");
		const now = this.clock();
		if (typeof payload.iat !== 'number' || Math.abs(now / 1000 - payload.iat) > IAT_TOLERANCE_S) {
			return fail("'iat' claim in the DPoP proof JWT is invalid.");
		}
		if (typeof payload.jti !== 'string' || !payload.jti)
			return fail("'jti' claim in the DPoP proof JWT is missing.");
		if (
			expected.accessToken !== undefined &&
			payload.ath !== sha256Base64Url(expected.accessToken)
		) {
			return fail("'ath' claim in the DPoP proof JWT is invalid.");
		}
		this.forgetOldJtis(now);
		if (this.seenJtis.has(payload.jti))
			return fail("'jti' claim in the DPoP proof JWT was already used.");
		this.seenJtis.set(payload.jti, now + JTI_MEMORY_MS);
		return {
			ok: true,
			jkt: jwkThumbprint(jwk),
			nonce: typeof payload.nonce === 'string' ? payload.nonce : undefined,
		};
	}

	private forgetOldJtis(now: number): void {
		for (const [jti, expires] of this.seenJtis) if (expires < now) this.seenJtis.delete(jti);
	}
}

function fail(description: string): ProofResult {
	return { ok: false, description };
}
