/**
 * What the real services would allow. The emulators ran with raised limits;
 * here the logged calls are held against the real budgets:
 * - Halo: 300 `/api` requests per rolling 5 minutes per instance. A run of N
 *   calls uses N/300 windows, so at the sustained rate a real Halo allows it
 *   takes at least N/300 × 5 min, and every call past the first 300 would
 *   have met a 429 had the run gone at full speed.
 * - Okta: per-minute budgets per endpoint family (the emulator's
 *   DEFAULT_RATE_LIMITS, Okta's documented defaults); the tightest bucket
 *   decides the minimum time.
 */
import { DEFAULT_RATE_LIMITS, type RateLimitBucket } from '../emulators/okta/rateLimit';
import type { BenchParams } from './params';
import type { Traffic } from './traffic';

const OKTA_WINDOW_MS = 60_000;

export interface RealLimits {
	/** Halo `/api` calls beyond one window's budget (each would have been refused at full speed). */
	haloOverBudget: number;
	/** Share of the Halo budget used, in windows (1 = a whole 5-minute budget). */
	haloWindows: number;
	/** Minimum wall time a real Halo imposes: calls / max × window. */
	haloMinMs: number;
	/** Minimum wall time the Okta per-minute budgets impose (tightest bucket). */
	oktaMinMs: number;
	oktaTightestBucket?: RateLimitBucket;
}

export function realLimits(traffic: Traffic, budget: BenchParams['haloBudget']): RealLimits {
	const haloWindows = traffic.halo.apiCalls / budget.max;
	let oktaMinMs = 0;
	let oktaTightestBucket: RateLimitBucket | undefined;
	for (const [bucket, calls] of Object.entries(traffic.okta.buckets) as Array<
		[RateLimitBucket, number]
	>) {
		const ms = (calls / DEFAULT_RATE_LIMITS[bucket]) * OKTA_WINDOW_MS;
		if (ms > oktaMinMs) [oktaMinMs, oktaTightestBucket] = [ms, bucket];
	}
	return {
		haloOverBudget: Math.max(0, traffic.halo.apiCalls - budget.max),
		haloWindows,
		haloMinMs: haloWindows * budget.windowMs,
		oktaMinMs,
		oktaTightestBucket,
	};
}
