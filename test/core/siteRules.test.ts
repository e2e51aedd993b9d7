import assert from 'node:assert/strict';

import { findSiteRule } from '../../lib/core/siteRules';
import type { SiteRule } from '../../lib/core/types';
import { oktaUser, type UserSpec } from './coreFixtures';

const rules: SiteRule[] = [
	{ group: 'Contractors', siteId: 10, statuses: ['STAGED', 'PROVISIONED'] },
	{ group: 'sales', siteId: 20, userRoleId: 2 },
	{ group: '00g-london', siteId: 30 },
	{ appId: '0oa-portal', siteId: 40 },
	{ siteId: 50, statuses: ['SUSPENDED'] },
];

describe('findSiteRule', () => {
	const cases: Array<{ name: string; user: UserSpec; siteId: number | undefined }> = [
		{ name: 'group by name, case-insensitive', user: { groups: ['Sales'] }, siteId: 20 },
		{
			name: 'group by id',
			user: { groups: [{ id: '00g-london', name: 'London Office' }] },
			siteId: 30,
		},
		{
			name: 'first match wins',
			user: { groups: ['London Office', 'SALES', { id: '00g-london', name: 'L' }] },
			siteId: 20,
		},
		{ name: 'status filter excludes', user: { groups: ['Contractors'] }, siteId: undefined },
		{
			name: 'status filter includes',
			user: { status: 'STAGED', groups: ['Contractors', 'Sales'] },
			siteId: 10,
		},
		{ name: 'app assignment', user: { appIds: ['0oa-other', '0oa-portal'] }, siteId: 40 },
		{ name: 'statuses-only rule', user: { status: 'SUSPENDED' }, siteId: 50 },
		{ name: 'nothing matches', user: { groups: ['Everyone'] }, siteId: undefined },
		{ name: 'user without groups', user: {}, siteId: undefined },
	];
	for (const { name, user, siteId } of cases) {
		test(name, () => assert.equal(findSiteRule(oktaUser(user), rules)?.siteId, siteId));
	}
});
