/**
 * Reading only what a small run needs (docs/requests.md, "small runs cost
 * little"): the Halo users a run's people could match, found with one
 * `GET /api/Users?search=` per look-up term instead of every page, when
 * lib/core/readPath.ts says that takes fewer calls; and a person's tickets of
 * a type with `GET /api/Tickets?user_id=&requesttype_id=`.
 *
 * Search results are candidates: Halo's `search` matches text anywhere in a
 * few fields, so the planner still matches exactly (lib/core/recordIndex.ts).
 * Whether Halo's search also looks at the Okta id is not documented; a person
 * is therefore searched by every `matchOn` value (Okta id, email, login); the
 * Upsert reads every page before creating anyone who is not a new starter
 * (lib/halo/upsert.ts, docs/concurrency.md).
 */
import { chooseReadPath, lookupTerms, remainingPages } from '../core/readPath';
import type { LookupTerm, ReadPath } from '../core/readPath';
import type { HaloRecord, MappedItem } from '../core/types';
import type { HaloClient, HaloQuery } from './HaloClient';
import { usersQuery } from './HaloClient';

/**
 * How existing records are read. The nodes always run `auto` (by estimated
 * cost); `pages` reads every page as full syncs do, so that `npm run bench`
 * can measure one delivery both ways in the same run.
 */
export const readPolicy: { mode: 'auto' | 'pages' } = { mode: 'auto' };

export interface ExistingUsers {
	records: HaloRecord[];
	path: ReadPath;
}

/**
 * Every Halo user (active and inactive) that one of `items` could match on
 * `matchOn`: page 1 first; then either the remaining pages or one search per
 * look-up term, whichever takes fewer calls. `allPages` (Deactivate Missing
 * needs every record) always reads the pages.
 */
export async function existingUsersFor(
	client: HaloClient,
	items: readonly MappedItem[],
	matchOn: readonly string[],
	options: { allPages?: boolean } = {},
): Promise<ExistingUsers> {
	const query = usersQuery({ includeInactive: true });
	const terms =
		options.allPages || readPolicy.mode === 'pages' ? undefined : termsOf(items, matchOn);
	const sizeKey = `${client.baseUrl}\nUsers`;
	// Halo's size from an earlier run in this process: when look-ups beat even a known-large list,
	// page 1 is not needed to decide.
	const known = knownSize(sizeKey);
	if (terms && known !== undefined && terms.length < pagesOf(known, client.listPageSize))
		return { records: await searchUsers(client, terms, query), path: 'lookups' };
	const firstPage = await client.listFirstPage('Users', query);
	if (firstPage.total !== undefined) rememberSize(sizeKey, firstPage.total);
	if (
		terms &&
		firstPage.total !== undefined &&
		chooseReadPath({
			total: firstPage.total,
			pageSize: client.listPageSize,
			lookups: terms.length,
		}) === 'lookups'
	) {
		return { records: await searchUsers(client, terms, query), path: 'lookups' };
	}
	return { records: await client.listUsers({ includeInactive: true, firstPage }), path: 'pages' };
}

/**
 * List sizes (`record_count`) seen lately in this process, per Halo and list: an
 * estimate only, to skip the page-1 probe of the next small run. A wrong
 * estimate costs calls, never correctness: both paths find the same people.
 */
const sizes = new Map<string, { total: number; at: number }>();
const SIZE_TTL_MS = 15 * 60_000;

function knownSize(key: string): number | undefined {
	const entry = sizes.get(key);
	return entry && Date.now() - entry.at < SIZE_TTL_MS ? entry.total : undefined;
}

function rememberSize(key: string, total: number): void {
	if (sizes.size > 1000) sizes.clear();
	sizes.set(key, { total, at: Date.now() });
}

function pagesOf(total: number, pageSize: number): number {
	return Math.ceil(total / Math.max(1, pageSize));
}

/** Look-up terms of all items, each distinct value once; undefined when any item cannot be looked up. */
function termsOf(
	items: readonly MappedItem[],
	matchOn: readonly string[],
): LookupTerm[] | undefined {
	const terms = new Map<string, LookupTerm>();
	for (const item of items) {
		const own = lookupTerms(item.record, matchOn);
		// Nothing to search by: only a full read can tell whether this person exists.
		if (!own || own.length === 0) return undefined;
		for (const term of own) terms.set(term.value.toLowerCase(), term);
	}
	return [...terms.values()];
}

async function searchUsers(
	client: HaloClient,
	terms: readonly LookupTerm[],
	query: HaloQuery,
): Promise<HaloRecord[]> {
	const byId = new Map<unknown, HaloRecord>();
	for (const term of terms) {
		for (const record of await client.listAll('Users', { ...query, search: term.value }))
			byId.set(record.id ?? `${term.value}#${byId.size}`, record);
	}
	return [...byId.values()];
}

/**
 * The tickets of the type that `userIds` hold: one `user_id` look-up per
 * person, or every page of the type, whichever takes fewer calls. One person
 * is looked up directly (one call, never more than a first page); for more,
 * page 1 tells the size (or a size seen lately in this process does).
 */
export async function ticketsOfType(
	client: HaloClient,
	ticketTypeId: number,
	userIds: readonly number[],
): Promise<HaloRecord[]> {
	const query: HaloQuery = { requesttype_id: ticketTypeId };
	const people = [...new Set(userIds)];
	const sizeKey = `${client.baseUrl}\nTickets\n${ticketTypeId}`;
	const known = knownSize(sizeKey);
	const lookupsWin =
		readPolicy.mode === 'auto' &&
		(people.length <= 1 ||
			(known !== undefined && people.length < pagesOf(known, client.listPageSize)));
	if (!lookupsWin) {
		const firstPage = await client.listFirstPage('Tickets', query);
		if (firstPage.total !== undefined) rememberSize(sizeKey, firstPage.total);
		if (
			readPolicy.mode === 'pages' ||
			firstPage.total === undefined ||
			people.length >= remainingPages(firstPage.total, client.listPageSize)
		)
			return ofType(await client.listAll('Tickets', query, firstPage), ticketTypeId);
	}
	const found: HaloRecord[] = [];
	for (const userId of people) {
		const tickets = await client.listAll('Tickets', { ...query, user_id: userId });
		// Exact check: a Halo that ignored a filter must not make one person's ticket count for another.
		found.push(...ofType(tickets, ticketTypeId).filter((t) => Number(t.user_id) === userId));
	}
	return found;
}

/** Tickets whose type is known to differ are left out (list answers may lack the type; those are kept). */
function ofType(tickets: readonly HaloRecord[], ticketTypeId: number): HaloRecord[] {
	return tickets.filter(
		(ticket) =>
			ticket.tickettype_id === undefined ||
			ticket.tickettype_id === null ||
			Number(ticket.tickettype_id) === ticketTypeId,
	);
}
