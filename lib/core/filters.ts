/**
 * Halo's IntegrationFilter on a site rule (`filters: [{ field, op, value }]`,
 * docs/mapping-config.md): a condition on one Okta attribute. Text compares
 * trimmed and ignoring letter case; a list attribute (e.g. `groups`) matches
 * when any of its values does; `value` given as a list means "any of them"
 * (`ne`: none of them).
 */
import { readSource } from './template';
import type { Filter, OktaUser } from './types';
import { isEmptyValue, toText } from './values';

function texts(value: unknown): string[] {
	const values = Array.isArray(value) ? value : [value];
	return values
		.filter((v) => !isEmptyValue(v))
		.map((v) => toText(v).trim().toLowerCase())
		.filter((v) => v !== '');
}

const TEXT_TESTS: Record<
	'eq' | 'contains' | 'startsWith' | 'endsWith' | 'in',
	(actual: string, wanted: string) => boolean
> = {
	eq: (a, w) => a === w,
	in: (a, w) => a === w,
	contains: (a, w) => a.includes(w),
	startsWith: (a, w) => a.startsWith(w),
	endsWith: (a, w) => a.endsWith(w),
};

export function filterMatches(filter: Filter, user: OktaUser): boolean {
	const raw = readSource(user, filter.field);
	if (filter.op === 'exists') return !isEmptyValue(raw);
	if (filter.op === 'notExists') return isEmptyValue(raw);
	const actual = texts(raw);
	const wanted = texts('value' in filter ? filter.value : undefined);
	if (filter.op === 'ne') return !actual.some((a) => wanted.includes(a));
	const test = TEXT_TESTS[filter.op];
	return actual.some((a) => wanted.some((w) => test(a, w)));
}

/** Every filter matches (no filters: true). */
export function filtersMatch(filters: readonly Filter[] | undefined, user: OktaUser): boolean {
	return (filters ?? []).every((filter) => filterMatches(filter, user));
}
