import type { RetryPolicy } from '../http/retryDelay';

/**
 * Okta's retry policy (its own, apart from Halo's: lib/halo/retryPolicy.ts).
 * Okta says when a rate limit resets (`X-Rate-Limit-Reset`), so waits follow
 * it, capped; the request's time budget bounds the total (docs/requests.md).
 */
export const OKTA_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
	maxRetries: 8,
	baseDelayMs: 1000,
	maxDelayMs: 60_000,
	maxRateLimitWaitMs: 120_000,
});
