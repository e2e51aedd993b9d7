/** Field-level difference between a Halo record and the record the mapping wants. */
import { listCovers, mergeList, valuesEqual } from './compare';
import type { FieldChange, HaloRecord } from './types';

/**
 * Lists where Okta only adds what it manages and memberships made in Halo stay
 * (an agent's `teams`: the mapped default team is ensured, other teams kept;
 * `departments` likewise).
 */
const MERGED_LISTS = new Set(['teams', 'departments']);

/**
 * Changes for the fields `wanted` sets, except `id` and the create-only ones.
 * `to` is what to write: the wanted value, or for merged lists the existing
 * list with the wanted entries added or updated.
 */
export function diffRecord(
	existing: HaloRecord,
	wanted: HaloRecord,
	createOnly: readonly string[] = [],
): Record<string, FieldChange> {
	const changes: Record<string, FieldChange> = {};
	for (const [field, to] of Object.entries(wanted)) {
		if (field === 'id' || to === undefined || createOnly.includes(field)) continue;
		const from = existing[field];
		if (MERGED_LISTS.has(field) && Array.isArray(to)) {
			const current = Array.isArray(from) ? from : [];
			if (!listCovers(current, to)) changes[field] = { from, to: mergeList(current, to) };
			continue;
		}
		if (!valuesEqual(field, from, to)) changes[field] = { from, to };
	}
	return changes;
}
