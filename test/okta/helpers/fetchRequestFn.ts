/** A RequestFn over Node's fetch, for tests and scripts that run outside n8n. */
import type { HttpRequest, HttpResponse, RequestFn } from '../../../lib/http/types';

export function fetchRequestFn(): RequestFn {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const url = new URL(request.url);
		for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
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
		const out: Record<string, string> = {};
		response.headers.forEach((value, name) => (out[name.toLowerCase()] = value));
		let parsed: unknown = text;
		if (/json/i.test(out['content-type'] ?? '') && text) parsed = JSON.parse(text);
		return { status: response.status, headers: out, body: parsed };
	};
}

/** Wraps a RequestFn and records every request, for request-count assertions. */
export function recording(send: RequestFn): RequestFn & { calls: HttpRequest[] } {
	const calls: HttpRequest[] = [];
	const fn = (async (request: HttpRequest) => {
		calls.push(request);
		return send(request);
	}) as RequestFn & { calls: HttpRequest[] };
	fn.calls = calls;
	return fn;
}

/** Decodes a compact JWT without checking it. */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown>; signingInput: string; signature: Buffer } {
	const [h, p, s] = token.split('.');
	return {
		header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')),
		payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')),
		signingInput: `${h}.${p}`,
		signature: Buffer.from(s, 'base64url'),
	};
}
