/**
 * One Okta org and one empty Halo per scenario side, both with a small
 * latency. Rate limits are raised so the naive baseline can finish; what a
 * real tenant would allow is computed afterwards from the request logs
 * (budget.ts), so nothing is hidden by the raise.
 */
import type { Emulators } from '../test/helpers/emulators';
import { startEmulators } from '../test/helpers/emulators';
import type { BenchParams } from './params';

const UNLIMITED = 1_000_000_000;

export async function startBenchEmulators(params: BenchParams, users: number): Promise<Emulators> {
	return startEmulators({
		okta: {
			org: { users, groups: params.groups, apps: 3, seed: params.seed },
			latencyMs: params.latencyMs,
			rateLimits: {
				users: UNLIMITED,
				groups: UNLIMITED,
				apps: UNLIMITED,
				oauth: UNLIMITED,
				eventHooks: UNLIMITED,
				default: UNLIMITED,
			},
		},
		halo: {
			latencyMs: params.latencyMs,
			rateLimit: { max: UNLIMITED, windowMs: params.haloBudget.windowMs },
		},
	});
}
