/**
 * The org authorization server: `/oauth2/v1/token` (client credentials with
 * private_key_jwt and DPoP, authorization code with a client secret, refresh
 * token), `/oauth2/v1/authorize` (no login page: the code is issued at once
 * for `login_hint` or the org admin), `/oauth2/v1/keys` and discovery.
 */
import { createHash, randomBytes } from 'node:crypto';

import type { EmulatorRequest, EmulatorResponse, EmulatorServer } from '../server';
import {
	assertionIssuer,
	JWT_BEARER_ASSERTION_TYPE,
	verifyClientAssertion,
} from './clientAssertion';
import type { EmulatorContext } from './context';
import { oauthError } from './errors';
import { SUPPORTED_ALGORITHMS } from './jwt';
import type { AuthCodeClientRegistration, IssuedAccessToken } from './tokens';

type Form = Record<string, string>;

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

export function registerOAuthRoutes(server: EmulatorServer, context: EmulatorContext): void {
	server.route('POST', '/oauth2/v1/token', (req) => token(req, context));
	server.route('GET', '/oauth2/v1/authorize', (req) => authorize(req, context));
	server.route('GET', '/oauth2/v1/keys', () => ({ status: 200, body: context.signingKey.jwks() }));
	server.route('GET', '/.well-known/openid-configuration', () => ({
		status: 200,
		body: discovery(context.origin()),
	}));
	server.route('GET', '/.well-known/oauth-authorization-server', () => ({
		status: 200,
		body: discovery(context.origin()),
	}));
}

function formOf(req: EmulatorRequest): Form | undefined {
	if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded'))
		return undefined;
	return (req.body && typeof req.body === 'object' ? req.body : {}) as Form;
}

function token(req: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
	const form = formOf(req);
	if (!form)
		return oauthError(
			400,
			'invalid_request',
			'The request must use the application/x-www-form-urlencoded content type.',
		);
	switch (form.grant_type) {
		case 'client_credentials':
			return clientCredentials(req, form, context);
		case 'authorization_code':
			return authorizationCode(req, form, context);
		case 'refresh_token':
			return refreshToken(req, form, context);
		case undefined:
			return oauthError(400, 'invalid_request', 'The grant_type parameter is required.');
		default:
			return oauthError(
				400,
				'unsupported_grant_type',
				"The grant type in the request isn't supported.",
			);
	}
}

function clientCredentials(
	req: EmulatorRequest,
	form: Form,
	context: EmulatorContext,
): EmulatorResponse {
	if (!form.client_assertion) {
		const secretClient = authenticateWithSecret(req, form, context);
		if ('status' in secretClient) return secretClient;
		return oauthError(
			400,
			'unauthorized_client',
			'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code, refresh_token].',
		);
	}
	if (form.client_assertion_type !== JWT_BEARER_ASSERTION_TYPE) {
		return oauthError(400, 'invalid_request', 'The `client_assertion_type` is invalid.');
	}
	const clientId = form.client_id ?? assertionIssuer(form.client_assertion);
	const app = clientId ? context.tokens.serviceApps.get(clientId) : undefined;
	if (!app)
		return oauthError(401, 'invalid_client', 'Invalid value for the `client_id` parameter.');
	const tokenUrl = `${context.origin()}/oauth2/v1/token`;
	const assertion = verifyClientAssertion(form.client_assertion, app, tokenUrl, context.tokens);
	if (!assertion.ok) return oauthError(401, 'invalid_client', assertion.description);

	const requested = (form.scope ?? '').split(' ').filter(Boolean);
	if (requested.length === 0) {
		return oauthError(
			400,
			'invalid_scope',
			"The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
		);
	}
	const notGranted = requested.filter((scope) => !app.scopes.includes(scope));
	if (notGranted.length) {
		return oauthError(
			400,
			'invalid_scope',
			`The following scopes were requested, but not granted: ${notGranted.join(' ')}`,
		);
	}

	let jkt: string | undefined;
	if (app.dpop) {
		const proof = context.dpop.verify(headerOf(req, 'dpop'), { method: 'POST', url: tokenUrl });
		if (!proof.ok) return oauthError(400, 'invalid_dpop_proof', proof.description);
		if (!context.tokens.isNonceValid(proof.nonce)) {
			return oauthError(
				400,
				'use_dpop_nonce',
				'Authorization server requires nonce in DPoP proof.',
				{
					'DPoP-Nonce': context.tokens.issueNonce(),
				},
			);
		}
		jkt = proof.jkt;
	}
	const issued = context.tokens.issueAccessToken({
		clientId: app.clientId,
		scopes: requested,
		jkt,
	});
	return tokenAnswer(issued, context);
}

