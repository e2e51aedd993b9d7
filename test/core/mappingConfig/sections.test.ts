/**
 * The mapping configuration's type and its validator cannot drift apart: a
 * configuration with every field set compiles against `MappingConfig` (every
 * optional field made required) and passes the validator; the validator's
 * keys at every object are exactly the fixture's; and an unknown key, an
 * Object.prototype name included, is rejected at every object, naming it.
 */
import assert from 'node:assert/strict';

import { ConfigError } from '../../../lib/core/ConfigError';
import type { ConfigIssue } from '../../../lib/core/ConfigError';
import { validateMappingConfig } from '../../../lib/core/config';
import type { Checker } from '../../../lib/core/configChecks';
import { objectOf } from '../../../lib/core/configChecks';
import { agentConfig } from '../../../lib/core/mappingConfig/agent';
import { onboardingConfig } from '../../../lib/core/mappingConfig/onboarding';
import { roleMappingsConfig } from '../../../lib/core/mappingConfig/roleMappings';
import { userConfig } from '../../../lib/core/mappingConfig/user';
import type { MappingConfig } from '../../../lib/core/types';

/** Every optional field required, all the way down (unions kept member by member). */
type Full<T> =
	T extends ReadonlyArray<infer E>
		? Array<Full<E>>
		: T extends object
			? { [K in keyof T]-?: Full<T[K]> }
			: T;

const FULL: Full<MappingConfig> = {
	activeStatuses: ['ACTIVE', 'PASSWORD_EXPIRED'],
	user: {
		fields: [
			{ halo: 'department', okta: 'profile.department', dontUpdate: true, populateEmpty: true },
		],
		siteRules: [
			{
				group: 'Sales',
				// A rule matches by group or by app; the app rule is the next one.
				appId: undefined as unknown as string,
				siteId: 2,
				statuses: ['ACTIVE'],
				filters: [
					{ field: 'profile.department', op: 'eq', value: 'Sales' },
					{ field: 'profile.userType', op: 'in', value: ['Employee', 'Contractor'] },
					{ field: 'profile.costCenter', op: 'exists' },
				],
				userRoleId: 3,
				newUsersOnly: true,
			},
		],
		defaultSiteId: 1,
		defaultUserRoleId: 1,
		matchOn: ['oktaid', 'emailaddress'],
		unmatched: 'skip',
	},
	agent: {
		fields: [{ halo: 'team', okta: 'profile.department', dontUpdate: false, populateEmpty: false }],
		matchOn: ['oktaid', 'email'],
		teamAccess: { canBeAssigned: true, seeUnassigned: false, seeOthers: true },
		defaultTeam: 'Service Desk',
	},
	roleMappings: [
		{
			group: 'Service Desk',
			agentRoleId: '6a0f8f5e-1c2b-4d3a-9e4f-000000000002',
			cabId: 1,
			userRoleId: 2,
		},
	],
	onboarding: {
		ticketTypeId: 3,
		templateId: 1,
		summary: 'New starter: {{record.name}}',
		details: '{{record.name}} joins {{okta.profile.department}}.',
		fields: [
			{ halo: 'CFStartDate', okta: 'profile.startDate', dontUpdate: true, populateEmpty: true },
		],
		createdWithinDays: 14,
	},
};

/** FULL as JSON would carry it: the `appId: undefined` placeholder dropped. */
function fullConfig(): Record<string, unknown> {
	return JSON.parse(JSON.stringify(FULL)) as Record<string, unknown>;
}

function issuesOf(input: unknown): ConfigIssue[] {
	try {
		validateMappingConfig(input);
		return [];
	} catch (error) {
		assert.ok(error instanceof ConfigError, String(error));
		return error.issues;
	}
}

/** Every object in `value` with its path, e.g. `user.siteRules[0].filters[1]`. */
function objectsIn(
	value: unknown,
	path = '',
): Array<{ path: string; object: Record<string, unknown> }> {
	if (Array.isArray(value))
		return value.flatMap((element, i) => objectsIn(element, `${path}[${i}]`));
	if (value === null || typeof value !== 'object') return [];
	const object = value as Record<string, unknown>;
	return [
		{ path, object },
		...Object.entries(object).flatMap(([key, child]) =>
			objectsIn(child, path ? `${path}.${key}` : key),
		),
	];
}

/** The validator's accepted keys at every object path it describes, walked along the fixture. */
function validatorKeys(
	checker: Checker,
	value: unknown,
	path: string,
	out: Map<string, string[]>,
): void {
	if (checker.item && Array.isArray(value)) {
		value.forEach((element, i) => validatorKeys(checker.item!, element, `${path}[${i}]`, out));
		return;
	}
	if (!checker.shape || value === null || typeof value !== 'object') return;
	out.set(path, Object.keys(checker.shape).sort());
	for (const [key, spec] of Object.entries(checker.shape)) {
		const child = (value as Record<string, unknown>)[key];
		if (child !== undefined) validatorKeys(spec.check, child, path ? `${path}.${key}` : key, out);
	}
}

