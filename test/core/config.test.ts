import assert from 'node:assert/strict';

import { ConfigError } from '../../lib/core/ConfigError';
import { resolveConfig, validateMappingConfig } from '../../lib/core/config';
import { DEFAULT_AGENT_FIELDS, DEFAULT_USER_FIELDS } from '../../lib/core/fields';
import type { MappingConfig } from '../../lib/core/types';

const GUID = '1c3ba5e2-84b7-4f0e-9a3a-2f1d7f5a9c10';

const fullConfig: MappingConfig = {
	activeStatuses: ['ACTIVE', 'RECOVERY'],
	user: {
		fields: [
			{ halo: 'department', okta: 'profile.department', dontUpdate: true, populateEmpty: false },
		],
		siteRules: [
			{ group: 'Sales', siteId: 2, statuses: ['ACTIVE'], userRoleId: 4, newUsersOnly: true },
			{ appId: '0oa1', siteId: 3 },
		],
		defaultSiteId: 1,
		defaultUserRoleId: 5,
		matchOn: ['oktaid', 'emailaddress', 'login'],
	},
	agent: {
		fields: [{ halo: 'team', okta: 'profile.department' }],
		matchOn: ['email'],
		teamAccess: { canBeAssigned: true, seeUnassigned: false, seeOthers: true },
		defaultTeam: 'Service Desk',
	},
	roleMappings: [
		{ group: 'IT', agentRoleId: GUID, cabId: 1 },
		{ group: 'Managers', userRoleId: 7 },
	],
	onboarding: {
		ticketTypeId: 3,
		templateId: 9,
		summary: 'New starter {{profile.firstName}}',
		details: 'Hello',
		fields: [{ halo: 'summary', okta: 'profile.login' }],
	},
};

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
	try {
		validateMappingConfig(input);
	} catch (error) {
		assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
		return error.issues;
	}
	assert.fail('expected a ConfigError');
}