function authorizationCode(
	req: EmulatorRequest,
	form: Form,
	context: EmulatorContext,
): EmulatorResponse {
	const client = authenticateWithSecret(req, form, context);
	if ('status' in client) return client;
	const code = form.code ? context.tokens.takeCode(form.code) : undefined;
	if (!code)
		return oauthError(400, 'invalid_grant', 'The authorization code is invalid or has expired.');
	if (code.clientId !== client.clientId) {
		return oauthError(
			400,
			'invalid_grant',
			'The grant was issued to another client. Ensure that the `client_id` matches the one used at the authorize request.',
		);
	}
	if (form.redirect_uri !== code.redirectUri) {
		return oauthError(
			400,
			'invalid_grant',
			"The 'redirect_uri' does not match the redirection URI used in the authorization request.",
		);
	}
	if (code.codeChallenge) {
		const verifier = form.code_verifier ?? '';
		const computed = createHash('sha256').update(verifier).digest('base64url');
		if (!verifier || computed !== code.codeChallenge) {
			return oauthError(400, 'invalid_grant', 'PKCE verification failed.');
		}
	}
	const issued = context.tokens.issueAccessToken({
		clientId: client.clientId,
		scopes: code.scopes,
		userId: code.userId,
	});
	const refresh = code.scopes.includes('offline_access')
		? context.tokens.issueRefreshToken({
				clientId: client.clientId,
				scopes: code.scopes,
				userId: code.userId,
			})
		: undefined;
	return tokenAnswer(issued, context, refresh);
}

function refreshToken(
	req: EmulatorRequest,
	form: Form,
	context: EmulatorContext,
): EmulatorResponse {
	const client = authenticateWithSecret(req, form, context);
	if ('status' in client) return client;
	const grant = form.refresh_token ? context.tokens.refreshToken(form.refresh_token) : undefined;
	if (!grant || grant.clientId !== client.clientId) {
		return oauthError(400, 'invalid_grant', 'The refresh token is invalid or expired.');
	}
	const requested = (form.scope ?? '').split(' ').filter(Boolean);
	if (requested.some((scope) => !grant.scopes.includes(scope))) {
		return oauthError(
			400,
			'invalid_scope',
			'The requested scopes exceed those of the original grant.',
		);
	}
	const scopes = requested.length ? requested : grant.scopes;
	const issued = context.tokens.issueAccessToken({
		clientId: client.clientId,
		scopes,
		userId: grant.userId,
	});
	return tokenAnswer(issued, context, form.refresh_token);
}

/** client_secret_basic or client_secret_post (not both), as Okta accepts for web apps. */
function authenticateWithSecret(
	req: EmulatorRequest,
	form: Form,
	context: EmulatorContext,
): Required<AuthCodeClientRegistration> | EmulatorResponse {
	const basic = basicCredentials(headerOf(req, 'authorization'));
	const posted = form.client_secret !== undefined;
	if (basic && (posted || form.client_assertion)) {
		return oauthError(
			400,
			'invalid_request',
			"Can't supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a `client_assertion` in the post body.",
		);
	}
	const clientId = basic?.clientId ?? form.client_id;
	const secret = basic?.secret ?? form.client_secret;
	if (!clientId || secret === undefined)
		return oauthError(401, 'invalid_client', 'No client credentials found.');
	const client = context.tokens.authCodeClients.get(clientId);
	if (!client)
		return oauthError(401, 'invalid_client', 'Invalid value for the `client_id` parameter.');
	if (form.client_id !== undefined && form.client_id !== clientId) {
		return oauthError(
			401,
			'invalid_client',
			'The client_id in the request does not match the authenticated client.',
		);
	}
	if (client.clientSecret !== secret) {
		return oauthError(
			401,
			'invalid_client',
			'The client secret supplied for a confidential client is invalid.',
		);
	}
	return client;
}

