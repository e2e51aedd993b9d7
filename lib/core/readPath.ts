/**
 * Small runs cost little (docs/requests.md): whether a run reads a Halo list
 * page by page, once, or looks its people up one by one. Decided by estimated
 * calls, with no setting: page 1 of the list is read first (it carries Halo's
 * `record_count`, and is the start of a full read if one follows), then the
 * remaining pages are compared with the look-ups the run would make instead.
 * Pure: the Halo side is in lib/halo/lookup.ts.
 */
import { isOktaIdField } from './oktaId';
import { matchKey } from './recordIndex';
import type { HaloRecord } from './types';

export type ReadPath = 'pages' | 'lookups';

export interface ReadCost {
	/** Records in the whole list (`record_count` of page 1). */
	total: number;
	/** Records per page. */
	pageSize: number;
	/** Calls the individual look-ups would take. */
	lookups: number;
}

/** Pages still to read after page 1. */
export function remainingPages(total: number, pageSize: number): number {
	return Math.max(0, Math.ceil(total / Math.max(1, pageSize)) - 1);
}

/** Look-ups only when they take fewer calls than the remaining pages; a tie reads the pages (one complete picture). */
export function chooseReadPath(cost: ReadCost): ReadPath {
	return cost.lookups < remainingPages(cost.total, cost.pageSize) ? 'lookups' : 'pages';
}

/**
 * The fields a person can be looked up by with Halo's `search` (users:
 * `GET /api/Users?search=`), and the Okta id fields. A `matchOn` field
 * outside these cannot be looked up individually, so such a run reads pages.
 */
const SEARCHABLE_USER_FIELDS = new Set(['oktaid', 'okta_id', 'emailaddress', 'login']);

export interface LookupTerm {
	field: string;
	/** The text to search for. */
	value: string;
}

/**
 * The searches that find every record a mapped user could match on
 * `matchOn`, one per distinct value (an email that is also the login is
 * searched once); undefined when a `matchOn` field is not searchable.
 */
export function lookupTerms(
	record: HaloRecord,
	matchOn: readonly string[],
): LookupTerm[] | undefined {
	if (!matchOn.every((field) => SEARCHABLE_USER_FIELDS.has(field))) return undefined;
	const terms: LookupTerm[] = [];
	const seen = new Set<string>();
	for (const field of matchOn) {
		// Halo's search is not documented to look at the Okta id (the emulator's does not): a person
		// is searched by email and login, and one not found is looked for in every page unless they
		// are a new starter (lib/halo/upsert.ts).
		if (isOktaIdField(field)) continue;
		const key = matchKey(field, record[field]);
		if (key === undefined || seen.has(key.toLowerCase())) continue;
		seen.add(key.toLowerCase());
		terms.push({ field, value: key });
	}
	return terms;
}
