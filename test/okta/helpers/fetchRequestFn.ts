/** HTTP helpers for the Okta client tests: the shared fetch RequestFn, API-token auth, request recording, JWT decoding. */
import type { HttpRequest, RequestFn } from '../../../lib/http/types';

export { fetchRequestFn } from '../../helpers/fetchRequestFn';

/** An API token (SSWS) on every request, as n8n's API-token credential sends it. */
export function withApiToken(send: RequestFn, apiToken: string): RequestFn {
	return (request) =>
		send({ ...request, headers: { ...request.headers, Authorization: `SSWS ${apiToken}` } });
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
export function decodeJwt(token: string): {
	header: Record<string, unknown>;
	payload: Record<string, unknown>;
	signingInput: string;
	signature: Buffer;
} {
	const [h, p, s] = token.split('.');
	return {
		header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')),
		payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')),
		signingInput: `${h}.${p}`,
		signature: Buffer.from(s, 'base64url'),
	};
}
