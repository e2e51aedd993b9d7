import type { INodeProperties } from 'n8n-workflow';

import { batchSizeOption } from '../../lib/n8n/halo';
import { configSourceProperties } from '../../lib/n8n/mappingConfig/read';
import { roleMappingsProperty } from '../../lib/n8n/mappingConfig/roleMappings';
import { oktaAuthenticationProperty } from '../../lib/n8n/okta';
import { requestTimeBudgetOption } from '../../lib/n8n/requestBudget';

const EXAMPLE_CONFIG = `{
  "roleMappings": [
    { "group": "Service Desk", "agentRoleId": "6a0f8f5e-1c2b-4d3a-9e4f-000000000002" },
    { "group": "Change Approvers", "cabId": 1 },
    { "group": "Managers", "userRoleId": 2 }
  ]
}`;

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
	roleMappingsProperty(),
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
		options: [batchSizeOption('Records per Halo request'), requestTimeBudgetOption()],
	},
];
