import type { INodeProperties } from 'n8n-workflow';

import { batchSizeOption, configSourceProperties } from '../../lib/n8n/mappingConfig';
import { oktaAuthenticationProperty } from '../../lib/n8n/okta';

const EXAMPLE_CONFIG = `{
  "roleMappings": [
    { "group": "Service Desk", "agentRoleId": "6a0f8f5e-1c2b-4d3a-9e4f-000000000002" },
    { "group": "Change Approvers", "cabId": 1 },
    { "group": "Managers", "userRoleId": 2 }
  ]
}`;

const ui = { show: { configSource: ['ui'] } };

export const properties: INodeProperties[] = [
	...configSourceProperties().map((property) =>
		property.name === 'configJson'
			? {
					...property,
					default: EXAMPLE_CONFIG,
					description:
						'A mapping configuration whose roleMappings are used: [{ group, agentRoleId?, cabId?, userRoleId? }]',
				}
			: property,
	),
	// No display options and a "none" first: see oktaAuthenticationProperty (n8n's editor would hide Configuration Source).
	oktaAuthenticationProperty(
		{
			displayName: 'Okta Groups From',
			description:
				'Pick groups from Okta with an Okta credential, or type their names or IDs (no Okta credential). Only for the fields below, not the JSON configuration.',
		},
		{
			name: 'None: Type Okta Group Names or IDs',
			description: 'No Okta credential needed; names match regardless of case',
		},
	),
	{
		displayName: 'Role Mappings',
		name: 'roleMappings',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Role Mapping',
		default: {},
		description:
			"Halo's Advanced tab: members of the Okta group get these; people who leave the group lose them. Roles and CABs that no mapping names are never touched.",
		displayOptions: ui,
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
	},
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description: 'Whether to only report what would be added and removed, without writing to Halo',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [batchSizeOption('Records per Halo request')],
	},
];
