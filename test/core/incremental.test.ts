import assert from 'node:assert/strict';

import {
	buildLastUpdatedFilter,
	DEFAULT_CURSOR_OVERLAP_MS,
	formatOktaTimestamp,
	nextCursor,
} from '../../lib/core/incremental';

describe('buildLastUpdatedFilter', () => {
	const cases: Array<[string | undefined | null, string | undefined]> = [
		[undefined, undefined],
		[null, undefined],
		['', undefined],
		['not a date', undefined],
		['2024-05-01T08:30:00.000Z', 'lastUpdated gt "2024-05-01T08:30:00.000Z"'],
		['2024-05-01T08:30:00Z', 'lastUpdated gt "2024-05-01T08:30:00.000Z"'],
		['2024-05-01T10:30:00.5+02:00', 'lastUpdated gt "2024-05-01T08:30:00.500Z"'],
	];
	for (const [cursor, filter] of cases) {
		test(`cursor ${JSON.stringify(cursor)}`, () =>
			assert.equal(buildLastUpdatedFilter(cursor), filter));
	}
});

describe('nextCursor', () => {
	const at = (iso: string) => ({ lastUpdated: iso });
	const cases: Array<{
		name: string;
		previous?: string;
		users: Array<{ lastUpdated?: string | null }>;
		overlap?: number;
		expected: string | undefined;
	}> = [
		{
			name: 'first run with users: max lastUpdated minus the default overlap',
			users: [
				at('2024-05-01T08:00:00.000Z'),
				at('2024-05-01T09:00:00.000Z'),
				at('2024-05-01T08:30:00.000Z'),
			],
			expected: '2024-05-01T08:59:00.000Z',
		},
		{
			name: 'custom overlap',
			users: [at('2024-05-01T09:00:00.000Z')],
			overlap: 0,
			expected: '2024-05-01T09:00:00.000Z',
		},
		{ name: 'first run without users stays full', users: [], expected: undefined },
		{
			name: 'no users keeps the previous cursor',
			previous: '2024-05-01T08:00:00.000Z',
			users: [],
			expected: '2024-05-01T08:00:00.000Z',
		},
		{
			name: 'never goes backwards',
			previous: '2024-05-01T09:00:00.000Z',
			users: [at('2024-05-01T09:00:30.000Z')],
			expected: '2024-05-01T09:00:00.000Z',
		},
		{
			name: 'moves forward',
			previous: '2024-05-01T09:00:00.000Z',
			users: [at('2024-05-01T10:00:00.000Z')],
			expected: '2024-05-01T09:59:00.000Z',
		},
		{
			name: 'users without or with bad lastUpdated are ignored',
			previous: '2024-05-01T09:00:00.000Z',
			users: [{}, { lastUpdated: null }, at('garbage')],
			expected: '2024-05-01T09:00:00.000Z',
		},
		{
			name: 'an unreadable previous cursor is replaced',
			previous: 'garbage',
			users: [at('2024-05-01T10:00:00.000Z')],
			overlap: 1000,
			expected: '2024-05-01T09:59:59.000Z',
		},
	];
	for (const { name, previous, users, overlap, expected } of cases) {
		test(name, () => assert.equal(nextCursor(previous, users, overlap), expected));
	}

	test('the default overlap is one minute', () => assert.equal(DEFAULT_CURSOR_OVERLAP_MS, 60_000));
	test('Okta format has milliseconds and Z', () =>
		assert.equal(formatOktaTimestamp(Date.UTC(2024, 0, 2, 3, 4, 5)), '2024-01-02T03:04:05.000Z'));
});
