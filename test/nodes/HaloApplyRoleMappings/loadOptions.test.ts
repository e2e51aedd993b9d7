/** The role-mapping dropdowns against the emulators: Okta groups by name (value: id), Halo choices after "none". */
import assert from 'node:assert/strict';

import { HALO_SEED } from '../../../emulators/halo';
import { properties } from '../../../nodes/HaloApplyRoleMappings/description';
import { loadOptions } from '../../../nodes/HaloApplyRoleMappings/loadOptions';
import type { Emulators } from '../../helpers/emulators';
import { OKTA_TOKEN, startEmulators } from '../../helpers/emulators';
import { haloToken, loadOptionsContext } from './support/loadOptionsContext';

describe('Apply Role Mappings dropdowns', () => {
	let emulators: Emulators;
	let context: ReturnType<typeof loadOptionsContext>;
	beforeAll(async () => {
		emulators = await startEmulators({ okta: { org: { users: 20, groups: 12, seed: 5 } } });
		const credentials = emulators.credentials();
		context = loadOptionsContext({
			parameters: { authentication: 'apiToken' },
			credentials: credentials as Record<string, Record<string, unknown>>,
			authorization: {
				oktaTokenApi: `SSWS ${OKTA_TOKEN}`,
				haloApi: `Bearer ${await haloToken(emulators.halo.url)}`,
			},
		});
	});
	afterAll(async () => emulators?.close());

	test('Okta groups: every group by name, sorted, the value is the group id', async () => {
		const options = await loadOptions.getOktaGroups.call(context);
		const groups = emulators.okta.store.groups;
		assert.equal(options.length, groups.length);
		const managers = groups.find((g) => g.profile.name === 'Managers')!;
		assert.deepEqual(
			options.find((o) => o.name === 'Managers'),
			{
				name: 'Managers',
				value: managers.id,
				description: managers.profile.description ?? undefined,
			},
		);
		assert.deepEqual(
			options.map((o) => o.name),
			[...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)),
		);
	});

	test('"Okta Groups From" = none (type names): asking Okta for groups is a clear error, no Okta call', async () => {
		const noOkta = loadOptionsContext({
			parameters: { authentication: 'none' },
			credentials: emulators.credentials() as Record<string, Record<string, unknown>>,
			authorization: {},
		});
		const mark = emulators.okta.server.log.length;
		await assert.rejects(
			loadOptions.getOktaGroups.call(noOkta),
			(error: Error & { description?: string }) => {
				assert.equal(error.name, 'NodeOperationError');
				assert.match(error.message, /needs an Okta credential.*"None"/);
				assert.match(String(error.description), /API Token, Service App or OAuth2/);
				return true;
			},
		);
		assert.equal(emulators.okta.server.log.length, mark);
	});

	test('the Okta group choice is a visible dropdown that hides nothing in n8n\'s editor ("none" first, no display options)', () => {
		const authentication = properties.find((p) => p.name === 'authentication')!;
		assert.equal(authentication.displayOptions, undefined);
		assert.equal(authentication.default, 'none');
		assert.deepEqual(
			authentication.options?.map((o) => ('value' in o ? o.value : undefined)),
			['none', 'apiToken', 'serviceApp', 'oAuth2'],
		);
		assert.equal(
			properties.find((p) => p.name === 'groupInput'),
			undefined,
		);
	});

	test('Halo agent roles, CABs and user roles start with "none"', async () => {
		const roles = await loadOptions.getAgentRoleChoices.call(context);
		assert.deepEqual(roles[0], { name: '- None -', value: '' });
		assert.deepEqual(
			roles.find((o) => o.name === 'Technician'),
			{ name: 'Technician', value: HALO_SEED.agentRoles.technician },
		);
		const cabs = await loadOptions.getCabChoices.call(context);
		assert.deepEqual(
			cabs
				.slice(1)
				.map((o) => o.value)
				.sort(),
			[HALO_SEED.cabs.changeBoard, HALO_SEED.cabs.emergencyBoard],
		);
		const userRoles = await loadOptions.getUserRoleChoices.call(context);
		assert.equal(userRoles.length, 4);
	});
});
