/** A RequestFn over Node's fetch, for running the Okta and Halo clients outside n8n in tests; `onRequest` sees each request. */
import type { HttpRequest, HttpResponse, RequestFn } from '../../lib/http/types';

export function fetchRequestFn(onRequest?: (request: HttpRequest) => void): RequestFn {
	return async (request) => {
		onRequest?.(request);
		const url = new URL(request.url);
		for (const [key, value] of Object.entries(request.query ?? {}))
			if (value !== undefined) url.searchParams.set(key, String(value));
		const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
		let body: string | undefined;
		if (request.form) {
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
			body = new URLSearchParams(request.form).toString();
		} else if (request.body !== undefined) {
			headers['Content-Type'] = 'application/json';
			body = JSON.stringify(request.body);
		}
		const response = await fetch(url, { method: request.method, headers, body });
		const text = await response.text();
		let parsed: unknown = text;
		if ((response.headers.get('content-type') ?? '').includes('json') && text !== '')
			parsed = JSON.parse(text);
		const out: HttpResponse = { status: response.status, headers: {}, body: parsed };
		response.headers.forEach((value, name) => (out.headers[name.toLowerCase()] = value));
		return out;
	};
}
