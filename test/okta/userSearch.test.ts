import assert from 'node:assert/strict';

import { OKTA_STATUSES } from '../../lib/core/types';
import { statusClause, userListingQuery } from '../../lib/okta/userSearch';

describe('userListingQuery', () => {
	test('no options: a search naming every status, so DEPROVISIONED users are listed', () => {
		const { search, filter, q } = userListingQuery({});
		assert.equal(filter, undefined);
		assert.equal(q, undefined);
		for (const status of OKTA_STATUSES)
			assert.ok(search!.includes(`status eq "${status}"`), status);
		assert.ok(search!.includes('DEPROVISIONED'));
	});
	test('statuses narrow the search', () => {
		assert.deepEqual(userListingQuery({ statuses: ['ACTIVE', 'SUSPENDED'] }), {
			search: 'status eq "ACTIVE" or status eq "SUSPENDED"',
		});
	});
	test('an own search already returns every status; statuses are and-ed in only when given', () => {
		assert.deepEqual(userListingQuery({ search: 'profile.department eq "Sales"' }), {
			search: 'profile.department eq "Sales"',
		});
		assert.deepEqual(
			userListingQuery({ search: 'profile.department eq "Sales"', statuses: ['ACTIVE'] }),
			{
				search: '(profile.department eq "Sales") and (status eq "ACTIVE")',
			},
		);
	});
	test('updated-since becomes a lastUpdated clause with Okta instants', () => {
		assert.deepEqual(
			userListingQuery({ updatedSince: '2024-03-01T10:00:00Z', statuses: ['DEPROVISIONED'] }),
			{
				search: '(lastUpdated gt "2024-03-01T10:00:00.000Z") and (status eq "DEPROVISIONED")',
			},
		);
		assert.throws(() => userListingQuery({ updatedSince: 'yesterday-ish' }), RangeError);
	});
	test('a filter stays a filter (Okta does not combine filter and search)', () => {
		assert.deepEqual(userListingQuery({ filter: 'profile.login eq "a@b.c"' }), {
			filter: 'profile.login eq "a@b.c"',
		});
	});
	test('q cannot be combined by Okta; statuses are applied locally', () => {
		assert.deepEqual(userListingQuery({ q: 'ann', statuses: ['ACTIVE'] }), {
			q: 'ann',
			localStatuses: ['ACTIVE'],
		});
	});
	test('statusClause dedupes', () => {
		assert.equal(statusClause(['ACTIVE', 'ACTIVE']), 'status eq "ACTIVE"');
	});
});
