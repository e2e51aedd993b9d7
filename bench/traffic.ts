/**
 * What one run sent, read from the emulators' request logs: calls per side,
 * per route (ids folded to `{id}`), Halo writes and the records they carried,
 * Halo searches, and Okta calls per rate-limit bucket.
 */
import type { LoggedRequest } from '../emulators/server';
import { bucketOf, type RateLimitBucket } from '../emulators/okta/rateLimit';

export interface Traffic {
	okta: {
		calls: number;
		routes: Record<string, number>;
		buckets: Partial<Record<RateLimitBucket, number>>;
	};
	halo: {
		/** Everything sent to Halo: `/api` and the token endpoint. */
		calls: number;
		/** Calls under `/api`: what Halo's rate limit counts. */
		apiCalls: number;
		/** POST/DELETE under `/api`. */
		writes: number;
		/** Records carried by those writes (array elements). */
		recordsWritten: number;
		/** GETs with `search=`: per-user look-ups. */
		searches: number;
		routes: Record<string, number>;
	};
}

/** `/api/v1/groups/00g1a2b3c4/users` → `/api/v1/groups/{id}/users`; Halo's numeric ids too. */
export function routeOf(entry: Pick<LoggedRequest, 'method' | 'path' | 'query'>): string {
	const path = entry.path
		.split('/')
		.map((part) =>
			/^\d+$/.test(part) || (/\d/.test(part) && /^[0-9a-z]{12,}$/i.test(part)) ? '{id}' : part,
		)
		.join('/');
	// A search is a different cost class from a page read; paging cursors are not.
	return `${entry.method} ${path}${entry.query.search !== undefined ? '?search=…' : ''}`;
}

function countRoutes(log: readonly LoggedRequest[]): Record<string, number> {
	const routes: Record<string, number> = {};
	for (const entry of log) {
		const route = routeOf(entry);
		routes[route] = (routes[route] ?? 0) + 1;
	}
	return routes;
}

export function measureTraffic(
	oktaLog: readonly LoggedRequest[],
	haloLog: readonly LoggedRequest[],
): Traffic {
	const buckets: Partial<Record<RateLimitBucket, number>> = {};
	for (const entry of oktaLog) {
		const bucket = bucketOf(entry.path);
		buckets[bucket] = (buckets[bucket] ?? 0) + 1;
	}
	const halo = haloLog.filter((entry) => /^\/(api|auth)(\/|$)/i.test(entry.path));
	const api = halo.filter((entry) => /^\/api(\/|$)/i.test(entry.path));
	const writes = api.filter((entry) => entry.method === 'POST' || entry.method === 'DELETE');
	return {
		okta: { calls: oktaLog.length, routes: countRoutes(oktaLog), buckets },
		halo: {
			calls: halo.length,
			apiCalls: api.length,
			writes: writes.length,
			recordsWritten: writes.reduce(
				(sum, entry) => sum + (Array.isArray(entry.body) ? entry.body.length : 1),
				0,
			),
			searches: api.filter((entry) => entry.method === 'GET' && entry.query.search !== undefined)
				.length,
			routes: countRoutes(halo),
		},
	};
}
