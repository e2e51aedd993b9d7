import assert from 'node:assert/strict';

import { resolveConfig, validateMappingConfig } from '../../lib/core/config';
import { mapOktaUser } from '../../lib/core/mapUser';
import { resolveHaloNames, type NameLookups } from '../../lib/core/resolveNames';
import {
	OKTA_STATUSES,
	type MappingConfig,
	type MappedItem,
	type OktaStatus,
	type OktaUser,
	type ResolvedConfig,
	type Target,
} from '../../lib/core/types';
import { oktaUser } from './coreFixtures';

const loadMappingConfig = (input: unknown) => resolveConfig(validateMappingConfig(input));

const teams = [
	{ id: 1, name: 'Service Desk' },
	{ id: 2, name: 'Network Team' },
];

/**
 * Map to Halo, then the name resolution the Upsert does with what it read
 * from Halo (teams, departments): Map itself leaves `team` as Okta gives it.
 */
function mapResolved(
	user: OktaUser,
	target: Target,
	config: ResolvedConfig,
	read: Pick<NameLookups, 'teams' | 'departments'> = {},
): MappedItem {
	return resolveHaloNames(mapOktaUser(user, target, config), {
		...read,
		defaultTeam: config.agent.defaultTeam,
		teamAccess: config.agent.teamAccess,
	}).item;
}

describe('mapOktaUser: users', () => {
	test('default mapping gives the Halo user record and the Okta summary', () => {
		const user = oktaUser({
			id: '00u7',
			profile: {
				email: 'Ada@Example.com',
				login: 'ada@example.com',
				primaryPhone: '+44 1',
				mobilePhone: ' +44 2 ',
				title: 'Countess',
			},
			groups: ['Everyone'],
		});
		const item = mapOktaUser(user, 'user', loadMappingConfig({ user: { defaultSiteId: 1 } }));
		assert.deepEqual(item, {
			target: 'user',
			okta: {
				id: '00u7',
				status: 'ACTIVE',
				login: 'ada@example.com',
				groups: [{ id: '00g-Everyone', name: 'Everyone' }],
				profile: user.profile,
			},
			active: true,
			record: {
				firstname: 'Ada',
				surname: 'Lovelace',
				name: 'Ada Lovelace',
				emailaddress: 'Ada@Example.com',
				login: 'ada@example.com',
				phonenumber: '+44 1',
				mobilenumber: '+44 2',
				title: 'Countess',
				oktaid: '00u7',
				site_id: 1,
			},
			createOnly: [],
			warnings: [],
		});
	});

	const activeByDefault: OktaStatus[] = ['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY'];
	for (const status of OKTA_STATUSES) {
		test(`status ${status} is ${activeByDefault.includes(status) ? 'active' : 'not active'} by default`, () => {
			const item = mapOktaUser(oktaUser({ status }), 'user', loadMappingConfig({}));
			assert.equal(item.active, activeByDefault.includes(status));
		});
	}

	test('custom activeStatuses decide', () => {
		const config = loadMappingConfig({ activeStatuses: ['ACTIVE', 'STAGED'] });
		assert.equal(mapOktaUser(oktaUser({ status: 'STAGED' }), 'user', config).active, true);
		assert.equal(mapOktaUser(oktaUser({ status: 'LOCKED_OUT' }), 'user', config).active, false);
	});

	test('dontUpdate fields are create-only; empty values are skipped unless populateEmpty', () => {
		const config = loadMappingConfig({
			user: {
				defaultSiteId: 1,
				fields: [
					{ halo: 'login', okta: 'profile.login', dontUpdate: true },
					{ halo: 'title', okta: 'profile.title', populateEmpty: true },
					{ halo: 'phonenumber', okta: 'profile.primaryPhone', dontUpdate: true },
					{ halo: 'department', okta: 'profile.department' },
				],
			},
		});
		const item = mapOktaUser(
			oktaUser({ profile: { title: null, department: 'Finance' } }),
			'user',
			config,
		);
		assert.equal(item.record.title, '');
		assert.equal('phonenumber' in item.record, false);
		assert.equal(item.record.department, 'Finance');
		assert.deepEqual(item.createOnly, ['login']);
	});

	const siteConfig: MappingConfig = {
		user: {
			siteRules: [
				{ group: 'Contractors', siteId: 5, newUsersOnly: true },
				{ group: 'Sales', siteId: 2, userRoleId: 9 },
				{ appId: '0oa1', siteId: 3 },
			],
			defaultSiteId: 1,
			defaultUserRoleId: 4,
		},
	};
	const siteCases: Array<{
		name: string;
		groups?: string[];
		appIds?: string[];
		site: number;
		role: number;
		createOnly: string[];
		rule?: number;
	}> = [
		{
			name: 'first matching rule sets site and its user role',
			groups: ['Sales', 'Contractors'],
			site: 5,
			role: 4,
			createOnly: ['site_id'],
			rule: 5,
		},
		{
			name: 'rule with its own user role',
			groups: ['Sales'],
			site: 2,
			role: 9,
			createOnly: [],
			rule: 2,
		},
		{ name: 'app rule', appIds: ['0oa1'], site: 3, role: 4, createOnly: [], rule: 3 },
		{
			name: 'no rule: default site and role',
			groups: ['Everyone'],
			site: 1,
			role: 4,
			createOnly: [],
		},
	];
	for (const { name, groups, appIds, site, role, createOnly, rule } of siteCases) {
		test(`site rules: ${name}`, () => {
			const item = mapOktaUser(oktaUser({ groups, appIds }), 'user', loadMappingConfig(siteConfig));
			assert.equal(item.record.site_id, site);
			assert.equal(item.userRoleId, role);
			assert.deepEqual(item.createOnly, createOnly);
			assert.equal(item.siteRule?.siteId, rule);
			assert.deepEqual(item.warnings, []);
		});
	}

	test('no rule and no default site: warning, no site_id, no role', () => {
		const item = mapOktaUser(oktaUser({ groups: ['Everyone'] }), 'user', loadMappingConfig({}));
		assert.equal('site_id' in item.record, false);
		assert.equal(item.userRoleId, undefined);
		assert.deepEqual(item.warnings, ['no site: no site rule matches and no defaultSiteId is set']);
	});

	test('warnings for no email and no name', () => {
		const user = oktaUser({
			id: '00u5',
			profile: { email: undefined, firstName: null, lastName: null, login: 'x@y.z' },
		});
		const item = mapOktaUser(user, 'user', loadMappingConfig({ user: { defaultSiteId: 1 } }));
		assert.deepEqual(item.warnings, [
			'no email: the Halo field emailaddress is empty (Okta user x@y.z)',
			'no name: the Halo field name is empty',
		]);
		assert.equal('emailaddress' in item.record, false);
	});
});

