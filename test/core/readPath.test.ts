import assert from 'node:assert/strict';

import { chooseReadPath, lookupTerms, remainingPages } from '../../lib/core/readPath';

describe('remainingPages', () => {
	const cases: Array<[number, number, number]> = [
		[0, 100, 0],
		[100, 100, 0],
		[101, 100, 1],
		[10_000, 100, 99],
		[5_000, 100, 49],
		[7, 0, 6],
	];
	for (const [total, size, pages] of cases)
		test(`${total} records, ${size} a page → ${pages} after page 1`, () =>
			assert.equal(remainingPages(total, size), pages));
});

describe('chooseReadPath', () => {
	test('look-ups only when fewer calls than the remaining pages; a tie reads pages', () => {
		assert.equal(chooseReadPath({ total: 10_000, pageSize: 100, lookups: 2 }), 'lookups');
		assert.equal(chooseReadPath({ total: 10_000, pageSize: 100, lookups: 98 }), 'lookups');
		assert.equal(chooseReadPath({ total: 10_000, pageSize: 100, lookups: 99 }), 'pages');
		assert.equal(chooseReadPath({ total: 100, pageSize: 100, lookups: 1 }), 'pages');
		assert.equal(chooseReadPath({ total: 250, pageSize: 100, lookups: 2 }), 'pages');
		assert.equal(chooseReadPath({ total: 250, pageSize: 100, lookups: 1 }), 'lookups');
	});
});

describe('lookupTerms', () => {
	const record = {
		oktaid: '00uA1',
		emailaddress: 'Ann.Lee@Example.com',
		login: 'ann.lee@example.com',
		name: 'Ann Lee',
	};
	test('one term per distinct matchOn value (an email that is also the login once); never the Okta id, which search is not known to match', () => {
		assert.deepEqual(lookupTerms(record, ['oktaid', 'emailaddress', 'login']), [
			{ field: 'emailaddress', value: 'ann.lee@example.com' },
		]);
		assert.deepEqual(lookupTerms({ ...record, login: 'ann' }, ['okta_id', 'login']), [
			{ field: 'login', value: 'ann' },
		]);
	});
	test('empty values give no term', () => {
		assert.deepEqual(
			lookupTerms({ oktaid: '00uB', emailaddress: ' ' }, ['oktaid', 'emailaddress']),
			[],
		);
	});
	test('a matchOn field search cannot find → undefined (read pages)', () => {
		assert.equal(lookupTerms(record, ['oktaid', 'name']), undefined);
		assert.equal(lookupTerms(record, ['employee_number']), undefined);
	});
});
