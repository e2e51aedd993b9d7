/**
 * The cursor behind List's "only changed since last run": the largest Okta
 * `lastUpdated` seen, minus a safety overlap (a user updated while the last
 * page was read is read again rather than missed; the Upsert makes re-reads
 * harmless). No cursor means the first run, which reads everything.
 */

/** One minute: larger than Okta's clock and index lag, small enough to re-read few users. */
export const DEFAULT_CURSOR_OVERLAP_MS = 60_000;

function parseTime(value: string | undefined | null): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/** Okta's timestamp format: ISO 8601 UTC with milliseconds, e.g. 2024-05-01T08:30:00.000Z. */
export function formatOktaTimestamp(ms: number): string {
	return new Date(ms).toISOString();
}

/** The Okta users `filter` for changes after the cursor; undefined (a full read) without a usable cursor. */
export function buildLastUpdatedFilter(cursor: string | undefined | null): string | undefined {
	const ms = parseTime(cursor);
	return ms === undefined ? undefined : `lastUpdated gt "${formatOktaTimestamp(ms)}"`;
}

/** The cursor to store after a run: max `lastUpdated` seen minus the overlap, never earlier than `previous`. */
export function nextCursor(
	previous: string | undefined | null,
	users: ReadonlyArray<{ lastUpdated?: string | null }>,
	overlapMs: number = DEFAULT_CURSOR_OVERLAP_MS,
): string | undefined {
	const previousMs = parseTime(previous);
	let latest: number | undefined;
	for (const user of users) {
		const ms = parseTime(user.lastUpdated);
		if (ms !== undefined && (latest === undefined || ms > latest)) latest = ms;
	}
	const candidate = latest === undefined ? undefined : latest - Math.max(0, overlapMs);
	const next =
		candidate === undefined
			? previousMs
			: previousMs === undefined
				? candidate
				: Math.max(previousMs, candidate);
	return next === undefined ? undefined : formatOktaTimestamp(next);
}
