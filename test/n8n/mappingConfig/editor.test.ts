/**
 * The mapping configuration's editor sections: the fields they show and the
 * sections their readers build from them (the validator judges the values).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { validateMappingConfig } from '../../../lib/core/config';
import { DEFAULT_AGENT_FIELDS, DEFAULT_USER_FIELDS } from '../../../lib/core/fields';
import { readUiOnboarding, onboardingProperties } from '../../../lib/n8n/mappingConfig/onboarding';
import { readUiMappingConfig } from '../../../lib/n8n/mappingConfig/read';
import { fieldMappingsProperty } from '../../../lib/n8n/mappingConfig/targetFields';
import {
	filtersFromUi,
	readUiUser,
	siteRulesProperties,
} from '../../../lib/n8n/mappingConfig/user';

/** getNodeParameter over plain values; dotted names read nested ones, as n8n does. */
function editor(parameters: Record<string, unknown>): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _index: number, fallback?: unknown) => {
			let value: unknown = parameters;
			for (const key of name.split('.'))
				value =
					value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
			return value === undefined ? fallback : value;
		},
	} as unknown as IExecuteFunctions;
}

const ruleValues = () => {
	const rules = siteRulesProperties().find((property) => property.name === 'siteRules')!;
	return (rules.options as Array<{ values: INodeProperties[] }>)[0].values;
};

describe('user section in the editor', () => {
	test('a site rule has Only for Statuses and filters with every operator', () => {
		const values = ruleValues();
		assert.ok(values.some((value) => value.name === 'statuses' && value.type === 'multiOptions'));
		const filters = values.find((value) => value.name === 'filters')!;
		const row = (filters.options as Array<{ values: INodeProperties[] }>)[0].values;
		assert.deepEqual(
			row.map((value) => value.name),
			['field', 'op', 'value'],
		);
		const ops = (row[1].options as Array<{ value: string }>).map((option) => option.value);
		assert.deepEqual(ops.sort(), [
			'contains',
			'endsWith',
			'eq',
			'exists',
			'in',
			'ne',
			'notExists',
			'startsWith',
		]);
		assert.deepEqual(row[2].displayOptions, { hide: { op: ['exists', 'notExists'] } });
	});

	test('the unmatched choice is there, default site first', () => {
		const unmatched = siteRulesProperties().find((property) => property.name === 'userUnmatched')!;
		assert.equal(unmatched.default, 'defaultSite');
		assert.deepEqual(
			(unmatched.options as Array<{ value: string }>).map((option) => option.value),
			['defaultSite', 'skip'],
		);
	});

	test('filters read as Filter[]: a list for "in", no value for exists', () => {
		assert.deepEqual(
			filtersFromUi({
				filter: [
					{ field: ' profile.department ', op: 'eq', value: 'Sales' },
					{ field: 'status', op: 'in', value: 'ACTIVE, STAGED ,' },
					{ field: 'profile.manager', op: 'exists', value: 'ignored' },
				],
			}),
			[
				{ field: 'profile.department', op: 'eq', value: 'Sales' },
				{ field: 'status', op: 'in', value: ['ACTIVE', 'STAGED'] },
				{ field: 'profile.manager', op: 'exists' },
			],
		);
	});

	test('the section read from the editor, filters and unmatched included, passes the validator', () => {
		const context = editor({
			siteRules: {
				rule: [
					{
						matchBy: 'group',
						group: 'Sales',
						siteId: '2',
						statuses: ['ACTIVE'],
						filters: { filter: [{ field: 'profile.userType', op: 'in', value: 'Employee' }] },
					},
				],
			},
			defaultSiteId: '1',
			userUnmatched: 'skip',
		});
		const user = readUiUser(context, 0);
		assert.deepEqual(user, {
			siteRules: [
				{
					siteId: 2,
					group: 'Sales',
					statuses: ['ACTIVE'],
					filters: [{ field: 'profile.userType', op: 'in', value: ['Employee'] }],
				},
			],
			defaultSiteId: 1,
			unmatched: 'skip',
		});
		assert.deepEqual(validateMappingConfig({ user }).user, user);
	});

	test('the default unmatched choice stays unset, so older configurations read the same', () => {
		assert.equal(readUiUser(editor({ userUnmatched: 'defaultSite' }), 0), undefined);
		assert.deepEqual(readUiMappingConfig(editor({}), 0), {});
	});
});

describe('onboarding section in the editor', () => {
	test('createdWithinDays: 0 means unset, a number is kept, text is passed to the validator', () => {
		assert.deepEqual(readUiOnboarding(editor({ ticketTypeId: 3, createdWithinDays: 0 }), 0), {
			onboarding: { ticketTypeId: 3 },
		});
		assert.deepEqual(readUiOnboarding(editor({ ticketTypeId: '3', createdWithinDays: 14 }), 0), {
			onboarding: { ticketTypeId: 3, createdWithinDays: 14 },
		});
		assert.throws(
			() =>
				validateMappingConfig(
					readUiOnboarding(editor({ ticketTypeId: 3, createdWithinDays: 2.5 }), 0),
				),
			/onboarding\.createdWithinDays must be a whole number/,
		);
	});

	test('the field is in the editor', () => {
		const field = onboardingProperties().find((property) => property.name === 'createdWithinDays');
		assert.equal(field?.type, 'number');
		assert.equal(field?.default, 0);
	});
});

describe('default fields shown are the mapper’s', () => {
	test('the field-mapping descriptions list the defaults of lib/core/fields.ts', () => {
		for (const [target, defaults] of [
			['user', DEFAULT_USER_FIELDS],
			['agent', DEFAULT_AGENT_FIELDS],
		] as const) {
			const description = fieldMappingsProperty(target).description ?? '';
			assert.ok(description.includes(defaults.map((field) => field.halo).join(', ')), description);
		}
	});

	test('the README lists the same defaults', () => {
		const readme = readFileSync(
			join(__dirname, '..', '..', '..', '..', 'README.md'),
			'utf8',
		).replace(/\s+/g, ' ');
		const listed = (label: string) => {
			const match = new RegExp(`${label}: ((?:\`\\w+\`(?:, )?)+)`).exec(readme);
			assert.ok(match, label);
			return match[1].split(', ').map((name) => name.replace(/`/g, ''));
		};
		assert.deepEqual(
			listed('Default user fields'),
			DEFAULT_USER_FIELDS.map((field) => field.halo),
		);
		assert.deepEqual(
			listed('Default agent fields'),
			DEFAULT_AGENT_FIELDS.map((field) => field.halo),
		);
	});
});
