/**
 * Editor fields the user and agent sections share: field mappings
 * (`userFields` / `agentFields`) and the fields that identify a person
 * (`userMatchOn` / `agentMatchOn`). The defaults named in their descriptions
 * are the mapper's own (lib/core/fields.ts).
 */
import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_AGENT_FIELDS, DEFAULT_MATCH_ON, DEFAULT_USER_FIELDS } from '../../core/fields';
import type { FieldMapping, Target } from '../../core/types';
import { uiOnly } from './uiValues';

const CUSTOM = '__custom';

/** "firstname, surname, ..." as the mapper fills them by default. */
export function defaultFieldNames(target: Target): string {
	return (target === 'user' ? DEFAULT_USER_FIELDS : DEFAULT_AGENT_FIELDS)
		.map((mapping) => mapping.halo)
		.join(', ');
}

const HALO_FIELDS: Record<Target, Array<[string, string]>> = {
	user: [
		['Name', 'name'],
		['First Name', 'firstname'],
		['Surname', 'surname'],
		['Email', 'emailaddress'],
		['Email 2', 'email2'],
		['Login', 'login'],
		['Phone', 'phonenumber'],
		['Mobile', 'mobilenumber'],
		['Home Phone', 'homenumber'],
		['Job Title', 'title'],
		['Department', 'department'],
		['Site ID', 'site_id'],
		['Manager Email', 'manager_email'],
		['Okta ID', 'oktaid'],
		['Other 1', 'other1'],
		['Other 2', 'other2'],
		['Other 3', 'other3'],
		['Notes', 'notes'],
	],
	agent: [
		['Name', 'name'],
		['First Name', 'firstname'],
		['Surname', 'surname'],
		['Email', 'email'],
		['Job Title', 'jobtitle'],
		['SMS / Mobile', 'sms'],
		['Default Team (By Name)', 'team'],
		['Department', 'department'],
		['Okta ID', 'oktaid'],
		['Initials', 'initials'],
	],
};

/** Field mappings for one target (`userFields` / `agentFields`), added to the defaults (lib/core/fields.ts). */
export function fieldMappingsProperty(
	target: Target,
	displayOptions?: IDisplayOptions,
): INodeProperties {
	return {
		displayName: target === 'user' ? 'User Field Mappings' : 'Agent Field Mappings',
		name: target === 'user' ? 'userFields' : 'agentFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Field Mapping',
		default: {},
		description:
			target === 'user'
				? `Added to the defaults (${defaultFieldNames('user')}); a mapping of the same Halo field replaces its default`
				: `Added to the defaults (${defaultFieldNames('agent')}); "team" must hold a Halo team name`,
		displayOptions: uiOnly(displayOptions),
		options: [
			{
				displayName: 'Mapping',
				name: 'mapping',
				values: [
					{
						displayName: 'Halo Field',
						name: 'halo',
						type: 'options',
						options: [
							...HALO_FIELDS[target]
								.map(([name, value]) => ({ name, value }))
								.sort((a, b) => a.name.localeCompare(b.name)),
							{ name: 'Other Halo Field…', value: CUSTOM },
						],
						default: target === 'user' ? 'department' : 'team',
					},
					{
						displayName: 'Halo Field Name',
						name: 'customHalo',
						type: 'string',
						default: '',
						placeholder: 'other4',
						displayOptions: { show: { halo: [CUSTOM] } },
					},
					{
						displayName: 'Okta Attribute or Template',
						name: 'okta',
						type: 'string',
						default: '',
						placeholder: 'profile.department',
						description:
							'A path such as profile.department, ID or status, or a template such as {{profile.firstName}} {{profile.lastName}}',
					},
					{
						displayName: 'Set on Create Only',
						name: 'dontUpdate',
						type: 'boolean',
						default: false,
						description:
							'Whether to write this field only when the record is created, leaving later edits in Halo alone',
					},
					{
						displayName: 'Write Empty Values',
						name: 'populateEmpty',
						type: 'boolean',
						default: false,
						description:
							'Whether to clear the Halo field when the Okta value is empty (by default empty values are skipped)',
					},
				],
			},
		],
	};
}

/** `{ mapping: [{ halo, customHalo, okta, dontUpdate, populateEmpty }] }` → FieldMapping[]. */
export function fieldMappingsFromUi(value: IDataObject): FieldMapping[] {
	const rows = (value?.mapping ?? []) as IDataObject[];
	return rows.map((row) => {
		const halo = row.halo === CUSTOM ? String(row.customHalo ?? '').trim() : String(row.halo ?? '');
		const mapping: FieldMapping = { halo, okta: String(row.okta ?? '').trim() };
		if (row.dontUpdate === true) mapping.dontUpdate = true;
		if (row.populateEmpty === true) mapping.populateEmpty = true;
		return mapping;
	});
}

/** Which Halo fields identify a person (`userMatchOn` / `agentMatchOn`), tried in order. */
export function matchOnProperty(target: Target, displayOptions?: IDisplayOptions): INodeProperties {
	const example = DEFAULT_MATCH_ON[target].join(', ');
	return {
		displayName: target === 'user' ? 'Match Users On' : 'Match Agents On',
		name: target === 'user' ? 'userMatchOn' : 'agentMatchOn',
		type: 'string',
		default: '',
		placeholder: example,
		description: `Comma-separated Halo fields tried in order to find an existing ${target} (text compared case-insensitively); empty means ${example}`,
		displayOptions: uiOnly(displayOptions),
	};
}
