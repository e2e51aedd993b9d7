import { RequestBudgetError } from './RequestBudgetError';
import { RequestCancelledError } from './RequestCancelledError';
import { backoffDelay, networkErrorCode, retryDelayForResponse } from './retryDelay';
import type { RetryPolicy } from './retryDelay';
import type { HttpRequest, HttpResponse, RequestFn } from './types';
import { waitUnlessAborted } from './wait';

/** Every request's total time (attempts, back-off and rate-limit waits) unless a node sets another. */
export const DEFAULT_REQUEST_BUDGET_MS = 5 * 60_000;

export interface RetryOptions {
	/** Overrides of the API's own policy (lib/okta/retryPolicy.ts, lib/halo/retryPolicy.ts). */
	policy?: Partial<RetryPolicy>;
	/** Total time one request may take, retries and waits included; default 5 minutes. */
	budgetMs?: number;
	/** n8n's execution cancel signal: once aborted, nothing more is sent and no wait goes on. */
	signal?: AbortSignal;
	sleep?: (ms: number) => Promise<void>;
	now?: () => number;
	/** Called before each wait; for logs and tests. */
	onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

/**
 * Sends `request`, retrying rate limits, 5xx and dropped connections with
 * bounded back-off under `policy` (each API has its own). A request that is
 * not idempotent (a Halo create) is retried only when the server surely did
 * not apply it: a 429, or a refused connection. The whole exchange stays
 * within the time budget (RequestBudgetError past it) and stops when the
 * execution is cancelled (RequestCancelledError).
 */
export async function sendWithRetry(
	send: RequestFn,
	request: HttpRequest,
	idempotent: boolean,
	basePolicy: RetryPolicy,
	options: RetryOptions = {},
): Promise<HttpResponse> {
	const policy = { ...basePolicy, ...options.policy };
	const now = options.now ?? Date.now;
	const budgetMs = options.budgetMs ?? DEFAULT_REQUEST_BUDGET_MS;
	const deadline = now() + budgetMs;
	const action = `${request.method} ${request.url.split('?')[0]}`;
	const { signal } = options;
	/** Waits before the next attempt, unless that would pass the deadline or the run was stopped. */
	const waitFor = async (delayMs: number, reason: string) => {
		if (now() + delayMs >= deadline) throw new RequestBudgetError(action, budgetMs, reason);
		if (!(await waitUnlessAborted(delayMs, signal, options.sleep)))
			throw new RequestCancelledError(action);
	};
	for (let attempt = 0; ; attempt++) {
		if (signal?.aborted) throw new RequestCancelledError(action);
		if (deadline - now() <= 0) throw new RequestBudgetError(action, budgetMs, 'no time left');
		let response: HttpResponse | undefined;
		let failure: unknown;
		try {
			// The same request each attempt (deadline fixed), the cancel signal only when there is one.
			response = await send(signal ? { ...request, deadline, signal } : { ...request, deadline });
		} catch (error) {
			failure = error;
		}
		if (response === undefined) {
			if (signal?.aborted) throw new RequestCancelledError(action);
			// No answer arrived: only a transient network failure is worth another try.
			const code = networkErrorCode(failure);
			const retryable = code !== undefined && (idempotent || code === 'ECONNREFUSED');
			if (!retryable || attempt >= policy.maxRetries) throw failure;
			const delayMs = backoffDelay(attempt, policy);
			options.onRetry?.({ attempt, delayMs, reason: code });
			await waitFor(delayMs, code);
			continue;
		}
		if (attempt >= policy.maxRetries) return response;
		if (!idempotent && response.status !== 429) return response;
		const delayMs = retryDelayForResponse(response, attempt, policy, now());
		if (delayMs === undefined) return response;
		const reason = `HTTP ${response.status}`;
		options.onRetry?.({ attempt, delayMs, reason });
		await waitFor(delayMs, reason);
	}
}