describe('mapOktaUser: agents', () => {
	const agentConfig = (extra: MappingConfig['agent'] = {}) =>
		loadMappingConfig({
			agent: {
				fields: [
					{ halo: 'team', okta: 'profile.department' },
					{ halo: 'department', okta: 'profile.division' },
				],
				...extra,
			},
		});

	test('default agent fields, team matched case-insensitively with full access, department resolved to the Halo department', () => {
		const user = oktaUser({
			id: '00u8',
			profile: {
				title: 'Engineer',
				mobilePhone: '07',
				department: ' service DESK ',
				division: 'IT',
			},
		});
		const item = mapResolved(user, 'agent', agentConfig(), {
			teams,
			departments: [
				{ id: 4, name: 'HR' },
				{ id: 5, name: 'it' },
			],
		});
		assert.deepEqual(item.record, {
			firstname: 'Ada',
			surname: 'Lovelace',
			name: 'Ada Lovelace',
			email: '00u8@example.com',
			jobtitle: 'Engineer',
			sms: '07',
			oktaid: '00u8',
			team: 'Service Desk',
			departments: [{ department_id: 5, department_name: 'it' }],
			teams: [
				{
					team_id: 1,
					team_name: 'Service Desk',
					fortickets: true,
					unassigned_access: true,
					otheragent_access: true,
				},
			],
		});
		assert.deepEqual(item.warnings, []);
		assert.equal(item.siteRule, undefined);
		assert.equal('site_id' in item.record, false);
	});

	test('teamAccess decides the membership flags', () => {
		const config = agentConfig({
			teamAccess: { canBeAssigned: false, seeUnassigned: true, seeOthers: false },
		});
		const item = mapResolved(
			oktaUser({ profile: { department: 'Network Team' } }),
			'agent',
			config,
			{ teams },
		);
		assert.deepEqual(item.record.teams, [
			{
				team_id: 2,
				team_name: 'Network Team',
				fortickets: false,
				unassigned_access: true,
				otheragent_access: false,
			},
		]);
	});

	test('team not found: left out, with a warning', () => {
		const item = mapResolved(
			oktaUser({ profile: { department: 'Marketing' } }),
			'agent',
			agentConfig(),
			{ teams },
		);
		assert.equal('team' in item.record, false);
		assert.equal('teams' in item.record, false);
		assert.deepEqual(item.warnings, ['Okta value "Marketing" for field team matches no Halo team']);
	});

	test('Map alone reads no Halo: the team stays as Okta gives it, with no warning', () => {
		const item = mapOktaUser(
			oktaUser({ profile: { department: ' service DESK ' } }),
			'agent',
			agentConfig(),
		);
		assert.equal(item.record.team, 'service DESK');
		assert.equal('teams' in item.record, false);
		assert.deepEqual(item.warnings, []);
	});

	test('empty team value: no team and no warning', () => {
		const item = mapResolved(oktaUser({ profile: { department: '' } }), 'agent', agentConfig(), {
			teams,
		});
		assert.equal('team' in item.record, false);
		assert.deepEqual(item.warnings, []);
	});

	test('a create-only team makes its membership create-only too', () => {
		const config = loadMappingConfig({
			agent: { fields: [{ halo: 'team', okta: 'profile.department', dontUpdate: true }] },
		});
		const item = mapResolved(
			oktaUser({ profile: { department: 'Service Desk' } }),
			'agent',
			config,
			{ teams },
		);
		assert.deepEqual(item.createOnly, ['team', 'teams']);
	});

	const defaultTeamCases: Array<{
		name: string;
		department?: string;
		mapTeam?: boolean;
		defaultTeam: string;
		loaded?: boolean;
		team?: { id: number; name: string };
		warnings: string[];
	}> = [
		{
			name: 'mapped team matches: the default is not used',
			department: 'Network Team',
			defaultTeam: 'Service Desk',
			team: teams[1],
			warnings: [],
		},
		{
			name: 'mapped team matches no Halo team: the default is used, with a warning',
			department: 'Marketing',
			defaultTeam: 'service desk',
			team: teams[0],
			warnings: [
				'Okta value "Marketing" for field team matches no Halo team; the default team "Service Desk" was used',
			],
		},
		{
			name: 'empty mapped value: the default is used without a warning',
			department: '',
			defaultTeam: 'Network Team',
			team: teams[1],
			warnings: [],
		},
		{
			name: 'no team mapping at all: the default is used',
			mapTeam: false,
			department: 'Marketing',
			defaultTeam: 'Network Team',
			team: teams[1],
			warnings: [],
		},
		{
			name: 'default team matches no Halo team: no team, both warnings',
			department: 'Marketing',
			defaultTeam: 'Nobody',
			warnings: [
				'Okta value "Marketing" for field team matches no Halo team',
				'default team "Nobody" matches no Halo team',
			],
		},
		{
			name: 'default team unknown and no mapped value: one warning',
			department: '',
			defaultTeam: 'Nobody',
			warnings: ['default team "Nobody" matches no Halo team'],
		},
		{
			name: 'Halo has no teams: no team, with a warning',
			mapTeam: false,
			defaultTeam: 'Service Desk',
			loaded: false,
			warnings: ['default team "Service Desk" matches no Halo team'],
		},
	];
	for (const c of defaultTeamCases) {
		test(`defaultTeam: ${c.name}`, () => {
			const access = { canBeAssigned: true, seeUnassigned: false, seeOthers: true };
			const config =
				c.mapTeam === false
					? loadMappingConfig({ agent: { defaultTeam: c.defaultTeam, teamAccess: access } })
					: agentConfig({ defaultTeam: c.defaultTeam, teamAccess: access });
			const user = oktaUser({ profile: { department: c.department ?? 'Service Desk' } });
			const item = mapResolved(user, 'agent', config, c.loaded === false ? {} : { teams });
			if (c.team) {
				assert.equal(item.record.team, c.team.name);
				assert.deepEqual(item.record.teams, [
					{
						team_id: c.team.id,
						team_name: c.team.name,
						fortickets: true,
						unassigned_access: false,
						otheragent_access: true,
					},
				]);
			} else {
				assert.equal('team' in item.record, false);
				assert.equal('teams' in item.record, false);
			}
			assert.deepEqual(item.warnings, c.warnings);
		});
	}

	test('defaultTeam with a create-only team mapping: the default membership is create-only too', () => {
		const config = loadMappingConfig({
			agent: {
				fields: [{ halo: 'team', okta: 'profile.department', dontUpdate: true }],
				defaultTeam: 'Service Desk',
			},
		});
		const item = mapResolved(oktaUser({ profile: { department: 'Marketing' } }), 'agent', config, {
			teams,
		});
		assert.equal(item.record.team, 'Service Desk');
		assert.deepEqual(item.createOnly, ['team', 'teams']);
	});

	test('no email warning names the agent field', () => {
		const item = mapResolved(oktaUser({ profile: { email: '' } }), 'agent', agentConfig(), {
			teams,
		});
		assert.match(item.warnings[0], /^no email: the Halo field email is empty/);
	});
});
