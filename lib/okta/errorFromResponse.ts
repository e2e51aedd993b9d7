import type { HttpRequest, HttpResponse } from '../http/types';
import { OktaApiError } from './OktaApiError';
import type { OktaErrorCause } from './OktaApiError';

/** Management API paths → the read scope they need, for the hint on a scope refusal. */
const SCOPE_BY_PATH: Array<[RegExp, string]> = [
	[/^\/api\/v1\/users/, 'okta.users.read'],
	[/^\/api\/v1\/groups/, 'okta.groups.read'],
	[/^\/api\/v1\/apps/, 'okta.apps.read'],
	[/^\/api\/v1\/eventHooks/, 'okta.eventHooks.manage'],
];

/**
 * Reads Okta's error body: the management API's `{errorCode, errorSummary,
 * errorCauses}` or the OAuth endpoints' `{error, error_description}`. Only what
 * Okta said goes into the error, never request headers.
 */
export function errorFromResponse(request: HttpRequest, response: HttpResponse): OktaApiError {
	const body = parseBody(response.body);
	const path = safePath(request.url);
	const oauthError = typeof body.error === 'string' ? body.error : undefined;
	return new OktaApiError({
		status: response.status,
		errorCode: stringOf(body.errorCode) ?? oauthError,
		errorSummary:
			stringOf(body.errorSummary) ??
			stringOf(body.error_description) ??
			oauthError ??
			textOf(response.body),
		errorCauses: causesOf(body.errorCauses),
		errorId: stringOf(body.errorId),
		requiredScope:
			response.status === 403
				? missingScope(response.headers['www-authenticate'], path)
				: undefined,
		request: `${request.method} ${path}`,
	});
}

/** Okta marks scope refusals `WWW-Authenticate: Bearer error="insufficient_scope"` (sometimes with `scope="…"`). */
function missingScope(header: string | undefined, path: string): string | undefined {
	if (!header || !/insufficient_scope/i.test(header)) return undefined;
	const named = /scope="([^"]+)"/i.exec(header)?.[1];
	if (named) return named;
	return SCOPE_BY_PATH.find(([pattern]) => pattern.test(path))?.[1];
}

function parseBody(body: unknown): Record<string, unknown> {
	if (body && typeof body === 'object' && !Array.isArray(body))
		return body as Record<string, unknown>;
	if (typeof body === 'string' && body.trim().startsWith('{')) {
		try {
			return JSON.parse(body) as Record<string, unknown>;
		} catch {
			return {};
		}
	}
	return {};
}

function stringOf(value: unknown): string | undefined {
	return typeof value === 'string' && value ? value : undefined;
}

/** A short plain-text body (a proxy's "Bad Gateway"); HTML pages are left out. */
function textOf(body: unknown): string | undefined {
	if (typeof body !== 'string') return undefined;
	const text = body.trim();
	return text && text.length <= 200 && !text.startsWith('<') ? text : undefined;
}

function causesOf(value: unknown): OktaErrorCause[] {
	if (!Array.isArray(value)) return [];
	return value
		.map((cause) => stringOf((cause as { errorSummary?: unknown })?.errorSummary))
		.filter((summary): summary is string => summary !== undefined)
		.map((errorSummary) => ({ errorSummary }));
}

function safePath(url: string): string {
	try {
		return new URL(url).pathname;
	} catch {
		return url.split('?')[0];
	}
}
