/**
 * List answers: filters, `search`, order, paging and the wrapper.
 * Halo pages with `pageinate=true&page_size=N&page_no=K` (its own spelling;
 * pages are 1-based) or takes the first N with `count=N`; wrapped lists carry
 * `record_count`, the total across all pages (the HaloAPI module computes the
 * page count from it), and with paging also `page_no` and `page_size`.
 */
import type { EntityDef, Query, Row } from './entities/entity';
import { intParam, isTrue } from './entities/entity';
import { listShaped } from './listShape';
import type { HaloStore, Table } from './store';

const DEFAULT_PAGE_SIZE = 50;

/**
 * Each record's searchable fields, lower-cased and joined, for one sorted list
 * (the cache lives as long as that list does, i.e. until the table changes):
 * a client searching per user would otherwise re-read every record each time.
 */
const searchTextCache = new WeakMap<Row[], string[]>();

function searchTexts(records: Row[], fields: string[]): string[] {
	let texts = searchTextCache.get(records);
	if (!texts) {
		texts = records.map((record) =>
			fields
				.map((field) => record[field])
				.filter((value) => value !== undefined && value !== null)
				.map((value) => String(value).toLowerCase())
				.join('\u0000'),
		);
		searchTextCache.set(records, texts);
	}
	return texts;
}

function searchRecords(records: Row[], fields: string[], term: string): Row[] {
	const wanted = term.toLowerCase();
	const texts = searchTexts(records, fields);
	return records.filter((_record, i) => texts[i].includes(wanted));
}

/** Sort key: numbers as numbers, everything else as lower-case text; ties by id. */
function sortRecords(records: Row[], field: string, descending: boolean): Row[] {
	const keyed = records.map((record) => {
		const value = record[field];
		return { record, key: typeof value === 'number' ? value : String(value ?? '').toLowerCase() };
	});
	keyed.sort((a, b) => {
		let order = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
		if (order === 0)
			order =
				String(a.record.id) < String(b.record.id)
					? -1
					: String(a.record.id) > String(b.record.id)
						? 1
						: 0;
		return descending ? -order : order;
	});
	return keyed.map((k) => k.record);
}

/**
 * A table's records in list order, re-sorted only after the table changed:
 * a client paging through 50,000 users would otherwise sort them per page.
 */
const sortedCache = new WeakMap<Table<Row>, { version: number; key: string; records: Row[] }>();

function sortedRecords(table: Table<Row>, field: string, descending: boolean): Row[] {
	const key = `${field}:${descending}`;
	const cached = sortedCache.get(table);
	if (cached && cached.version === table.version && cached.key === key) return cached.records;
	const records = sortRecords(table.all(), field, descending);
	sortedCache.set(table, { version: table.version, key, records });
	return records;
}

interface Page {
	records: Row[];
	total: number;
	page?: { page_no: number; page_size: number };
}

function page(records: Row[], query: Query, paging: EntityDef['paging']): Page {
	const total = records.length;
	if (paging === 'none') return { records, total };
	if (isTrue(query.get('pageinate'))) {
		const size = Math.max(1, intParam(query, 'page_size') ?? DEFAULT_PAGE_SIZE);
		const number = Math.max(1, intParam(query, 'page_no') ?? 1);
		return {
			records: records.slice((number - 1) * size, number * size),
			total,
			page: { page_no: number, page_size: size },
		};
	}
	const count = paging === 'wrapped' ? intParam(query, 'count') : undefined;
	return { records: count !== undefined && count >= 0 ? records.slice(0, count) : records, total };
}

/** The body of `GET /api/{Entity}`. */
export function listAnswer<R extends Row>(
	def: EntityDef<R>,
	store: HaloStore,
	query: Query,
): unknown {
	const orderField = query.get('order')?.trim() || def.orderBy;
	let records = sortedRecords(
		def.table(store) as unknown as Table<Row>,
		orderField,
		isTrue(query.get('orderdesc')),
	);
	const term = query.get('search')?.trim();
	if (term) records = searchRecords(records, def.searchFields, term);
	if (def.filter) records = records.filter((r) => def.filter!(r as R, query, store));
	const result = page(records, query, def.paging);
	const keep = def.listKeeps?.(query) ?? [];
	const views = result.records.map((r) => {
		const view = def.view ? def.view(r as R, query, 'list') : { ...r };
		return def.listSchema ? listShaped(def.listSchema, view, keep) : view;
	});
	if (!def.listKey) return views;
	return { ...result.page, record_count: result.total, [def.listKey]: views };
}
