/** Halo's Control record → MappingConfig (lib/core/controlConfig.ts): table-driven, no network. */
import assert from 'node:assert/strict';

import {
	HALO_FILTER_TYPES,
	mappingConfigFromControl,
	oktaSourceOf,
} from '../../lib/core/controlConfig';
import { configuredHaloControl, handWrittenConfig } from '../helpers/haloControl';

const APP = '0oa1halo2sso3app4xyz';

describe('mappingConfigFromControl', () => {
	test('a fully configured integration gives the MappingConfig written by hand', () => {
		const taken = mappingConfigFromControl(configuredHaloControl(APP));
		assert.deepEqual(taken.config, handWrittenConfig(APP));
		assert.deepEqual(taken.builtInSync, {
			enabled: true,
			lastSync: '2026-11-29T22:00:00',
			lastError: 'Okta API: 429 Too Many Requests',
		});
		assert.equal(taken.warnings.length, 1);
		assert.match(taken.warnings[0], /halointegrator_okta.*fight/);
	});

	test('what cannot be expressed is left out and named', () => {
		const control = {
			okta_active_statuses_list: [{ value: 'ACTIVE' }, { value: 'Sleeping' }],
			okta_usermappings: [
				{ name: 'emailaddress', thirdpartyname: 'email' },
				{ name: 'inactive', thirdpartyname: 'status' },
				{ name: 'emailaddress', thirdpartyname: 'secondEmail' },
				{ name: 'bad field', thirdpartyname: 'x' },
				{ name: 'other1' },
			],
			okta_sitemappings: [
				{ siteid: 2, group_name: 'A', filters: [{ filter_field: 'department', filter_type: 42 }] },
				{ siteid: null, roleid: 7, group_name: 'Agents' },
				{ siteid: 3, filterbyapp: true },
				{ siteid: 1, group_name: 'B' },
			],
			okta_rolemappings: [{ name: 'not-a-guid', thirdpartyname: 'G' }],
			okta_cabmappings: [{ name: 'x', thirdpartyname: 'G' }],
			okta_mappings_new_user: [{ name: 'category_1', thirdpartyname: 'department' }],
			okta_user_matching_list: [{ value: 'employeeNumber' }],
			okta_deactivate_entities: false,
			halointegrator_okta: false,
		};
		const taken = mappingConfigFromControl(control);
		assert.deepEqual(taken.config, {
			activeStatuses: ['ACTIVE'],
			user: {
				fields: [{ halo: 'emailaddress', okta: 'profile.email' }],
				siteRules: [{ group: 'B', siteId: 1 }],
				unmatched: 'skip',
			},
		});
		const expected = [
			/okta_active_statuses_list: "Sleeping" is not an Okta status/,
			/okta_usermappings\[1\]: "inactive" is set by the nodes/,
			/okta_usermappings\[2\]: "emailaddress" is mapped twice/,
			/okta_usermappings\[3\]: "bad field" is not a Halo field name/,
			/okta_usermappings\[4\]: a mapping without/,
			/Halo does not map "firstname"/,
			/okta_sitemappings\[0\]: a filter \(department, type 42\) cannot be expressed/,
			/okta_sitemappings\[1\]: gives agents the role 7/,
			/okta_sitemappings\[2\]: filters by app but names none/,
			/okta_user_matching_list: Halo matches on "employeeNumber"/,
			/okta_rolemappings\[0\]: "not-a-guid" is not an agent role GUID/,
			/okta_cabmappings\[0\]: "x" is not a CAB id/,
			/okta_mappings_new_user: ticket field mappings without a ticket type/,
			/okta_deactivate_entities is off/,
		];
		for (const pattern of expected)
			assert.ok(
				taken.warnings.some((w) => pattern.test(w)),
				`${pattern} in ${JSON.stringify(taken.warnings, null, 1)}`,
			);
		assert.deepEqual(taken.builtInSync, { enabled: false, lastSync: null, lastError: null });
	});

	test('an unconfigured integration gives an empty configuration and no warnings', () => {
		const taken = mappingConfigFromControl({ okta_sitemappings: [], okta_usermappings: null });
		assert.deepEqual(taken, {
			config: {},
			warnings: [],
			builtInSync: { enabled: false, lastSync: null, lastError: null },
		});
	});

	test('Okta field names as sources', () => {
		for (const [name, source] of [
			['firstName', 'profile.firstName'],
			['profile.department', 'profile.department'],
			['id', 'id'],
			['status', 'status'],
			['login', 'profile.login'],
			['{{profile.firstName}} {{profile.lastName}}', '{{profile.firstName}} {{profile.lastName}}'],
		])
			assert.equal(oktaSourceOf(name), source);
		assert.equal(oktaSourceOf('department', 'okta.'), 'okta.profile.department');
	});

	test('every Halo filter type has an operator', () => {
		assert.deepEqual(Object.values(HALO_FILTER_TYPES), [
			'eq',
			'ne',
			'contains',
			'startsWith',
			'endsWith',
			'in',
			'exists',
			'notExists',
		]);
	});
});
