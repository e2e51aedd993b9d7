/**
 * Halo's hosted rate limit: a rolling window per instance (300 requests per
 * 5 minutes, some tenants 700). Refusals are plain-text 429s with no
 * rate-limit headers, so clients cannot know when to retry and must back off.
 */
import type { EmulatorResponse } from '../server';

export interface RateLimitOptions {
	max: number;
	windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 300, windowMs: 300_000 };

export class RollingWindowLimiter {
	/** Times of the accepted requests still inside the window, oldest first. */
	private readonly accepted: number[] = [];
	private head = 0;

	constructor(
		readonly options: RateLimitOptions,
		private readonly now: () => number = Date.now,
	) {}

	/** Records a request; false when the window is full (refused requests do not count). */
	tryTake(): boolean {
		const now = this.now();
		while (
			this.head < this.accepted.length &&
			this.accepted[this.head] <= now - this.options.windowMs
		)
			this.head++;
		if (this.head > 1024 && this.head * 2 > this.accepted.length) {
			this.accepted.splice(0, this.head);
			this.head = 0;
		}
		if (this.accepted.length - this.head >= this.options.max) return false;
		this.accepted.push(now);
		return true;
	}

	/** Requests counted in the current window. */
	get used(): number {
		return this.accepted.length - this.head;
	}

	reset(): void {
		this.accepted.length = 0;
		this.head = 0;
	}
}

/** `Rate Limit Reached - 300 Requests per rolling 5 minute window`, worded for any window. */
export function rateLimitMessage({ max, windowMs }: RateLimitOptions): string {
	const span =
		windowMs % 60_000 === 0 ? `${windowMs / 60_000} minute` : `${windowMs / 1000} second`;
	return `Rate Limit Reached - ${max} Requests per rolling ${span} window`;
}

export function rateLimitResponse(options: RateLimitOptions): EmulatorResponse {
	return { status: 429, body: rateLimitMessage(options) };
}
