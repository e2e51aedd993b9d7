/**
 * Reads a list request's `search` or `filter` parameter (search wins when
 * both are given) into a predicate, or the 400 E0000031 Okta answers for an
 * expression it does not support.
 */
import type { EmulatorRequest, EmulatorResponse } from '../server';
import { errors } from './errors';
import {
	compileQuery,
	FilterSyntaxError,
	type AttributeReader,
	type AttributeRule,
	type ExpressionRules,
	type Operator,
} from './filter';

export interface SelectionRules<T> {
	filter: ExpressionRules;
	search: ExpressionRules;
	read?: AttributeReader<T>;
}

export type Selection<T> =
	| { kind: 'all' }
	| { kind: 'filter' | 'search'; predicate: (item: T) => boolean }
	| { kind: 'error'; answer: EmulatorResponse };

export function readSelection<T>(req: EmulatorRequest, rules: SelectionRules<T>): Selection<T> {
	const search = req.query.get('search');
	const filter = req.query.get('filter');
	const kind = search !== null ? 'search' : filter !== null ? 'filter' : undefined;
	if (!kind) return { kind: 'all' };
	try {
		return { kind, predicate: compileQuery<T>((search ?? filter)!, rules[kind], rules.read) };
	} catch (error) {
		if (error instanceof FilterSyntaxError)
			return { kind: 'error', answer: errors.invalidSearch(error.message) };
		throw error;
	}
}

/** Builds `ExpressionRules` from a table of exact attributes plus an optional rule for any `profile.*` attribute. */
export function rulesFrom(
	table: Record<string, AttributeRule>,
	caseInsensitiveValues: boolean,
	anyProfileAttribute?: AttributeRule,
): ExpressionRules {
	return {
		caseInsensitiveValues,
		attribute: (name) =>
			Object.prototype.hasOwnProperty.call(table, name)
				? table[name]
				: anyProfileAttribute && /^profile\.[A-Za-z_][A-Za-z0-9_]*$/.test(name)
					? anyProfileAttribute
					: undefined,
	};
}

const DATE_COMPARISONS: Operator[] = ['eq', 'gt', 'ge', 'lt', 'le'];

export const RULE = {
	eqOnly: { operators: ['eq'], type: 'string' } as AttributeRule,
	dateFilter: { operators: DATE_COMPARISONS, type: 'date' } as AttributeRule,
	dateSearch: { operators: [...DATE_COMPARISONS, 'pr'], type: 'date' } as AttributeRule,
	textSearch: {
		operators: ['eq', 'sw', 'gt', 'ge', 'lt', 'le', 'pr'],
		type: 'string',
	} as AttributeRule,
	/** `co` (contains) is allowed only on a few attributes. */
	textSearchWithContains: {
		operators: ['eq', 'sw', 'co', 'gt', 'ge', 'lt', 'le', 'pr'],
		type: 'string',
	} as AttributeRule,
};
