/**
 * Who is calling the management API (`/api/v1/...`), checked before any
 * route runs: `SSWS <api token>`, `Bearer <access token>`, or
 * `DPoP <access token>` with a DPoP proof bound to the token's key. OAuth
 * callers also need the endpoint's scope (403 E0000006 with a
 * `WWW-Authenticate` naming it, as Okta answers).
 */
import type { EmulatorRequest, EmulatorResponse } from '../server';
import type { EmulatorContext } from './context';
import { errors } from './errors';
import { SUPPORTED_ALGORITHMS } from './jwt';
import { requiredScopes } from './scopes';

export interface Caller {
	scheme: 'SSWS' | 'Bearer' | 'DPoP';
	/** The user behind the call: the API token's owner or the user who signed in (auth-code flow). */
	userId?: string;
	/** The OAuth client, for access tokens. */
	clientId?: string;
	/** Granted scopes, for access tokens; API tokens carry their admin's full rights. */
	scopes?: string[];
}

const callers = new WeakMap<EmulatorRequest, Caller>();

export function callerOf(req: EmulatorRequest): Caller | undefined {
	return callers.get(req);
}

/** Authenticates and authorizes an API request; returns the refusal, or undefined to go on. */
export function authorizeApiCall(
	req: EmulatorRequest,
	context: EmulatorContext,
	apiTokens: ReadonlySet<string>,
): EmulatorResponse | undefined {
	const header = req.headers.authorization;
	if (!header) return errors.invalidSession();
	const match = /^(\S+)\s+(.+)$/.exec(header.trim());
	const scheme = match?.[1].toUpperCase();
	const credential = match?.[2] ?? '';
	if (scheme === 'SSWS') {
		if (!apiTokens.has(credential)) return errors.invalidToken();
		callers.set(req, { scheme: 'SSWS', userId: context.store.adminUser()?.id });
		return undefined;
	}
	if (scheme !== 'BEARER' && scheme !== 'DPOP') return errors.invalidToken();
	const issued = context.tokens.accessToken(credential);
	const usesDpop = scheme === 'DPOP';
	if (!issued)
		return errors.invalidToken(
			challenge(context, req, usesDpop, 'invalid_token', 'The access token is invalid.'),
		);
	if (Boolean(issued.jkt) !== usesDpop) {
		// The challenge names the scheme the token needs.
		const description = issued.jkt
			? 'The access token is DPoP-bound; send it with the DPoP scheme and a DPoP proof.'
			: 'The access token is not DPoP-bound; send it with the Bearer scheme.';
		return errors.invalidToken(
			challenge(context, req, Boolean(issued.jkt), 'invalid_token', description),
		);
	}
	if (usesDpop) {
		const proofHeader = req.headers.dpop;
		const proof = context.dpop.verify(
			Array.isArray(proofHeader) ? proofHeader.join(', ') : proofHeader,
			{
				method: req.method,
				url: `${context.origin()}${req.path}`,
				accessToken: credential,
			},
		);
		const description = !proof.ok
			? proof.description
			: proof.jkt !== issued.jkt
				? 'The DPoP proof JWT key does not match the key the access token is bound to.'
				: undefined;
		// Okta answers a bad proof with 400 and the reason in WWW-Authenticate only.
		if (description)
			return {
				status: 400,
				headers: challenge(context, req, true, 'invalid_dpop_proof', description),
			};
	}
	const needed = requiredScopes(req.method, req.path);
	if (needed && !needed.some((scope) => issued.scopes.includes(scope))) {
		return errors.forbidden(
			challenge(
				context,
				req,
				usesDpop,
				'insufficient_scope',
				'The access token provided does not contain the required scopes.',
				needed[0],
			),
		);
	}
	callers.set(req, {
		scheme: usesDpop ? 'DPoP' : 'Bearer',
		userId: issued.userId,
		clientId: issued.clientId,
		scopes: issued.scopes,
	});
	return undefined;
}

/** Okta's `WWW-Authenticate` challenge for OAuth callers. */
function challenge(
	context: EmulatorContext,
	req: EmulatorRequest,
	dpop: boolean,
	error: string,
	description: string,
	scope?: string,
): Record<string, string> {
	const origin = context.origin();
	const parts = [
		...(dpop ? [`algs="${SUPPORTED_ALGORITHMS.join(' ')}"`] : []),
		`authorization_uri="${origin}/oauth2/v1/authorize"`,
		`realm="${origin}"`,
		...(scope ? [`scope="${scope}"`] : []),
		`error="${error}"`,
		`error_description="${description}"`,
		`resource="${req.path}"`,
	];
	return { 'WWW-Authenticate': `${dpop ? 'DPoP' : 'Bearer'} ${parts.join(', ')}` };
}
