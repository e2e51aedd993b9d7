/** The role-mapping dropdowns against the emulators: Okta groups by name (value: id), Halo choices after "none". */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { HALO_SEED } from '../../../emulators/halo';
import { loadOptions } from '../../../nodes/HaloApplyRoleMappings/loadOptions';
import type { Emulators } from '../../helpers/emulators';
import { OKTA_TOKEN, startEmulators } from '../../helpers/emulators';
import { haloToken, loadOptionsContext } from './support/loadOptionsContext';

describe('Apply Role Mappings dropdowns', () => {
	let emulators: Emulators;
	let context: ReturnType<typeof loadOptionsContext>;
	before(async () => {
		emulators = await startEmulators({ okta: { org: { users: 20, groups: 12, seed: 5 } } });
		const credentials = emulators.credentials();
		context = loadOptionsContext({
			parameters: { authentication: 'apiToken' },
			credentials: credentials as Record<string, Record<string, unknown>>,
			authorization: { oktaTokenApi: `SSWS ${OKTA_TOKEN}`, haloApi: `Bearer ${await haloToken(emulators.halo.url)}` },
		});
	});
	after(async () => emulators?.close());

	test('Okta groups: every group by name, sorted, the value is the group id', async () => {
		const options = await loadOptions.getOktaGroups.call(context);
		const groups = emulators.okta.store.groups;
		assert.equal(options.length, groups.length);
		const managers = groups.find((g) => g.profile.name === 'Managers')!;
		assert.deepEqual(
			options.find((o) => o.name === 'Managers'),
			{ name: 'Managers', value: managers.id, description: managers.profile.description ?? undefined },
		);
		assert.deepEqual(options.map((o) => o.name), [...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
	});

	test('Halo agent roles, CABs and user roles start with "none"', async () => {
		const roles = await loadOptions.getAgentRoleChoices.call(context);
		assert.deepEqual(roles[0], { name: '- None -', value: '' });
		assert.deepEqual(roles.find((o) => o.name === 'Technician'), { name: 'Technician', value: HALO_SEED.agentRoles.technician });
		const cabs = await loadOptions.getCabChoices.call(context);
		assert.deepEqual(cabs.slice(1).map((o) => o.value).sort(), [HALO_SEED.cabs.changeBoard, HALO_SEED.cabs.emergencyBoard]);
		const userRoles = await loadOptions.getUserRoleChoices.call(context);
		assert.equal(userRoles.length, 4);
	});
});