describe('MappingConfig type and validator', () => {
	test('a configuration with every field set passes the validator', () => {
		assert.deepEqual(issuesOf(fullConfig()), []);
	});

	test("the validator's keys at every object are the type's keys", () => {
		const root = objectOf({
			activeStatuses: { check: () => undefined },
			user: { check: userConfig },
			agent: { check: agentConfig },
			roleMappings: { check: roleMappingsConfig },
			onboarding: { check: onboardingConfig },
		});
		const byPath = new Map<string, string[]>();
		validatorKeys(root, FULL, '', byPath);
		const objects = objectsIn(FULL).filter(({ path }) => byPath.has(path));
		assert.ok(objects.length >= 12, `walked ${objects.length} objects`);
		for (const { path, object } of objects) {
			// Filters are a union: each member has its own keys, all within the validator's.
			const keys = Object.keys(object).sort();
			if (/filters\[\d+\]$/.test(path)) {
				for (const key of keys) assert.ok(byPath.get(path)!.includes(key), `${path}.${key}`);
				continue;
			}
			assert.deepEqual(byPath.get(path), keys, `keys at "${path || '(root)'}"`);
		}
		assert.deepEqual(
			byPath.get('user.siteRules[0].filters[0]'),
			['field', 'op', 'value'],
			'filter keys',
		);
	});

	const UNKNOWN_KEYS = [
		'colour',
		'constructor',
		'toString',
		'hasOwnProperty',
		'prototype',
		'__proto__',
	];
	for (const key of UNKNOWN_KEYS) {
		test(`"${key}" is an unknown key at every object, naming its path`, () => {
			const paths = objectsIn(fullConfig()).map(({ path }) => path);
			for (const path of paths) {
				const config = fullConfig();
				const target = objectsIn(config).find((entry) => entry.path === path)!.object;
				// defineProperty: `__proto__` as an own key, as JSON.parse makes it.
				Object.defineProperty(target, key, { value: 1, enumerable: true, configurable: true });
				const issues = issuesOf(config);
				const at = path ? `${path}.${key}` : key;
				assert.ok(
					issues.some((issue) => issue.path === at && /unknown key/.test(issue.message)),
					`${at}: ${JSON.stringify(issues)}`,
				);
			}
		});
	}
});

describe('names every object already has are refused where they would be keys', () => {
	const cases: Array<{ name: string; input: unknown; path: string }> = [
		{
			name: 'Halo field of a user mapping',
			input: { user: { fields: [{ halo: 'constructor', okta: 'profile.email' }] } },
			path: 'user.fields[0].halo',
		},
		{
			name: 'Halo field of an agent mapping',
			input: { agent: { fields: [{ halo: 'toString', okta: 'id' }] } },
			path: 'agent.fields[0].halo',
		},
		{
			name: 'Halo field of a ticket field',
			input: { onboarding: { ticketTypeId: 1, fields: [{ halo: '__proto__', okta: 'id' }] } },
			path: 'onboarding.fields[0].halo',
		},
		{
			name: 'Halo field "prototype"',
			input: { user: { fields: [{ halo: 'prototype', okta: 'id' }] } },
			path: 'user.fields[0].halo',
		},
		{
			name: 'Okta path segment',
			input: { user: { fields: [{ halo: 'other1', okta: 'profile.constructor' }] } },
			path: 'user.fields[0].okta',
		},
		{
			name: 'Okta path segment inside a template',
			input: { user: { fields: [{ halo: 'other1', okta: '{{profile.firstName}} {{toString}}' }] } },
			path: 'user.fields[0].okta',
		},
		{
			name: 'Okta path segment in the ticket summary',
			input: { onboarding: { ticketTypeId: 1, summary: 'Hi {{okta.__proto__.x}}' } },
			path: 'onboarding.summary',
		},
		{
			name: 'Okta path segment in the ticket details',
			input: { onboarding: { ticketTypeId: 1, details: '{{record.valueOf}}' } },
			path: 'onboarding.details',
		},
		{
			name: 'Okta path of a site-rule filter',
			input: {
				user: {
					siteRules: [{ siteId: 1, filters: [{ field: 'profile.prototype', op: 'exists' }] }],
				},
			},
			path: 'user.siteRules[0].filters[0].field',
		},
		{
			name: 'user matchOn entry',
			input: { user: { matchOn: ['oktaid', 'constructor'] } },
			path: 'user.matchOn[1]',
		},
		{
			name: 'agent matchOn entry',
			input: { agent: { matchOn: ['hasOwnProperty'] } },
			path: 'agent.matchOn[0]',
		},
	];
	for (const { name, input, path } of cases) {
		test(name, () => {
			const issues = issuesOf(input);
			assert.ok(
				issues.some(
					(issue) =>
						issue.path === path && /a name every JavaScript object has/.test(issue.message),
				),
				JSON.stringify(issues),
			);
		});
	}

	test('a mapping of "constructor" with matchOn on it is refused at both paths', () => {
		const issues = issuesOf({
			user: { fields: [{ halo: 'constructor', okta: 'id' }], matchOn: ['constructor'] },
		});
		assert.deepEqual(issues.map((issue) => issue.path).sort(), [
			'user.fields[0].halo',
			'user.matchOn[0]',
		]);
	});

	test('ordinary names that merely contain those words are fine', () => {
		assert.deepEqual(
			issuesOf({
				user: {
					fields: [{ halo: 'constructor_name', okta: 'profile.toStringValue' }],
					matchOn: ['oktaid', 'constructor_name'],
				},
			}),
			[],
		);
	});
});

