/**
 * What the generic list / get / save / delete handlers need to know about one
 * Halo entity. One definition per entity lives next to this file.
 */
import type { HaloStore, Table } from '../store';

export type Query = URLSearchParams;
export type Row = { id: number | string; [field: string]: unknown };

export interface EntityDef<R extends Row = Row> {
	/** URL segment under `/api`, spelled as Halo spells it. */
	path: string;
	/** Wrapper key of list answers (`{record_count, users: […]}`); absent: a bare array. */
	listKey?: string;
	/**
	 * Which paging the list honours: `wrapped` (`pageinate`/`page_size`/`page_no`
	 * and `count`, answering `record_count`), `array` (pageinate slices a bare
	 * array: the swagger lists the parameters but not a wrapper), `none`.
	 */
	paging: 'wrapped' | 'array' | 'none';
	/** Fields `search=` looks in (contains, any case). */
	searchFields: string[];
	/** Default sort field. */
	orderBy: string;
	/** GUID ids (agent roles) instead of integers. */
	guidIds?: boolean;
	table(store: HaloStore): Table<R>;
	/** List filters from the query string (active/inactive, site_id, …). */
	filter?(record: R, query: Query, store: HaloStore): boolean;
	/**
	 * The swagger schema list answers carry (`Users_List`, …): a list item has
	 * only that schema's fields (plus `listKeeps`). Absent: the swagger has no
	 * list schema for the entity and lists answer the records as stored.
	 */
	listSchema?: string;
	/** Fields a list keeps beyond its schema because a query parameter asks for them (`includeroles=true`). */
	listKeeps?(query: Query): string[];
	/** The record as answered; `one` for GET by id and save answers. */
	view?(record: R, query: Query, mode: 'list' | 'one'): Record<string, unknown>;
	/**
	 * Builds the record a save stores: `input` merged over `existing` (absent:
	 * a create, with the id already reserved), references checked, derived
	 * fields filled. Throws `HaloHttpError` to refuse.
	 */
	prepare(
		input: Record<string, unknown>,
		existing: R | undefined,
		store: HaloStore,
		newId: number | string,
	): R;
	/** Clean-up after a delete. */
	onDelete?(record: R, store: HaloStore): void;
}

/** Halo query booleans: `true`, `True`, `1`. */
export function isTrue(value: string | null): boolean {
	return value !== null && /^(true|1)$/i.test(value.trim());
}

export function isFalse(value: string | null): boolean {
	return value !== null && /^(false|0)$/i.test(value.trim());
}

/** Active records always (unless `activeParam=false`), inactive ones only with `inactiveParam=true`. */
export function activityFilter(
	inactive: boolean,
	query: Query,
	inactiveParam: string,
	activeParam: string,
): boolean {
	return inactive ? isTrue(query.get(inactiveParam)) : !isFalse(query.get(activeParam));
}

/** An integer query parameter, or undefined when absent or not a number. */
export function intParam(query: Query, name: string): number | undefined {
	const raw = query.get(name);
	if (raw === null || raw.trim() === '') return undefined;
	const value = Number(raw);
	return Number.isFinite(value) ? value : undefined;
}

/** `firstname surname` when no name was given. */
export function displayName(record: Record<string, unknown>): string {
	const name = typeof record.name === 'string' ? record.name.trim() : '';
	if (name) return name;
	return [record.firstname, record.surname]
		.filter((part): part is string => typeof part === 'string' && part.trim() !== '')
		.join(' ')
		.trim();
}

export function withoutKeys<T extends Record<string, unknown>>(
	record: T,
	keys: string[],
): Record<string, unknown> {
	const copy: Record<string, unknown> = { ...record };
	for (const key of keys) delete copy[key];
	return copy;
}

/**
 * A user's or agent's full record (GET by id, save answers): Halo's `Users`
 * and `Uname` carry both `oktaid` and `okta_id`, two fields, each as it was
 * last written (null when never written). Lists carry `okta_id` only.
 */
export function withBothOktaIds(record: Record<string, unknown>): Record<string, unknown> {
	return { ...record, oktaid: record.oktaid ?? null, okta_id: record.okta_id ?? null };
}
