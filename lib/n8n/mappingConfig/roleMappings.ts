/**
 * The `roleMappings` section in the editor (docs/mapping-config.md): its rows
 * (Okta group typed or picked from Okta, and the Halo agent role, CAB or user
 * role it grants) and the reader that turns them into the section. Its type
 * and validation: lib/core/mappingConfig/roleMappings.ts.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { NO_OKTA_AUTHENTICATION, usesOktaCredential } from '../okta';
import { isChosen, toNumberish, uiOnly } from './uiValues';

/** The rows; dropdowns come from the node's `getOktaGroups`, `getAgentRoleChoices`, `getCabChoices`, `getUserRoleChoices`. */
export function roleMappingsProperty(): INodeProperties {
	return {
		displayName: 'Role Mappings',
		name: 'roleMappings',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Role Mapping',
		default: {},
		description:
			"Halo's Advanced tab: members of the Okta group get these; people who leave the group lose them. Roles and CABs that no mapping names are never touched.",
		displayOptions: uiOnly(),
		options: [
			{
				displayName: 'Mapping',
				name: 'mapping',
				values: [
					{
						displayName: 'Group',
						name: 'group',
						type: 'string',
						default: '',
						placeholder: 'Service Desk',
						description: 'Okta group name or ID (names match regardless of case)',
						displayOptions: { show: { '/authentication': ['none'] } },
					},
					{
						displayName: 'Group Name or ID',
						name: 'oktaGroupId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getOktaGroups' },
						default: '',
						description:
							'Okta group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						displayOptions: { hide: { '/authentication': ['none'] } },
					},
					{
						displayName: 'Halo Agent Role Name or ID',
						name: 'agentRoleId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getAgentRoleChoices' },
						default: '',
						description:
							'Agent role given to agents in the group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Halo CAB Name or ID',
						name: 'cabId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCabChoices' },
						default: '',
						description:
							'Change advisory board that agents in the group belong to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Halo User Role Name or ID',
						name: 'userRoleId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getUserRoleChoices' },
						default: '',
						description:
							'User role given to end users in the group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			},
		],
	};
}

/** The UI rows as a MappingConfig fragment; empty choices are unset, and the validator judges the rest. */
export function readUiRoleMappings(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fromOkta = usesOktaCredential(
		context.getNodeParameter('authentication', itemIndex, NO_OKTA_AUTHENTICATION),
	);
	const rows =
		(context.getNodeParameter('roleMappings.mapping', itemIndex, []) as IDataObject[]) ?? [];
	return {
		roleMappings: rows.map((row) => {
			const mapping: IDataObject = {
				group: String((fromOkta ? row.oktaGroupId : row.group) ?? '').trim(),
			};
			if (isChosen(row.agentRoleId)) mapping.agentRoleId = String(row.agentRoleId).trim();
			if (isChosen(row.cabId)) mapping.cabId = toNumberish(row.cabId);
			if (isChosen(row.userRoleId)) mapping.userRoleId = toNumberish(row.userRoleId);
			return mapping;
		}),
	};
}