describe('site-rule filters, unmatched users, createdWithinDays', () => {
	const rule = (filters: unknown) => ({ user: { siteRules: [{ siteId: 1, filters }] } });
	const at = (i: number, key?: string) => `user.siteRules[0].filters[${i}]${key ? `.${key}` : ''}`;

	test('every operator with the value it takes passes', () => {
		const filters = [
			...['eq', 'ne', 'contains', 'startsWith', 'endsWith'].map((op) => ({
				field: 'profile.department',
				op,
				value: 'Sales',
			})),
			{ field: 'status', op: 'in', value: ['ACTIVE', 'STAGED'] },
			{ field: 'profile.manager', op: 'exists' },
			{ field: 'profile.manager', op: 'notExists' },
		];
		assert.deepEqual(issuesOf(rule(filters)), []);
	});

	const bad: Array<[string, unknown, string, RegExp]> = [
		['no value for eq', [{ field: 'status', op: 'eq' }], at(0, 'value'), /is required for "eq"/],
		[
			'a list for eq',
			[{ field: 'status', op: 'eq', value: ['A'] }],
			at(0, 'value'),
			/must be a string/,
		],
		[
			'a string for in',
			[{ field: 'status', op: 'in', value: 'ACTIVE' }],
			at(0, 'value'),
			/must be an array/,
		],
		[
			'an empty list for in',
			[{ field: 'status', op: 'in', value: [] }],
			at(0, 'value'),
			/must not be empty/,
		],
		[
			'a number in the list',
			[{ field: 'status', op: 'in', value: ['A', 2] }],
			`${at(0, 'value')}[1]`,
			/must be a string/,
		],
		[
			'a value for exists',
			[{ field: 'status', op: 'exists', value: 'x' }],
			at(0, 'value'),
			/must not be set for "exists"/,
		],
		[
			'an unknown operator',
			[{ field: 'status', op: 'like', value: 'x' }],
			at(0, 'op'),
			/is not a filter operator/,
		],
		['no field', [{ op: 'exists' }], at(0, 'field'), /is required/],
		[
			'a field that is not a path',
			[{ field: 'profile.first name', op: 'exists' }],
			at(0, 'field'),
			/is not an Okta path/,
		],
		[
			'a template as field',
			[{ field: '{{profile.email}}', op: 'exists' }],
			at(0, 'field'),
			/is not an Okta path/,
		],
		[
			'filters not a list',
			{ field: 'status', op: 'exists' },
			'user.siteRules[0].filters',
			/must be an array/,
		],
	];
	for (const [name, filters, path, message] of bad) {
		test(`filter: ${name}`, () => {
			const issues = issuesOf(rule(filters));
			assert.ok(
				issues.some((issue) => issue.path === path && message.test(issue.message)),
				JSON.stringify(issues),
			);
		});
	}

	test('unmatched is defaultSite or skip', () => {
		assert.deepEqual(issuesOf({ user: { unmatched: 'defaultSite' } }), []);
		assert.deepEqual(issuesOf({ user: { unmatched: 'skip' } }), []);
		const issues = issuesOf({ user: { unmatched: 'ignore' } });
		assert.equal(issues.length, 1);
		assert.equal(issues[0].path, 'user.unmatched');
		assert.match(issues[0].message, /defaultSite, skip/);
	});

	test('createdWithinDays is a positive whole number', () => {
		const section = (createdWithinDays: unknown) => ({
			onboarding: { ticketTypeId: 1, createdWithinDays },
		});
		assert.deepEqual(issuesOf(section(1)), []);
		assert.deepEqual(issuesOf(section(365)), []);
		for (const [value, message] of [
			[0, /at least 1/],
			[-3, /at least 1/],
			[1.5, /whole number/],
			['7', /must be a number/],
		] as const) {
			const issues = issuesOf(section(value));
			assert.equal(issues.length, 1, String(value));
			assert.equal(issues[0].path, 'onboarding.createdWithinDays');
			assert.match(issues[0].message, message);
		}
	});
});
