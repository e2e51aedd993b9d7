import type { INodeProperties } from 'n8n-workflow';

import { batchSizeOption } from '../../lib/n8n/halo';
import { onboardingProperties } from '../../lib/n8n/mappingConfig/onboarding';
import { configSourceProperties } from '../../lib/n8n/mappingConfig/read';
import { requestTimeBudgetOption } from '../../lib/n8n/requestBudget';

const EXAMPLE_CONFIG = `{
  "onboarding": {
    "ticketTypeId": 3,
    "templateId": 1,
    "summary": "New starter: {{record.name}}",
    "details": "{{record.name}} joins {{okta.profile.department}}.",
    "fields": [{ "halo": "CFStartDate", "okta": "profile.startDate" }]
  }
}`;

export const properties: INodeProperties[] = [
	{
		displayName: 'Only Newly Created',
		name: 'onlyCreated',
		type: 'boolean',
		default: true,
		description:
			'Whether to log tickets only for items the Upsert node created; either way nobody gets a second onboarding ticket',
	},
	...configSourceProperties().map((property) =>
		property.name === 'configJson'
			? {
					...property,
					default: EXAMPLE_CONFIG,
					description:
						'A mapping configuration whose onboarding section is used: ticketTypeId, templateId, summary, details, fields, createdWithinDays',
				}
			: property,
	),
	...onboardingProperties(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [batchSizeOption('Tickets per Halo request'), requestTimeBudgetOption()],
	},
];
