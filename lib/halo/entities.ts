/** Halo API entities this package reads or writes: their URL segment and list behaviour. */

export type HaloEntity =
	| 'Users'
	| 'Agent'
	| 'Site'
	| 'Client'
	| 'Team'
	| 'Roles'
	| 'UserRoles'
	| 'CAB'
	| 'CABMember'
	| 'TicketType'
	| 'Template'
	| 'Tickets'
	/** Departments (and the clients' top levels): Halo's `Tree` records. */
	| 'TopLevel';

/**
 * Entities whose GET takes `pageinate`/`page_size`/`page_no` (halo-swagger.json).
 * The others answer one bare array and ignore paging, so asking page 2 would
 * read the same records again.
 */
export const PAGED_ENTITIES: ReadonlySet<HaloEntity> = new Set<HaloEntity>([
	'Users',
	'Site',
	'Client',
	'Template',
	'Tickets',
]);

/** Property holding the records when a list answer is wrapped (`{record_count, users: […]}`). */
const LIST_KEYS = [
	'users',
	'sites',
	'clients',
	'tickets',
	'templates',
	'agents',
	'teams',
	'records',
	'data',
];

export interface ListPage {
	records: Record<string, unknown>[];
	/** `record_count` when Halo sent it: the total across pages. */
	total?: number;
}

/** Unwraps a list answer: a bare array, or an object wrapping the array. Undefined when it is neither. */
export function unwrapList(body: unknown): ListPage | undefined {
	if (Array.isArray(body)) return { records: body as Record<string, unknown>[] };
	if (!body || typeof body !== 'object') return undefined;
	const o = body as Record<string, unknown>;
	const total = typeof o.record_count === 'number' ? o.record_count : undefined;
	for (const key of LIST_KEYS) {
		if (Array.isArray(o[key])) return { records: o[key] as Record<string, unknown>[], total };
	}
	const anyArray = Object.values(o).find(Array.isArray);
	if (anyArray) return { records: anyArray as Record<string, unknown>[], total };
	// `{record_count: 0}` with no list property is an empty page.
	return total !== undefined ? { records: [], total } : undefined;
}

/** Records per POST: a whole number of at least 1 (an expression giving 0 or 2.5 still writes), 50 by default. */
export function batchSizeOf(size: number | undefined): number {
	return Math.max(1, Math.floor(size ?? 50));
}

/**
 * Lines a save answer up with the records sent. Halo answers the saved records
 * in the order sent (an object for a single record); when the count differs,
 * updates are matched by `id` and creates take the remaining answers in order.
 */
export function alignSaved(
	sent: readonly Record<string, unknown>[],
	body: unknown,
): Array<Record<string, unknown> | undefined> {
	const answers: Record<string, unknown>[] = Array.isArray(body)
		? (body as Record<string, unknown>[])
		: body && typeof body === 'object'
			? [body as Record<string, unknown>]
			: [];
	if (answers.length === sent.length) return [...answers];
	const byId = new Map<unknown, Record<string, unknown>>();
	for (const answer of answers)
		if (answer && answer.id !== undefined) byId.set(String(answer.id), answer);
	const claimed = new Set<Record<string, unknown>>();
	const out = sent.map((record) => {
		const match = record.id !== undefined ? byId.get(String(record.id)) : undefined;
		if (match) claimed.add(match);
		return match;
	});
	const rest = answers.filter((a) => !claimed.has(a));
	return out.map((found, i) => found ?? (sent[i].id === undefined ? rest.shift() : undefined));
}