describe('validateMappingConfig', () => {
	test('accepts a full configuration as an object and as JSON text', () => {
		assert.deepEqual(validateMappingConfig(fullConfig), fullConfig);
		assert.deepEqual(validateMappingConfig(JSON.stringify(fullConfig)), fullConfig);
		assert.deepEqual(validateMappingConfig({}), {});
	});

	test('a config error names the bad path in its message', () => {
		const config = {
			user: {
				siteRules: [
					{ group: 'a', siteId: 1 },
					{ group: 'b', siteId: 2 },
					{ group: 'c', siteId: '3' },
				],
			},
		};
		assert.throws(
			() => validateMappingConfig(config),
			(error: unknown) => {
				assert.ok(error instanceof ConfigError);
				assert.equal(error.name, 'ConfigError');
				assert.equal(
					error.message,
					'Invalid mapping configuration: user.siteRules[2].siteId must be a number',
				);
				assert.deepEqual(error.issues, [
					{ path: 'user.siteRules[2].siteId', message: 'must be a number' },
				]);
				return true;
			},
		);
	});

	const cases: Array<{ name: string; input: unknown; path: string; message: RegExp }> = [
		{
			name: 'unknown top-level key',
			input: { activeStatus: ['ACTIVE'] },
			path: 'activeStatus',
			message: /unknown key.*activeStatuses/,
		},
		{
			name: 'unknown nested key (typo)',
			input: { user: { sitRules: [] } },
			path: 'user.sitRules',
			message: /unknown key.*siteRules/,
		},
		{
			name: 'unknown key in a field mapping',
			input: { agent: { fields: [{ halo: 'a', okta: 'id', dontupdate: true }] } },
			path: 'agent.fields[0].dontupdate',
			message: /unknown key/,
		},
		{
			name: 'unknown Okta status',
			input: { activeStatuses: ['ACTIVE', 'ACTIV'] },
			path: 'activeStatuses[1]',
			message: /"ACTIV" is not an Okta status/,
		},
		{
			name: 'unknown status in a site rule',
			input: { user: { siteRules: [{ siteId: 1, statuses: ['GONE'] }] } },
			path: 'user.siteRules[0].statuses[0]',
			message: /not an Okta status/,
		},
		{
			name: 'empty activeStatuses',
			input: { activeStatuses: [] },
			path: 'activeStatuses',
			message: /must not be empty/,
		},
		{
			name: 'bad GUID agentRoleId',
			input: { roleMappings: [{ group: 'IT', agentRoleId: '12' }] },
			path: 'roleMappings[0].agentRoleId',
			message: /must be a GUID/,
		},
		{
			name: 'numeric agentRoleId',
			input: { roleMappings: [{ group: 'IT', agentRoleId: 12 }] },
			path: 'roleMappings[0].agentRoleId',
			message: /must be a string/,
		},
		{
			name: 'missing halo',
			input: { user: { fields: [{ okta: 'id' }] } },
			path: 'user.fields[0].halo',
			message: /is required/,
		},
		{
			name: 'missing okta',
			input: { user: { fields: [{ halo: 'title' }] } },
			path: 'user.fields[0].okta',
			message: /is required/,
		},
		{
			name: 'missing siteId',
			input: { user: { siteRules: [{ group: 'x' }] } },
			path: 'user.siteRules[0].siteId',
			message: /is required/,
		},
		{
			name: 'missing group',
			input: { roleMappings: [{ cabId: 1 }] },
			path: 'roleMappings[0].group',
			message: /is required/,
		},
		{
			name: 'missing ticketTypeId',
			input: { onboarding: { summary: 'x' } },
			path: 'onboarding.ticketTypeId',
			message: /is required/,
		},
		{
			name: 'fractional id',
			input: { user: { defaultSiteId: 1.5 } },
			path: 'user.defaultSiteId',
			message: /whole number/,
		},
		{
			name: 'empty okta source',
			input: { user: { fields: [{ halo: 'title', okta: '  ' }] } },
			path: 'user.fields[0].okta',
			message: /must not be empty/,
		},
		{
			name: 'empty placeholder',
			input: { user: { fields: [{ halo: 'title', okta: 'x {{ }}' }] } },
			path: 'user.fields[0].okta',
			message: /empty "\{\{ \}\}"/,
		},
		{
			name: 'unclosed placeholder',
			input: { user: { fields: [{ halo: 'name', okta: '{{profile.firstName' }] } },
			path: 'user.fields[0].okta',
			message: /without a closing/,
		},
		{
			name: 'stray closing braces',
			input: { user: { fields: [{ halo: 'name', okta: 'profile.firstName}}' }] } },
			path: 'user.fields[0].okta',
			message: /without a matching/,
		},
		{
			name: 'invalid path inside template',
			input: { user: { fields: [{ halo: 'name', okta: '{{ profile..x }}' }] } },
			path: 'user.fields[0].okta',
			message: /invalid Okta path/,
		},
		{
			name: 'invalid bare path',
			input: { user: { fields: [{ halo: 'title', okta: 'profile. title' }] } },
			path: 'user.fields[0].okta',
			message: /is not an Okta path/,
		},
		{
			name: 'bad Halo field name',
			input: { user: { fields: [{ halo: 'job title', okta: 'id' }] } },
			path: 'user.fields[0].halo',
			message: /Halo field name/,
		},
		{
			name: 'managed Halo field',
			input: { agent: { fields: [{ halo: 'isdisabled', okta: 'status' }] } },
			path: 'agent.fields[0].halo',
			message: /set by the nodes/,
		},
		{
			name: 'same Halo field twice',
			input: {
				user: {
					fields: [
						{ halo: 'title', okta: 'id' },
						{ halo: 'title', okta: 'status' },
					],
				},
			},
			path: 'user.fields[1].halo',
			message: /mapped twice \(also at user.fields\[0\]\)/,
		},
		{
			name: 'matchOn field not mapped',
			input: { user: { matchOn: ['oktaid', 'mail'] } },
			path: 'user.matchOn[1]',
			message: /"mail" is not a mapped Halo user field/,
		},
		{
			name: 'agent matchOn uses user field',
			input: { agent: { matchOn: ['emailaddress'] } },
			path: 'agent.matchOn[0]',
			message: /not a mapped Halo agent field/,
		},
		{
			name: 'empty matchOn',
			input: { user: { matchOn: [] } },
			path: 'user.matchOn',
			message: /must not be empty/,
		},
		{
			name: 'site rule with group and appId',
			input: { user: { siteRules: [{ group: 'a', appId: 'b', siteId: 1 }] } },
			path: 'user.siteRules[0]',
			message: /both group and appId/,
		},
		{
			name: 'role mapping that grants nothing',
			input: { roleMappings: [{ group: 'IT' }] },
			path: 'roleMappings[0]',
			message: /agentRoleId, cabId or userRoleId/,
		},
		{
			name: 'empty agent defaultTeam',
			input: { agent: { defaultTeam: '  ' } },
			path: 'agent.defaultTeam',
			message: /must not be empty/,
		},
		{
			name: 'numeric agent defaultTeam',
			input: { agent: { defaultTeam: 3 } },
			path: 'agent.defaultTeam',
			message: /must be a string/,
		},
		{
			name: 'misspelt agent defaultTeam',
			input: { agent: { defaultteam: 'Service Desk' } },
			path: 'agent.defaultteam',
			message: /unknown key.*defaultTeam/,
		},
		{
			name: 'partial teamAccess',
			input: { agent: { teamAccess: { canBeAssigned: true } } },
			path: 'agent.teamAccess.seeUnassigned',
			message: /is required/,
		},
		{
			name: 'boolean as string',
			input: { user: { fields: [{ halo: 'title', okta: 'id', dontUpdate: 'yes' }] } },
			path: 'user.fields[0].dontUpdate',
			message: /true or false/,
		},
		{
			name: 'bad onboarding summary template',
			input: { onboarding: { ticketTypeId: 1, summary: 'Hi {{ name' } },
			path: 'onboarding.summary',
			message: /without a closing/,
		},
		{
			name: 'section not an object',
			input: { user: [] },
			path: 'user',
			message: /must be an object/,
		},
		{
			name: 'list not an array',
			input: { roleMappings: { group: 'x' } },
			path: 'roleMappings',
			message: /must be an array/,
		},
		{ name: 'text that is not JSON', input: '{ user: }', path: '', message: /not valid JSON/ },
		{ name: 'empty JSON text', input: '  ', path: '', message: /empty/ },
		{ name: 'JSON array', input: '[]', path: '', message: /must be a JSON object/ },
		{ name: 'null', input: null, path: '', message: /must be a JSON object/ },
	];
	for (const { name, input, path, message } of cases) {
		test(`rejects: ${name}`, () => {
			const issues = issuesOf(input);
			const issue = issues.find((i) => i.path === path);
			assert.ok(issue, `no issue at "${path}"; got ${JSON.stringify(issues)}`);
			assert.match(issue.message, message);
		});
	}

	test('lists every issue in one error', () => {
		const issues = issuesOf({
			activeStatuses: ['NOPE'],
			user: { defaultSiteId: 'x' },
			roleMappings: [{ group: 'g', cabId: '1' }],
		});
		assert.deepEqual(
			issues.map((i) => i.path),
			['activeStatuses[0]', 'user.defaultSiteId', 'roleMappings[0].cabId'],
		);
	});

	test('matchOn may name a custom mapped field', () => {
		assert.doesNotThrow(() =>
			validateMappingConfig({
				user: {
					fields: [{ halo: 'employee_id', okta: 'profile.employeeNumber' }],
					matchOn: ['employee_id'],
				},
			}),
		);
	});
});

