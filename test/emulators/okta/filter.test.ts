import assert from 'node:assert/strict';

import {
	compileQuery,
	FilterSyntaxError,
	parseExpression,
	type ExpressionRules,
} from '../../../emulators/okta/filter';

const anything: ExpressionRules = {
	caseInsensitiveValues: true,
	attribute: (name) =>
		name.endsWith('At')
			? { operators: ['eq', 'gt', 'ge', 'lt', 'le', 'pr'], type: 'date' }
			: { operators: ['eq', 'ne', 'sw', 'ew', 'co', 'gt', 'ge', 'lt', 'le', 'pr'], type: 'string' },
};

const items = [
	{
		id: 'a',
		name: 'Ann "The" Lee',
		tags: ['x', 'y'],
		seenAt: '2024-01-01T00:00:00.000Z',
		n: 1,
		on: true,
	},
	{ id: 'b', name: 'Bob', tags: ['z'], seenAt: '2025-06-01T10:00:00.000Z', n: 2, on: false },
	{ id: 'c', name: 'cat', tags: [], seenAt: null, n: 3, on: true },
];

function select(expression: string, rules = anything): string[] {
	const predicate = compileQuery<(typeof items)[number]>(expression, rules);
	return items.filter(predicate).map((item) => item.id);
}

describe('Okta filter expressions', () => {
	const rows: Array<[string, string[]]> = [
		['id eq "a"', ['a']],
		['id EQ "A"', ['a']],
		['name sw "b"', ['b']],
		['name co "the"', ['a']],
		['name ew "T"', ['c']],
		['name eq "Ann \\"The\\" Lee"', ['a']],
		['tags eq "y"', ['a']],
		['seenAt gt "2024-06-01T00:00:00.000Z"', ['b']],
		['seenAt ge "2024-01-01T00:00:00.000Z"', ['a', 'b']],
		['seenAt pr', ['a', 'b']],
		['n gt 1', ['b', 'c']],
		['on eq true', ['a', 'c']],
		['id eq "a" or id eq "b" and n eq 3', ['a']],
		['(id eq "a" or id eq "b") and n eq 2', ['b']],
		['((id eq "c"))', ['c']],
		['id ne "a" AND id ne "b"', ['c']],
	];
	for (const [expression, expected] of rows) {
		test(expression, () => assert.deepEqual(select(expression), expected));
	}

	test('values compare exactly when the rules say so (filter)', () => {
		assert.deepEqual(select('id eq "A"', { ...anything, caseInsensitiveValues: false }), []);
	});

	const invalid = [
		'',
		'id',
		'id eq',
		'id eq a',
		'id xx "a"',
		'id eq "a" and',
		'(id eq "a"',
		'id eq "a")',
		'not id eq "a"',
		'id eq "unterminated',
		'seenAt gt "soon"',
		'seenAt sw "2024"',
		'n sw 1',
	];
	for (const expression of invalid) {
		test(`refused: ${JSON.stringify(expression)}`, () => {
			assert.throws(() => compileQuery(expression, anything), FilterSyntaxError);
		});
	}

	test('unsupported attributes and operators are refused by the rules', () => {
		const narrow: ExpressionRules = {
			caseInsensitiveValues: false,
			attribute: (name) => (name === 'id' ? { operators: ['eq'], type: 'string' } : undefined),
		};
		assert.throws(() => compileQuery('name eq "x"', narrow), /Unsupported attribute name/);
		assert.throws(() => compileQuery('id sw "x"', narrow), /Operator sw is not supported/);
		assert.deepEqual(parseExpression('id eq "x"'), {
			kind: 'compare',
			attribute: 'id',
			operator: 'eq',
			value: 'x',
		});
	});
});
