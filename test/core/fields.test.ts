import assert from 'node:assert/strict';

import {
	DEFAULT_AGENT_FIELDS,
	DEFAULT_USER_FIELDS,
	mergeFieldMappings,
	readFieldValue,
} from '../../lib/core/fields';
import { oktaUser } from './coreFixtures';

describe('default field mappings (docs/mapping-config.md)', () => {
	test('user', () => {
		assert.deepEqual(
			DEFAULT_USER_FIELDS.map((f) => `${f.halo}<-${f.okta}`),
			[
				'firstname<-profile.firstName',
				'surname<-profile.lastName',
				'name<-{{profile.firstName}} {{profile.lastName}}',
				'emailaddress<-profile.email',
				'login<-profile.login',
				'phonenumber<-profile.primaryPhone',
				'mobilenumber<-profile.mobilePhone',
				'title<-profile.title',
				'oktaid<-id',
			],
		);
	});
	test('agent', () => {
		assert.deepEqual(
			DEFAULT_AGENT_FIELDS.map((f) => `${f.halo}<-${f.okta}`),
			[
				'firstname<-profile.firstName',
				'surname<-profile.lastName',
				'name<-{{profile.firstName}} {{profile.lastName}}',
				'email<-profile.email',
				'jobtitle<-profile.title',
				'sms<-profile.mobilePhone',
				'oktaid<-id',
			],
		);
	});
	test('are frozen so no run can change them for the next', () => {
		assert.throws(() => (DEFAULT_USER_FIELDS as unknown as unknown[]).push({}));
	});
});

describe('mergeFieldMappings', () => {
	test('replaces by halo field, appends new ones, copies', () => {
		const merged = mergeFieldMappings(
			[
				{ halo: 'a', okta: 'x' },
				{ halo: 'b', okta: 'y' },
			],
			[
				{ halo: 'c', okta: 'z' },
				{ halo: 'a', okta: 'w', dontUpdate: true },
			],
		);
		assert.deepEqual(merged, [
			{ halo: 'a', okta: 'w', dontUpdate: true },
			{ halo: 'b', okta: 'y' },
			{ halo: 'c', okta: 'z' },
		]);
	});
});

describe('readFieldValue', () => {
	const user = oktaUser({
		id: '00u9',
		status: 'LOCKED_OUT',
		profile: {
			email: '  Ada@Example.com ',
			firstName: 'Ada',
			lastName: 'Lovelace',
			middleName: '',
			title: '   ',
			employeeNumber: 42,
			isContractor: false,
			nickName: null,
			tags: ['a', 'b'],
		},
		groups: ['Everyone', 'Sales'],
	});
	const nameless = oktaUser({ profile: { firstName: null, lastName: '' } });
	const firstOnly = oktaUser({ profile: { firstName: 'Grace', lastName: null } });

	const cases: Array<{ name: string; source: string; of?: typeof user; expected: unknown }> = [
		{ name: 'profile path, trimmed', source: 'profile.email', expected: 'Ada@Example.com' },
		{ name: 'top-level id', source: 'id', expected: '00u9' },
		{ name: 'status', source: 'status', expected: 'LOCKED_OUT' },
		{ name: 'groups as names', source: 'groups', expected: 'Everyone, Sales' },
		{ name: 'indexed path', source: 'groups[1].name', expected: 'Sales' },
		{ name: 'string list', source: 'profile.tags', expected: 'a, b' },
		{ name: 'number kept', source: 'profile.employeeNumber', expected: 42 },
		{ name: 'boolean kept', source: 'profile.isContractor', expected: false },
		{ name: 'profile attribute without prefix', source: 'email', expected: 'Ada@Example.com' },
		{ name: 'missing attribute is empty', source: 'profile.costCenter', expected: undefined },
		{ name: 'null is empty', source: 'profile.nickName', expected: undefined },
		{ name: 'blank is empty', source: 'profile.title', expected: undefined },
		{
			name: 'template',
			source: '{{profile.firstName}} {{ profile.lastName }}',
			expected: 'Ada Lovelace',
		},
		{
			name: 'template with an empty middle part collapses spaces',
			source: '{{profile.firstName}} {{profile.middleName}} {{profile.lastName}}',
			expected: 'Ada Lovelace',
		},
		{
			name: 'template with one part empty is trimmed',
			source: '{{profile.firstName}} {{profile.lastName}}',
			of: firstOnly,
			expected: 'Grace',
		},
		{
			name: 'template whose parts are all empty is empty',
			source: '{{profile.firstName}} {{profile.lastName}}',
			of: nameless,
			expected: undefined,
		},
		{
			name: 'literal text does not make an empty template non-empty',
			source: 'Okta: {{profile.firstName}}',
			of: nameless,
			expected: undefined,
		},
		{
			name: 'template with literal text',
			source: 'Okta {{id}} ({{status}})',
			expected: 'Okta 00u9 (LOCKED_OUT)',
		},
	];
	for (const { name, source, of, expected } of cases) {
		test(name, () => assert.deepEqual(readFieldValue(of ?? user, source), expected));
	}
});
