import { RedirectRefusedError } from './RedirectRefusedError';
import type { HttpRequest, HttpResponse, RequestFn } from './types';

/** More same-origin hops than this is a loop. */
const MAX_REDIRECTS = 5;

function isRedirect(status: number): boolean {
	return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/**
 * Wraps a RequestFn whose transport does not follow redirects (n8n's helper with
 * `disableFollowRedirect`): a redirect on the request's own origin is followed
 * here, one to any other origin is a RedirectRefusedError naming that host, so
 * the credential the request carries never travels there (docs/security.md).
 */
export function sameOriginRedirects(send: RequestFn): RequestFn {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		let current = request;
		for (let hop = 0; ; hop++) {
			const response = await send(current);
			const location = response.headers.location;
			if (!isRedirect(response.status) || !location) return response;
			const from = new URL(current.url);
			const to = new URL(location, from);
			if (to.origin !== from.origin) throw new RedirectRefusedError(response.status, from, to);
			if (hop >= MAX_REDIRECTS)
				throw new Error(
					`${from.host} redirected more than ${MAX_REDIRECTS} times (last to ${to.pathname}); stopping`,
				);
			// The Location carries its own query; 303 (and 301/302 after a POST, as browsers do) turns into a GET.
			const toGet =
				response.status === 303 ||
				((response.status === 301 || response.status === 302) && current.method !== 'GET');
			current = toGet
				? { method: 'GET', url: to.toString(), headers: current.headers }
				: { ...current, url: to.toString(), query: undefined };
		}
	};
}
