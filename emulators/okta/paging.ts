/**
 * Cursor paging as Okta does it: `limit` (capped per endpoint) and `after`
 * (the last id of the previous page); the answer carries absolute
 * `Link: <…>; rel="self"` and, when more items follow, `<…>; rel="next"`.
 */
import type { EmulatorRequest } from '../server';
import { indexAfter } from './sorted';

export interface LimitRule {
	defaultLimit: number;
	maxLimit: number;
}

/** Reads `limit`; a missing or unusable value means the default, a larger one the maximum (Okta caps silently). */
export function readLimit(query: URLSearchParams, rule: LimitRule): number {
	const raw = query.get('limit');
	const parsed = raw === null ? NaN : Number.parseInt(raw, 10);
	if (!Number.isFinite(parsed) || parsed < 1) return rule.defaultLimit;
	return Math.min(parsed, rule.maxLimit);
}

export interface Page<T> {
	items: T[];
	/** Cursor for the next page; absent on the last page. */
	nextAfter?: string;
}

/** The page after `after` of an id-sorted list, keeping only items that pass `accept`. */
export function pageOf<T>(
	sorted: readonly T[],
	keyOf: (item: T) => string,
	after: string | undefined,
	limit: number,
	accept: (item: T) => boolean = () => true,
): Page<T> {
	return pageFrom(sorted, indexAfter(sorted, after, keyOf), keyOf, limit, accept);
}

/** Like `pageOf` for a list in another order (a search with `sortBy`): the page resumes after the item with id `after`. */
export function pageAfterItem<T>(
	ordered: readonly T[],
	keyOf: (item: T) => string,
	after: string | undefined,
	limit: number,
): Page<T> {
	const start = after === undefined ? 0 : ordered.findIndex((item) => keyOf(item) === after) + 1;
	return pageFrom(ordered, start, keyOf, limit, () => true);
}

function pageFrom<T>(
	list: readonly T[],
	start: number,
	keyOf: (item: T) => string,
	limit: number,
	accept: (item: T) => boolean,
): Page<T> {
	const items: T[] = [];
	let i = start;
	for (; i < list.length && items.length < limit; i++) if (accept(list[i])) items.push(list[i]);
	for (; i < list.length; i++) {
		if (accept(list[i])) return { items, nextAfter: keyOf(items[items.length - 1]) };
	}
	return { items };
}

/** Orders search results by `sortBy` (ties by id), as Okta does for searches. */
export function sortForSearch<T extends { id: string }>(
	items: readonly T[],
	sortBy: string,
	descending: boolean,
	read: (item: T, attribute: string) => unknown,
): T[] {
	const text = (item: T): string => {
		const value = read(item, sortBy);
		return value === null || value === undefined ? '' : String(value).toLowerCase();
	};
	const sorted = [...items].sort(
		(a, b) => text(a).localeCompare(text(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
	);
	return descending ? sorted.reverse() : sorted;
}

function encodeQuery(params: Array<[string, string]>): string {
	return params
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
		.join('&');
}

/** `Link` header value: self (the request as made) and next (same query, new `after`, explicit `limit`). */
export function linkHeader(
	origin: string,
	req: EmulatorRequest,
	limit: number,
	nextAfter?: string,
): string {
	const params = [...req.query.entries()];
	const self = `${origin}${req.path}${params.length ? '?' + encodeQuery(params) : ''}`;
	const links = [`<${self}>; rel="self"`];
	if (nextAfter !== undefined) {
		const kept = params.filter(([key]) => key !== 'after' && key !== 'limit');
		const next = `${origin}${req.path}?${encodeQuery([...kept, ['after', nextAfter], ['limit', String(limit)]])}`;
		links.push(`<${next}>; rel="next"`);
	}
	return links.join(', ');
}
