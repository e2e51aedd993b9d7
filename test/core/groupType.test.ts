/**
 * Role mappings by group name match Okta groups (OKTA_GROUP, and the built-in
 * Everyone) only: an APP_GROUP that shares the name is matched by its id alone.
 */
import assert from 'node:assert/strict';

import { groupMatches } from '../../lib/core/rolePlan';
import type { OktaGroupRef } from '../../lib/core/types';
import { groupRef } from '../../lib/okta/OktaClient';
import type { OktaGroup } from '../../lib/okta/types';

describe('group names match Okta groups only', () => {
	const okta: OktaGroupRef = { id: '00g1', name: 'Engineering', type: 'OKTA_GROUP' };
	const app: OktaGroupRef = { id: '00g2', name: 'Engineering', type: 'APP_GROUP' };

	test('an APP_GROUP with the same name does not match by name, only by id', () => {
		assert.equal(groupMatches('Engineering', okta), true);
		assert.equal(groupMatches('engineering', okta), true);
		assert.equal(groupMatches('Engineering', app), false);
		assert.equal(groupMatches('00g2', app), true);
	});

	test("the group refs the Okta client attaches carry Okta's group type", () => {
		const group = { id: '00g2', type: 'APP_GROUP', profile: { name: 'Engineering' } } as OktaGroup;
		assert.deepEqual(groupRef(group), { id: '00g2', name: 'Engineering', type: 'APP_GROUP' });
	});
});
