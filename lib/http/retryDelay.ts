import type { HttpResponse } from './types';

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** First back-off delay; doubles each retry. */
	baseDelayMs: number;
	/** Longest single back-off delay. */
	maxDelayMs: number;
	/** Longest wait honoured from a rate-limit header (Okta `X-Rate-Limit-Reset`, `Retry-After`). */
	maxRateLimitWaitMs: number;
}

/** Exponential back-off with a little jitter so parallel runs do not retry in step. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.round(exp * (0.9 + 0.2 * random()));
}

/**
 * How long to wait before retrying after `response`, or undefined when the
 * response is final. 429: until Okta's `X-Rate-Limit-Reset` (epoch seconds) or
 * `Retry-After`, else back-off (Halo sends no rate-limit headers). 5xx: back-off.
 */
export function retryDelayForResponse(
	response: HttpResponse,
	attempt: number,
	policy: RetryPolicy,
	nowMs: number,
	random = Math.random,
): number | undefined {
	const { status, headers } = response;
	if (status === 429) {
		const reset = Number(headers['x-rate-limit-reset']);
		if (Number.isFinite(reset) && reset > 0) {
			// Reset is whole seconds; add a small margin so we land after it.
			const wait = reset * 1000 - nowMs + 250;
			return Math.min(policy.maxRateLimitWaitMs, Math.max(250, wait));
		}
		const retryAfter = parseRetryAfter(headers['retry-after'], nowMs);
		if (retryAfter !== undefined) return Math.min(policy.maxRateLimitWaitMs, retryAfter);
		return backoffDelay(attempt, policy, random);
	}
	if (status === 502 || status === 503 || status === 504 || status === 500) {
		return backoffDelay(attempt, policy, random);
	}
	return undefined;
}

export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'EPIPE',
	'ECONNABORTED',
	'EAI_AGAIN',
	'UND_ERR_SOCKET',
]);

/** Network error codes worth retrying; `ECONNREFUSED` means the request never left. */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && TRANSIENT_NETWORK_CODES.has(code)) return code;
		const message = (current as { message?: unknown }).message;
		if (typeof message === 'string' && /socket hang up/i.test(message)) return 'ECONNRESET';
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
