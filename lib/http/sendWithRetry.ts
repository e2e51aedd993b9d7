import { sleep } from 'n8n-workflow';

import {
	DEFAULT_RETRY_POLICY,
	backoffDelay,
	networkErrorCode,
	retryDelayForResponse,
} from './retryDelay';
import type { RetryPolicy } from './retryDelay';
import type { HttpRequest, HttpResponse, RequestFn } from './types';

export interface RetryOptions {
	policy?: Partial<RetryPolicy>;
	sleep?: (ms: number) => Promise<void>;
	now?: () => number;
	/** Called before each wait; for logs and tests. */
	onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

/**
 * Sends `request`, retrying rate limits, 5xx and dropped connections with
 * bounded back-off. A request that is not idempotent (a Halo create) is retried
 * only when the server surely did not apply it: a 429, or a refused connection.
 */
export async function sendWithRetry(
	send: RequestFn,
	request: HttpRequest,
	idempotent: boolean,
	options: RetryOptions = {},
): Promise<HttpResponse> {
	const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
	const wait = options.sleep ?? sleep;
	const now = options.now ?? Date.now;
	for (let attempt = 0; ; attempt++) {
		let response: HttpResponse | undefined;
		let failure: unknown;
		try {
			response = await send(request);
		} catch (error) {
			failure = error;
		}
		if (response === undefined) {
			// No answer arrived: only a transient network failure is worth another try.
			const code = networkErrorCode(failure);
			const retryable = code !== undefined && (idempotent || code === 'ECONNREFUSED');
			if (!retryable || attempt >= policy.maxRetries) throw failure;
			const delayMs = backoffDelay(attempt, policy);
			options.onRetry?.({ attempt, delayMs, reason: code });
			await wait(delayMs);
			continue;
		}
		if (attempt >= policy.maxRetries) return response;
		if (!idempotent && response.status !== 429) return response;
		const delayMs = retryDelayForResponse(response, attempt, policy, now());
		if (delayMs === undefined) return response;
		options.onRetry?.({ attempt, delayMs, reason: `HTTP ${response.status}` });
		await wait(delayMs);
	}
}
