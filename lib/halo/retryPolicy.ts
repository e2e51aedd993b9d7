import type { RetryPolicy } from '../http/retryDelay';

/**
 * Halo's retry policy (its own, apart from Okta's: lib/okta/retryPolicy.ts).
 * Halo's 429s carry no reset header (a rolling ~300 requests / 5 minutes), so
 * waits are back-off; the request's time budget bounds the total
 * (docs/requests.md).
 */
export const HALO_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
	maxRetries: 8,
	baseDelayMs: 1000,
	maxDelayMs: 60_000,
	maxRateLimitWaitMs: 120_000,
});
