/**
 * Plain HTTP for the naive baseline: one `fetch` per request, the way an n8n
 * HTTP Request node sends it. Any status resolves; the caller decides.
 */
import type { HttpRequest, HttpResponse, RequestFn } from '../lib/http/types';
import { fetchRequestFn } from '../test/helpers/fetchRequestFn';

export const fetchRequest: RequestFn = fetchRequestFn();

/** The answer's body, or an error naming the request (the baseline has no retry logic, like a hand-built flow). */
export async function expectOk(send: RequestFn, request: HttpRequest): Promise<HttpResponse> {
	const answer = await send(request);
	if (answer.status < 200 || answer.status >= 300) {
		const detail = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
		throw new Error(
			`${request.method} ${new URL(request.url).pathname} answered ${answer.status}: ${detail.slice(0, 200)}`,
		);
	}
	return answer;
}
