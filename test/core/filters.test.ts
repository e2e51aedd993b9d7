import assert from 'node:assert/strict';

import { filterMatches, filtersMatch } from '../../lib/core/filters';
import { findSiteRule } from '../../lib/core/siteRules';
import type { Filter, SiteRule } from '../../lib/core/types';
import { oktaUser } from './coreFixtures';

const user = oktaUser({
	status: 'ACTIVE',
	profile: { department: ' Sales EMEA ', userType: 'Employee', costCenter: '' },
	groups: ['Staff', 'London Office'],
});

describe('filterMatches (Halo IntegrationFilter)', () => {
	const cases: Array<[Filter, boolean]> = [
		[{ field: 'profile.department', op: 'eq', value: 'sales emea' }, true],
		[{ field: 'profile.department', op: 'eq', value: 'Sales' }, false],
		[{ field: 'profile.department', op: 'ne', value: 'SALES EMEA' }, false],
		[{ field: 'profile.department', op: 'ne', value: 'Support' }, true],
		[{ field: 'profile.department', op: 'contains', value: 'les em' }, true],
		[{ field: 'profile.department', op: 'startsWith', value: 'SALES' }, true],
		[{ field: 'profile.department', op: 'startsWith', value: 'EMEA' }, false],
		[{ field: 'profile.department', op: 'endsWith', value: 'emea' }, true],
		[{ field: 'profile.department', op: 'in', value: ['Support', 'sales emea'] }, true],
		[{ field: 'profile.department', op: 'in', value: ['Support', 'Sales'] }, false],
		[{ field: 'profile.userType', op: 'exists' }, true],
		[{ field: 'profile.costCenter', op: 'exists' }, false],
		[{ field: 'profile.costCenter', op: 'notExists' }, true],
		[{ field: 'profile.nickName', op: 'notExists' }, true],
		[{ field: 'profile.nickName', op: 'ne', value: 'x' }, true],
		[{ field: 'profile.nickName', op: 'eq', value: 'x' }, false],
		[{ field: 'status', op: 'eq', value: 'active' }, true],
		[{ field: 'groups', op: 'eq', value: 'london office' }, true],
		[{ field: 'groups', op: 'ne', value: 'Staff' }, false],
	];
	for (const [filter, expected] of cases) {
		test(`${filter.field} ${filter.op} ${JSON.stringify('value' in filter ? filter.value : null)} → ${expected}`, () =>
			assert.equal(filterMatches(filter, user), expected));
	}

	test('every filter must match; none is a match', () => {
		assert.equal(filtersMatch(undefined, user), true);
		assert.equal(
			filtersMatch(
				[
					{ field: 'status', op: 'eq', value: 'ACTIVE' },
					{ field: 'profile.userType', op: 'eq', value: 'Contractor' },
				],
				user,
			),
			false,
		);
	});
});

describe('site rules with statuses and filters', () => {
	const rules: SiteRule[] = [
		{
			group: 'Staff',
			statuses: ['SUSPENDED'],
			siteId: 1,
		},
		{
			group: 'Staff',
			filters: [
				{ field: 'profile.department', op: 'startsWith', value: 'sales' },
				{ field: 'profile.userType', op: 'eq', value: 'Contractor' },
			],
			siteId: 2,
		},
		{
			group: 'staff',
			statuses: ['ACTIVE'],
			filters: [
				{ field: 'profile.department', op: 'contains', value: 'emea' },
				{ field: 'profile.userType', op: 'ne', value: 'Contractor' },
			],
			siteId: 3,
		},
		{ filters: [{ field: 'profile.userType', op: 'exists' }], siteId: 4 },
	];

	test('the first rule whose group, statuses and every filter match wins', () => {
		assert.equal(findSiteRule(user, rules)?.siteId, 3);
		assert.equal(findSiteRule({ ...user, groups: [] }, rules)?.siteId, 4);
		assert.equal(findSiteRule({ ...user, status: 'SUSPENDED' }, rules)?.siteId, 1);
	});

	test('an app rule needs the app among the user’s appIds', () => {
		const appRule: SiteRule[] = [{ appId: '0oa1', siteId: 9 }];
		assert.equal(findSiteRule(user, appRule), undefined);
		assert.equal(findSiteRule({ ...user, appIds: ['0oa2', '0oa1'] }, appRule)?.siteId, 9);
		assert.equal(
			findSiteRule({ ...user, appIds: ['0oa1'] }, [
				{
					appId: '0oa1',
					filters: [{ field: 'profile.userType', op: 'eq', value: 'x' }],
					siteId: 9,
				},
			]),
			undefined,
		);
	});
});
