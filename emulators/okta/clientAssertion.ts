/**
 * `private_key_jwt` client authentication: the service app signs a JWT with
 * its private key; Okta checks it against the registered public key and
 * demands `iss` = `sub` = client id, `aud` = the token endpoint, an `exp` no
 * more than an hour ahead, and never accepts the same `jti` twice.
 */
import { decodeJwt, JwtError, SUPPORTED_ALGORITHMS, verifySignature } from './jwt';
import type { ServiceAppRegistration, TokenRegistry } from './tokens';

export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Okta allows at most one hour between now and the assertion's `exp`. */
const MAX_LIFETIME_S = 3600;
const CLOCK_SKEW_S = 60;

export type AssertionResult = { ok: true } | { ok: false; description: string };

/** The client id an assertion claims to come from (unverified), to find the registered key. */
export function assertionIssuer(assertion: string): string | undefined {
	try {
		const { payload } = decodeJwt(assertion);
		return typeof payload.iss === 'string' ? payload.iss : undefined;
	} catch {
		return undefined;
	}
}

export function verifyClientAssertion(
	assertion: string,
	app: ServiceAppRegistration,
	audience: string,
	registry: TokenRegistry,
	now: number = Date.now(),
): AssertionResult {
	let jwt;
	try {
		jwt = decodeJwt(assertion);
	} catch (error) {
		return fail(`The client_assertion token is malformed: ${(error as JwtError).message}.`);
	}
	const { header, payload } = jwt;
	if (!SUPPORTED_ALGORITHMS.includes(String(header.alg))) {
		return fail("The client_assertion token has an unsupported 'alg' header.");
	}
	if (
		header.kid !== undefined &&
		app.publicJwk.kid !== undefined &&
		header.kid !== app.publicJwk.kid
	) {
		return fail(
			"The client_assertion token has a 'kid' which does not identify a key in the client's JWKS.",
		);
	}
	let valid = false;
	try {
		valid = verifySignature(jwt, app.publicJwk);
	} catch {
		valid = false;
	}
	if (!valid) return fail('The client_assertion signature is invalid.');
	if (payload.iss !== app.clientId || payload.sub !== app.clientId) {
		return fail("The client_assertion token's 'iss' and 'sub' claims must both be the client_id.");
	}
	const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
	if (!audiences.includes(audience)) {
		return fail(
			'The audience claim for client_assertion must be the endpoint invoked for the request.',
		);
	}
	const nowS = now / 1000;
	if (typeof payload.exp !== 'number')
		return fail("The client_assertion token must have an 'exp' claim.");
	if (payload.exp <= nowS - CLOCK_SKEW_S) return fail('The client_assertion token is expired.');
	if (payload.exp > nowS + MAX_LIFETIME_S + CLOCK_SKEW_S) {
		return fail('The client_assertion token has an expiration too far into the future.');
	}
	if (typeof payload.iat === 'number' && payload.iat > nowS + CLOCK_SKEW_S) {
		return fail("The client_assertion token has an 'iat' in the future.");
	}
	if (payload.jti !== undefined) {
		if (
			typeof payload.jti !== 'string' ||
			!registry.rememberAssertion(payload.jti, payload.exp * 1000)
		) {
			return fail('The client_assertion token has already been used.');
		}
	}
	return { ok: true };
}

function fail(description: string): AssertionResult {
	return { ok: false, description };
}
