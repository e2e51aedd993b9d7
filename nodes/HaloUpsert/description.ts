import type { INodeProperties } from 'n8n-workflow';

import { batchSizeOption } from '../../lib/n8n/halo';
import { configSourceProperties } from '../../lib/n8n/mappingConfig/read';
import { matchOnProperty } from '../../lib/n8n/mappingConfig/targetFields';
import { requestTimeBudgetOption } from '../../lib/n8n/requestBudget';

const EXAMPLE_CONFIG = `{
  "user": { "matchOn": ["oktaid", "emailaddress"] },
  "agent": { "matchOn": ["oktaid", "email"] }
}`;

export const properties: INodeProperties[] = [
	{
		displayName:
			'Input: items from "Map to Halo". Existing Halo users or agents are read once per run and matched; only changed fields are written.',
		name: 'inputNotice',
		type: 'notice',
		default: '',
	},
	...configSourceProperties().map((property) =>
		property.name === 'configJson'
			? {
					...property,
					default: EXAMPLE_CONFIG,
					description:
						'A mapping configuration; this node uses user.matchOn and agent.matchOn (the rest is Map to Halo’s)',
				}
			: property,
	),
	matchOnProperty('user'),
	matchOnProperty('agent'),
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description:
			'Whether to only plan: every item shows what would happen, and nothing is written to Halo',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			batchSizeOption('Records per Halo request (Halo saves arrays)', 500),
			requestTimeBudgetOption(),
			{
				displayName: 'Deactivate Missing',
				name: 'deactivateMissing',
				type: 'boolean',
				default: false,
				description:
					'Whether to deactivate active Halo records with an Okta ID that no input item carries. Only for full syncs: with a filtered or incremental input it would deactivate everyone else.',
			},
			{
				displayName: 'Guard: Always Allowed Deactivations',
				name: 'minDeactivationCount',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 10,
				description: 'Deactivations up to this many never trip the guard (small directories)',
			},
			{
				displayName: 'Guard: Maximum Deactivation Share (%)',
				name: 'maxDeactivationPercent',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100 },
				default: 10,
				description:
					'Stop before writing anything when a run would deactivate more than this share of the active Halo records',
			},
			{
				displayName: 'Guard: Override',
				name: 'overrideGuard',
				type: 'boolean',
				default: false,
				description:
					'Whether to run even when the mass-deactivation guard would stop it (for one intended large clean-up)',
			},
			{
				displayName: 'Output Run Summary',
				name: 'outputSummary',
				type: 'boolean',
				default: false,
				description:
					'Whether to add one item at the end with the counts per action and the Halo requests made',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1000 },
				default: 100,
				description: 'Records per page when reading existing Halo users',
			},
		],
	},
];
