import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_ONBOARDING_DETAILS, DEFAULT_ONBOARDING_SUMMARY } from '../../lib/core/onboarding';
import { batchSizeOption, configSourceProperties } from '../../lib/n8n/mappingConfig';

const EXAMPLE_CONFIG = `{
  "onboarding": {
    "ticketTypeId": 3,
    "templateId": 1,
    "summary": "New starter: {{record.name}}",
    "details": "{{record.name}} joins {{okta.profile.department}}.",
    "fields": [{ "halo": "CFStartDate", "okta": "profile.startDate" }]
  }
}`;

const ui = { show: { configSource: ['ui'] } };

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
						'A mapping configuration whose onboarding section is used: ticketTypeId, templateId, summary, details, fields',
				}
			: property,
	),
	{
		displayName: 'Ticket Type Name or ID',
		name: 'ticketTypeId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getHaloTicketTypes' },
		default: '',
		required: true,
		description:
			'Type of the onboarding ticket; one without CAB approval. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: ui,
	},
	{
		displayName: 'Template Name or ID',
		name: 'templateId',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getTemplatesOfType',
			loadOptionsDependsOn: ['ticketTypeId'],
		},
		default: '',
		description:
			'Ticket template (optional). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: ui,
	},
	{
		displayName: 'Summary',
		name: 'summary',
		type: 'string',
		default: DEFAULT_ONBOARDING_SUMMARY,
		description:
			'Text with {{ path }} placeholders over the item, e.g. {{record.name}}, {{okta.profile.department}}',
		displayOptions: ui,
	},
	{
		displayName: 'Details',
		name: 'details',
		type: 'string',
		typeOptions: { rows: 4 },
		default: DEFAULT_ONBOARDING_DETAILS,
		description: 'Text with {{ path }} placeholders over the item',
		displayOptions: ui,
	},
	{
		displayName: 'Ticket Field Mappings',
		name: 'ticketFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Ticket Field',
		default: {},
		description:
			'Ticket fields filled from the person; custom fields by name (CFStartDate) or by ID (customfield_12)',
		displayOptions: ui,
		options: [
			{
				displayName: 'Field',
				name: 'mapping',
				values: [
					{
						displayName: 'Source Path or Template',
						name: 'okta',
						type: 'string',
						default: '',
						placeholder: 'okta.profile.department',
						description:
							'A path in the item (record.emailaddress, okta.profile.startDate, or just profile.startDate) or a {{ }} template',
					},
					{
						displayName: 'Ticket Field',
						name: 'halo',
						type: 'string',
						default: '',
						placeholder: 'CFStartDate',
						description:
							'A Halo ticket field (category_1, priority_id, …), a custom field name (CF…), or customfield_ID',
					},
					{
						displayName: 'Write Empty Values',
						name: 'populateEmpty',
						type: 'boolean',
						default: false,
						description: 'Whether to send the field even when the value is empty',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [batchSizeOption('Tickets per Halo request')],
	},
];
