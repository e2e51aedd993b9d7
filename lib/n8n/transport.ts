import type {
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { sameOriginRedirects } from '../http/redirects';
import type { HttpRequest, HttpResponse, RequestFn } from '../http/types';

export type RequestContext =
	IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/**
 * The request function the API clients run on inside n8n: every call goes
 * through `httpRequestWithAuthentication`, so n8n adds the credential (and
 * refreshes OAuth2 and pre-authenticated tokens on a 401). HTTP errors come back
 * as responses, except 401, which n8n must see to refresh the token; the
 * clients decide what every status means. n8n never follows a redirect here
 * (it would re-send the credential to any host); a same-origin one is followed
 * by `sameOriginRedirects`, any other is an error naming the host
 * (docs/security.md).
 */
export function n8nRequestFn(context: RequestContext, credentialType: string): RequestFn {
	/** The answer, and whether n8n saw it as an error (and so already tried refreshing the token). */
	const send = async (
		request: HttpRequest,
		ignoreHttpStatusErrors: IHttpRequestOptions['ignoreHttpStatusErrors'],
	): Promise<{ response: HttpResponse; seenByN8n: boolean }> => {
		let failure: unknown;
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				credentialType,
				httpRequestOptions(request, ignoreHttpStatusErrors),
			)) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
			const answer = {
				status: response.statusCode,
				headers: lowerCaseHeaders(response.headers),
				body: response.body,
			};
			return { response: answer, seenByN8n: false };
		} catch (error) {
			failure = error;
		}
		// A network failure is the clients' to judge (retry or not), so it goes up as it is.
		const answered = responseOf(failure);
		if (answered) return { response: answered, seenByN8n: true };
		throw failure;
	};
	return sameOriginRedirects(async (request: HttpRequest): Promise<HttpResponse> => {
		const { response, seenByN8n } = await send(request, { ignore: true, except: [401] });
		// n8n 1.x reads any truthy `ignoreHttpStatusErrors` as "ignore all", so its 401 comes back as an
		// answer and the token is never refreshed. Send it once more with errors on: n8n then refreshes
		// the token (pre-authentication or OAuth2) and retries itself.
		if (response.status === 401 && !seenByN8n) return (await send(request, false)).response;
		return response;
	});
}

/**
 * A RequestFn over n8n's plain `httpRequest` helper (no credential applied),
 * for credential code that runs before any node: preAuthentication, where the
 * request itself fetches the token. Resolves for every status, like all RequestFns.
 */
export function helperRequestFn(helpers: IHttpRequestHelper['helpers']): RequestFn {
	return sameOriginRedirects(async (request: HttpRequest): Promise<HttpResponse> => {
		const response = (await helpers.httpRequest(httpRequestOptions(request, true))) as {
			statusCode: number;
			headers?: Record<string, unknown>;
			body: unknown;
		};
		return {
			status: response.statusCode,
			headers: lowerCaseHeaders(response.headers ?? {}),
			body: response.body,
		};
	});
}

/**
 * Our request as n8n's request options: JSON by default, a form when given, the
 * full response back, redirects never followed by n8n (it would re-send the
 * credential to another origin; n8n's `sendCredentialsOnCrossOriginRedirect`
 * defaults to true).
 */
function httpRequestOptions(
	request: HttpRequest,
	ignoreHttpStatusErrors: IHttpRequestOptions['ignoreHttpStatusErrors'],
): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: dropUndefined(request.query),
		headers: { Accept: 'application/json', ...request.headers },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	// No attempt runs past the request's time budget, and a stopped execution aborts it.
	if (request.deadline !== undefined) options.timeout = Math.max(1, request.deadline - Date.now());
	if (request.signal) options.abortSignal = request.signal;
	if (request.form) {
		options.headers = { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
		options.body = new URLSearchParams(request.form).toString();
	} else if (request.body !== undefined) {
		options.body = request.body as IHttpRequestOptions['body'];
	}
	return options;
}

/** n8n wraps HTTP failures (a 401 that survived the token refresh) in NodeApiError; dig out the answer. */
function responseOf(error: unknown): HttpResponse | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const response = (
			current as { response?: { status?: unknown; headers?: unknown; data?: unknown } }
		).response;
		if (response && typeof response.status === 'number') {
			return {
				status: response.status,
				headers: lowerCaseHeaders((response.headers ?? {}) as Record<string, unknown>),
				body: response.data,
			};
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		if (value === undefined || value === null) continue;
		out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return out;
}

function dropUndefined(
	query: HttpRequest['query'],
): Record<string, string | number | boolean> | undefined {
	if (!query) return undefined;
	const out: Record<string, string | number | boolean> = {};
	for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = value;
	return out;
}

/** The legacy `helpers.request` n8n gives credential test functions (request-promise options). */
export type LegacyRequest = (options: Record<string, unknown>) => Promise<unknown>;

/**
 * A RequestFn over the legacy `helpers.request`, the one helper a credential
 * test function gets (n8n's CredentialTestContext): full responses for every
 * status (`simple: false`), so the test reads Okta's and Halo's refusals itself.
 */
export function legacyRequestFn(request: LegacyRequest): RequestFn {
	return async (req: HttpRequest): Promise<HttpResponse> => {
		const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
		const options: Record<string, unknown> = {
			method: req.method,
			uri: req.url,
			qs: dropUndefined(req.query),
			headers,
			json: true,
			resolveWithFullResponse: true,
			simple: false,
		};
		if (req.form) {
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
			options.body = new URLSearchParams(req.form).toString();
			options.json = false;
		} else if (req.body !== undefined) {
			options.body = req.body;
		}
		let response:
			{ statusCode?: number; headers?: Record<string, unknown>; body?: unknown } | undefined;
		let failure: unknown;
		try {
			response = (await request(options)) as typeof response;
		} catch (error) {
			failure = error;
		}
		if (!response) {
			const answered = responseOf(failure);
			if (answered) return answered;
			throw failure;
		}
		let body = response.body;
		if (req.form && typeof body === 'string') {
			try {
				body = JSON.parse(body);
			} catch {
				// Not JSON: the caller reads the text.
			}
		}
		return {
			status: Number(response.statusCode ?? 0),
			headers: lowerCaseHeaders(response.headers ?? {}),
			body,
		};
	};
}