describe('resolveConfig', () => {
	test('fills every default for an empty configuration', () => {
		const resolved = resolveConfig({});
		assert.deepEqual(resolved.activeStatuses, [
			'ACTIVE',
			'PASSWORD_EXPIRED',
			'LOCKED_OUT',
			'RECOVERY',
		]);
		assert.deepEqual(resolved.user.matchOn, ['oktaid', 'emailaddress']);
		assert.deepEqual(resolved.agent.matchOn, ['oktaid', 'email']);
		assert.deepEqual(resolved.agent.teamAccess, {
			canBeAssigned: true,
			seeUnassigned: true,
			seeOthers: true,
		});
		assert.deepEqual(resolved.user.fields, DEFAULT_USER_FIELDS);
		assert.deepEqual(resolved.agent.fields, DEFAULT_AGENT_FIELDS);
		assert.equal('defaultTeam' in resolved.agent, false);
		assert.deepEqual(resolved.user.siteRules, []);
		assert.deepEqual(resolved.roleMappings, []);
		assert.equal(resolved.onboarding, undefined);
	});

	test('a custom mapping with the same halo field replaces the default in place; new ones are appended', () => {
		const resolved = resolveConfig({
			user: {
				fields: [
					{ halo: 'department', okta: 'profile.department' },
					{ halo: 'name', okta: 'profile.displayName', dontUpdate: true },
				],
			},
		});
		const names = resolved.user.fields.map((f) => f.halo);
		assert.deepEqual(names, [...DEFAULT_USER_FIELDS.map((f) => f.halo), 'department']);
		assert.deepEqual(resolved.user.fields[2], {
			halo: 'name',
			okta: 'profile.displayName',
			dontUpdate: true,
		});
		assert.equal(resolved.user.fields.filter((f) => f.halo === 'name').length, 1);
	});

	test('keeps given values and does not modify the input', () => {
		const input = JSON.parse(JSON.stringify(fullConfig)) as MappingConfig;
		const resolved = resolveConfig(input);
		assert.deepEqual(input, fullConfig);
		assert.deepEqual(resolved.activeStatuses, ['ACTIVE', 'RECOVERY']);
		assert.deepEqual(resolved.user.matchOn, ['oktaid', 'emailaddress', 'login']);
		assert.equal(resolved.user.defaultSiteId, 1);
		assert.equal(resolved.user.defaultUserRoleId, 5);
		assert.deepEqual(resolved.agent.teamAccess, {
			canBeAssigned: true,
			seeUnassigned: false,
			seeOthers: true,
		});
		assert.equal(resolved.agent.defaultTeam, 'Service Desk');
		resolved.user.fields[0].okta = 'changed';
		assert.equal(DEFAULT_USER_FIELDS[0].okta, 'profile.firstName');
	});

	test('JSON text validates then resolves', () => {
		const load = (text: string) => resolveConfig(validateMappingConfig(text));
		assert.deepEqual(load('{"user":{"defaultSiteId":4}}').user.defaultSiteId, 4);
		assert.throws(() => load('{"user":{"defaultSiteId":"4"}}'), ConfigError);
	});
});
