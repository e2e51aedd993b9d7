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
 * is therefore searched by every `matchOn` value (Okta id, email, login), and
 * one whose record still carries an old email is found by the Okta id only
 * where Halo indexes it (docs/concurrency.md).
 */
import { chooseReadPath, lookupTerms, remainingPages } from '../core/readPath';
import type { LookupTerm, ReadPath } from '../core/readPath';
import type { HaloRecord, MappedItem } from '../core/types';
import type { HaloClient, HaloQuery } from './HaloClient';
import { usersQuery } from './HaloClient';

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
	const firstPage = await client.listFirstPage('Users', query);
	const terms = options.allPages ? undefined : termsOf(items, matchOn);
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
 * Halo user id → that user's earliest ticket of the type, for `userIds`: page 1
 * of the type's tickets first (when more than one person is asked about), then
 * the remaining pages or one `user_id` look-up per person, whichever takes
 * fewer calls. One person is looked up directly: one call, never more than a
 * first page.
 */
export async function ticketsOfType(
	client: HaloClient,
	ticketTypeId: number,
	userIds: readonly number[],
): Promise<HaloRecord[]> {
	const query: HaloQuery = { requesttype_id: ticketTypeId };
	const people = [...new Set(userIds)];
	if (people.length > 1) {
		const firstPage = await client.listFirstPage('Tickets', query);
		const lookups = firstPage.total === undefined ? Infinity : people.length;
		if (
			firstPage.total === undefined ||
			lookups >= remainingPages(firstPage.total, client.listPageSize)
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
