/**
 * Plain HTTP for the naive baseline: one `fetch` per request, the way an n8n
 * HTTP Request node sends it. Any status resolves; the caller decides.
 */
import type { HttpRequest, HttpResponse, RequestFn } from '../lib/http/types';

export const fetchRequest: RequestFn = async (request: HttpRequest): Promise<HttpResponse> => {
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
	const parsed: unknown = /json/i.test(out['content-type'] ?? '') && text ? JSON.parse(text) : text;
	return { status: response.status, headers: out, body: parsed };
};

/** The answer's body, or an error naming the request (the baseline has no retry logic, like a hand-built flow). */
export async function expectOk(send: RequestFn, request: HttpRequest): Promise<HttpResponse> {
	const answer = await send(request);
	if (answer.status < 200 || answer.status >= 300) {
		const detail = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
		throw new Error(`${request.method} ${new URL(request.url).pathname} answered ${answer.status}: ${detail.slice(0, 200)}`);
	}
	return answer;
}
