/**
 * The one request function every API client is built on. Nodes pass one that
 * goes through n8n's `httpRequestWithAuthentication`; tests and scripts may pass
 * one over plain `fetch`. It resolves with every HTTP answer (any status) and
 * rejects only when no answer arrived (connection refused, reset, timeout).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | undefined;

export interface HttpRequest {
	method: HttpMethod;
	/** Absolute URL. */
	url: string;
	query?: Record<string, QueryValue>;
	headers?: Record<string, string>;
	/** Sent as JSON. */
	body?: unknown;
	/** Sent as application/x-www-form-urlencoded instead of `body`. */
	form?: Record<string, string>;
	/** When the request's time budget runs out (epoch ms): no attempt may run past it. */
	deadline?: number;
	/** Abort the attempt when the execution is cancelled. */
	signal?: AbortSignal;
}

export interface HttpResponse {
	status: number;
	/** Header names in lower case. */
	headers: Record<string, string>;
	body: unknown;
}

export type RequestFn = (request: HttpRequest) => Promise<HttpResponse>;
