/**
 * Okta's per-endpoint rate limits: a budget of requests per fixed window
 * (a minute by default, aligned to the clock like Okta's), reported on every
 * answer as `X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining` and
 * `X-Rate-Limit-Reset` (epoch seconds when the window ends).
 */

export type RateLimitBucket = 'users' | 'groups' | 'apps' | 'oauth' | 'eventHooks' | 'default';

/** Okta's documented per-minute defaults for these endpoint families. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitBucket, number>> = {
	users: 600,
	groups: 500,
	apps: 100,
	oauth: 600,
	eventHooks: 100,
	default: 1200,
};

export function bucketOf(path: string): RateLimitBucket {
	const lower = path.toLowerCase();
	if (lower.startsWith('/oauth2/') || lower.startsWith('/.well-known/')) return 'oauth';
	if (lower.startsWith('/api/v1/users')) return 'users';
	if (lower.startsWith('/api/v1/groups')) return 'groups';
	if (lower.startsWith('/api/v1/apps')) return 'apps';
	if (lower.startsWith('/api/v1/eventhooks')) return 'eventHooks';
	return 'default';
}

export interface RateState {
	limit: number;
	remaining: number;
	/** Epoch seconds at which the window resets. */
	reset: number;
}

export class RateLimiter {
	private readonly used = new Map<RateLimitBucket, { windowStart: number; count: number }>();
	private readonly limits: Record<RateLimitBucket, number>;

	constructor(
		limits: Partial<Record<RateLimitBucket, number>> = {},
		private readonly windowMs = 60_000,
		private readonly clock: () => number = Date.now,
	) {
		this.limits = { ...DEFAULT_RATE_LIMITS, ...limits };
	}

	/** Counts one request; `allowed` is false once the window's budget is spent. */
	take(bucket: RateLimitBucket): RateState & { allowed: boolean } {
		const entry = this.current(bucket);
		const allowed = entry.count < this.limits[bucket];
		if (allowed) entry.count++;
		return { ...this.state(bucket), allowed };
	}

	/** The bucket's state without counting a request. */
	state(bucket: RateLimitBucket): RateState {
		const entry = this.current(bucket);
		const limit = this.limits[bucket];
		return {
			limit,
			remaining: Math.max(0, limit - entry.count),
			reset: Math.ceil((entry.windowStart + this.windowMs) / 1000),
		};
	}

	reset(): void {
		this.used.clear();
	}

	private current(bucket: RateLimitBucket): { windowStart: number; count: number } {
		const now = this.clock();
		const windowStart = now - (now % this.windowMs);
		let entry = this.used.get(bucket);
		if (!entry || entry.windowStart !== windowStart) {
			entry = { windowStart, count: 0 };
			this.used.set(bucket, entry);
		}
		return entry;
	}
}

export function rateLimitHeaders(state: RateState): Record<string, string> {
	return {
		'X-Rate-Limit-Limit': String(state.limit),
		'X-Rate-Limit-Remaining': String(state.remaining),
		'X-Rate-Limit-Reset': String(state.reset),
	};
}

/**
 * The state to report with an answer. A 429 always reports nothing left; an injected 429 (the bucket itself
 * still has room) resets within a second, like Okta's short burst limits.
 */
export function stateForAnswer(
	state: RateState,
	status: number,
	now: number = Date.now(),
): RateState {
	if (status !== 429) return state;
	return {
		...state,
		remaining: 0,
		reset: state.remaining > 0 ? Math.floor(now / 1000) + 1 : state.reset,
	};
}
