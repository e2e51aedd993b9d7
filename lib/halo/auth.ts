/**
 * Halo's client-credentials token, outside n8n (tests, scripts, the benchmark)
 * and inside it (the `haloApi` credential's preAuthentication calls
 * `requestHaloToken` over n8n's own HTTP helper).
 */
import { sendWithRetry } from '../http/sendWithRetry';
import type { RetryOptions } from '../http/sendWithRetry';
import type { HttpRequest, RequestFn } from '../http/types';
import { HaloApiError } from './HaloApiError';
import { HaloAuthServerError } from './HaloAuthServerError';
import { HALO_RETRY_POLICY } from './retryPolicy';

export interface HaloAuthSettings {
	/** Halo base URL, e.g. `https://acme.halopsa.com`. */
	url: string;
	/** Authorisation server; empty: ask `/api/authinfo`, else `{url}/auth`. */
	authUrl?: string;
	/** Hosted Halo only: sent as `?tenant=`. */
	tenant?: string;
	clientId: string;
	clientSecret: string;
	/** Space-separated; default `all`. */
	scope?: string;
}

export interface HaloToken {
	accessToken: string;
	expiresInSeconds?: number;
}

/** `https://x.halopsa.com/api/` → `https://x.halopsa.com`: people paste either. */
export function haloBaseUrl(url: string): string {
	return url
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api$/i, '');
}

/** Keys `/api/authinfo` may name the authorisation server with (seen across Halo versions). */
const AUTH_INFO_KEYS = [
	'auth_url',
	'authurl',
	'authorisation_server',
	'authorization_server',
	'auth_server',
	'authserver',
	'authorisationserver',
	'authorizationserver',
];

/** The authorisation server URL inside an `/api/authinfo` answer, if any. */
export function authUrlFromInfo(body: unknown): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const entries = Object.entries(body as Record<string, unknown>).map(
		([k, v]) => [k.toLowerCase(), v] as const,
	);
	const isUrl = (v: unknown): v is string =>
		typeof v === 'string' && /^https?:\/\//i.test(v.trim());
	// Named keys only: a loose "contains auth" match would let any field steer the secret.
	for (const key of AUTH_INFO_KEYS) {
		const hit = entries.find(([k, v]) => k === key && isUrl(v));
		if (hit) return (hit[1] as string).trim().replace(/\/+$/, '');
	}
	return undefined;
}

const HOW_TO_ALLOW =
	"If your Halo really uses a separate authorisation server, enter its address in the Halo credential's Authorisation Server URL field (https).";

function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The client secret goes only over https, or plain http to this machine (tests, a local Halo). */
function assertSecureAuthUrl(authUrl: string, source: string): void {
	const url = parseUrl(authUrl);
	if (!url) {
		throw new HaloAuthServerError(
			`The authorisation server URL ${source} is not a valid URL. ${HOW_TO_ALLOW}`,
			'',
		);
	}
	if (url.protocol === 'https:') return;
	if (url.protocol === 'http:' && isLoopback(url.hostname)) return;
	throw new HaloAuthServerError(
		`The authorisation server ${url.host} ${source} does not use https; the client secret is only sent over https (or to this machine). ${HOW_TO_ALLOW}`,
		url.host,
	);
}

/**
 * The auth URL to use: the configured one, else what `/api/authinfo` says,
 * else `{url}/auth`. An authinfo answer is trusted only on the Halo URL's own
 * origin: the client secret is posted there, and only the person who set up
 * the credential may send it elsewhere (docs/security.md).
 */
export async function resolveAuthUrl(
	send: RequestFn,
	settings: HaloAuthSettings,
	retry?: RetryOptions,
): Promise<string> {
	const configured = settings.authUrl?.trim();
	if (configured) {
		const authUrl = configured.replace(/\/+$/, '').replace(/\/token$/i, '');
		assertSecureAuthUrl(authUrl, 'in the credential');
		return authUrl;
	}
	const base = haloBaseUrl(settings.url);
	let named: string | undefined;
	try {
		const answer = await sendWithRetry(
			send,
			{ method: 'GET', url: `${base}/api/authinfo` },
			true,
			HALO_RETRY_POLICY,
			retry,
		);
		if (answer.status >= 200 && answer.status < 300) named = authUrlFromInfo(answer.body);
	} catch {
		// No answer from authinfo: the default location is right for most instances.
	}
	const authUrl = named ?? `${base}/auth`;
	if (named !== undefined && new URL(named).origin !== new URL(base).origin) {
		throw new HaloAuthServerError(
			`Halo's /api/authinfo named an authorisation server on another host (${new URL(named).host}); the client secret is not sent there. ${HOW_TO_ALLOW}`,
			new URL(named).host,
		);
	}
	assertSecureAuthUrl(authUrl, named !== undefined ? 'named by /api/authinfo' : 'of the Halo URL');
	return authUrl;
}

/** The token request (client credentials, form body); its body holds the secret and is never logged or echoed. */
export function tokenRequest(authUrl: string, settings: HaloAuthSettings): HttpRequest {
	const tenant = settings.tenant?.trim();
	return {
		method: 'POST',
		url: `${authUrl}/token`,
		query: tenant ? { tenant } : undefined,
		form: {
			grant_type: 'client_credentials',
			client_id: settings.clientId,
			client_secret: settings.clientSecret,
			scope: settings.scope?.trim() || 'all',
		},
	};
}

export async function requestHaloToken(
	send: RequestFn,
	settings: HaloAuthSettings,
	retry?: RetryOptions,
): Promise<HaloToken> {
	const authUrl = await resolveAuthUrl(send, settings, retry);
	const action = 'request an access token';
	const answer = await sendWithRetry(
		send,
		tokenRequest(authUrl, settings),
		true,
		HALO_RETRY_POLICY,
		retry,
	);
	if (answer.status < 200 || answer.status >= 300)
		throw new HaloApiError(answer.status, answer.body, action);
	const body = (typeof answer.body === 'string' ? safeJson(answer.body) : answer.body) as
		Record<string, unknown> | undefined;
	const accessToken = body?.access_token;
	if (typeof accessToken !== 'string' || !accessToken) {
		throw new HaloApiError(
			answer.status,
			undefined,
			action,
			'Halo answered the token request without an access token; check the Halo URL and Authorisation Server URL.',
		);
	}
	const expires = Number(body?.expires_in);
	return { accessToken, expiresInSeconds: Number.isFinite(expires) ? expires : undefined };
}

/**
 * A RequestFn that adds `Authorization: Bearer …` to every request, fetching
 * the token once and again only after a 401 (what n8n does for credentials
 * with preAuthentication). For code that runs outside n8n.
 */
export function haloBearerRequestFn(
	send: RequestFn,
	settings: HaloAuthSettings,
	retry?: RetryOptions,
): RequestFn {
	let token: Promise<HaloToken> | undefined;
	const getToken = (fresh: boolean): Promise<HaloToken> => {
		if (!token || fresh) {
			const pending = requestHaloToken(send, settings, retry);
			// A failed token request is not cached: the next call asks again.
			pending.catch(() => {
				if (token === pending) token = undefined;
			});
			token = pending;
		}
		return token;
	};
	const authorised = async (request: HttpRequest, fresh: boolean) => {
		const { accessToken } = await getToken(fresh);
		return send({
			...request,
			headers: { ...request.headers, Authorization: `Bearer ${accessToken}` },
		});
	};
	return async (request) => {
		const answer = await authorised(request, false);
		return answer.status === 401 ? authorised(request, true) : answer;
	};
}

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