function basicCredentials(
	header: string | undefined,
): { clientId: string; secret: string } | undefined {
	const match = /^Basic\s+(.+)$/i.exec(header ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	// RFC 6749 §2.3.1: both parts are form-urlencoded before the Basic encoding.
	const unescape = (text: string): string => decodeURIComponent(text.replace(/\+/g, ' '));
	return {
		clientId: unescape(decoded.slice(0, colon)),
		secret: unescape(decoded.slice(colon + 1)),
	};
}

function tokenAnswer(
	issued: IssuedAccessToken,
	context: EmulatorContext,
	refreshTokenValue?: string,
): EmulatorResponse {
	const body: Record<string, unknown> = {
		token_type: issued.jkt ? 'DPoP' : 'Bearer',
		expires_in: issued.lifetimeSeconds,
		access_token: issued.token,
		scope: issued.scopes.join(' '),
	};
	if (refreshTokenValue) body.refresh_token = refreshTokenValue;
	if (issued.userId && issued.scopes.includes('openid')) body.id_token = idToken(issued, context);
	return { status: 200, headers: { ...NO_STORE }, body };
}

function idToken(issued: IssuedAccessToken, context: EmulatorContext): string {
	const user = context.store.user(issued.userId!);
	const iat = Math.floor(Date.now() / 1000);
	return context.signingKey.sign({
		sub: issued.userId,
		ver: 1,
		iss: context.origin(),
		aud: issued.clientId,
		iat,
		exp: iat + 3600,
		jti: `ID.${randomBytes(16).toString('base64url')}`,
		amr: ['pwd'],
		auth_time: iat,
		...(issued.scopes.includes('profile') && user
			? {
					name: `${user.profile.firstName ?? ''} ${user.profile.lastName ?? ''}`.trim(),
					preferred_username: user.profile.login,
				}
			: {}),
		...(issued.scopes.includes('email') && user
			? { email: user.profile.email, email_verified: true }
			: {}),
	});
}

function authorize(req: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
	const q = req.query;
	const client = context.tokens.authCodeClients.get(q.get('client_id') ?? '');
	if (!client) return errorPage('The client_id is invalid or missing.');
	const redirectUri = q.get('redirect_uri') ?? '';
	if (redirectUri !== client.redirectUri) {
		return errorPage(
			"The 'redirect_uri' parameter must be a Login redirect URI in the client app settings.",
		);
	}
	const state = q.get('state') ?? undefined;
	const back = (params: Record<string, string>): EmulatorResponse =>
		redirect(redirectUri, { ...params, ...(state ? { state } : {}) });
	if (q.get('response_type') !== 'code') {
		return back({
			error: 'unsupported_response_type',
			error_description: "The response type isn't supported by the authorization server.",
		});
	}
	if (!state)
		return back({
			error: 'invalid_request',
			error_description: "The 'state' parameter is required.",
		});
	const scopes = (q.get('scope') ?? '').split(' ').filter(Boolean);
	if (scopes.length === 0) {
		return back({
			error: 'invalid_scope',
			error_description:
				"The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
		});
	}
	const notAllowed = scopes.filter((scope) => !client.scopes.includes(scope));
	if (notAllowed.length) {
		return back({
			error: 'invalid_scope',
			error_description: `The following scopes are not allowed: ${notAllowed.join(' ')}`,
		});
	}
	const challenge = q.get('code_challenge') ?? undefined;
	const challengeMethod = q.get('code_challenge_method') ?? undefined;
	if (challenge && challengeMethod !== 'S256') {
		return back({
			error: 'invalid_request',
			error_description: "PKCE code challenge method must be 'S256'.",
		});
	}
	const hint = q.get('login_hint');
	const user = hint ? context.store.user(hint) : context.store.adminUser();
	if (!user)
		return back({
			error: 'access_denied',
			error_description: 'User is not assigned to the client application.',
		});
	const code = context.tokens.issueCode({
		clientId: client.clientId,
		redirectUri,
		scopes,
		userId: user.id,
		codeChallenge: challenge,
		codeChallengeMethod: challengeMethod,
	});
	return back({ code });
}

function redirect(uri: string, params: Record<string, string>): EmulatorResponse {
	const target = new URL(uri);
	for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
	return { status: 302, headers: { Location: target.toString() } };
}

/** Okta shows an HTML error page (it cannot redirect) when the client or redirect URI is wrong. */
function errorPage(message: string): EmulatorResponse {
	return {
		status: 400,
		headers: { 'Content-Type': 'text/html; charset=utf-8' },
		body: `<!DOCTYPE html><html><head><title>Bad Request</title></head><body><h1>400 Bad Request</h1><p>${message}</p></body></html>`,
	};
}

function headerOf(req: EmulatorRequest, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value.join(', ') : value;
}

function discovery(origin: string): Record<string, unknown> {
	return {
		issuer: origin,
		authorization_endpoint: `${origin}/oauth2/v1/authorize`,
		token_endpoint: `${origin}/oauth2/v1/token`,
		jwks_uri: `${origin}/oauth2/v1/keys`,
		response_types_supported: ['code'],
		response_modes_supported: ['query'],
		grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
		subject_types_supported: ['public'],
		scopes_supported: [
			'openid',
			'profile',
			'email',
			'offline_access',
			'okta.users.read',
			'okta.groups.read',
			'okta.apps.read',
			'okta.eventHooks.read',
			'okta.eventHooks.manage',
		],
		token_endpoint_auth_methods_supported: [
			'client_secret_basic',
			'client_secret_post',
			'private_key_jwt',
		],
		token_endpoint_auth_signing_alg_values_supported: SUPPORTED_ALGORITHMS,
		id_token_signing_alg_values_supported: ['RS256'],
		code_challenge_methods_supported: ['S256'],
		dpop_signing_alg_values_supported: SUPPORTED_ALGORITHMS,
	};
}
