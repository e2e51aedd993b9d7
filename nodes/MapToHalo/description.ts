import type { INodeProperties } from 'n8n-workflow';

import { defaultTeamProperty, teamAccessProperty } from '../../lib/n8n/mappingConfig/agent';
import { activeStatusesProperty, configSourceProperties } from '../../lib/n8n/mappingConfig/read';
import { fieldMappingsProperty } from '../../lib/n8n/mappingConfig/targetFields';
import { siteRulesProperties } from '../../lib/n8n/mappingConfig/user';
import { requestOptionsCollection } from '../../lib/n8n/requestBudget';

const EXAMPLE_CONFIG = `{
  "user": {
    "siteRules": [{ "group": "Head Office Staff", "siteId": 1 }],
    "defaultSiteId": 1
  },
  "agent": {
    "fields": [{ "halo": "team", "okta": "profile.department" }]
  }
}`;

const forUsers = { show: { target: ['user'] } };
const forAgents = { show: { target: ['agent'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Target',
		name: 'target',
		type: 'options',
		options: [
			{ name: 'Halo User (End User)', value: 'user' },
			{ name: 'Halo Agent', value: 'agent' },
		],
		default: 'user',
		description: 'What each Okta user becomes in Halo',
	},
	...configSourceProperties().map((property) =>
		property.name === 'configJson' ? { ...property, default: EXAMPLE_CONFIG } : property,
	),
	{
		displayName:
			'Okta users become Halo records with the default mappings (name, email, login, phones, title, Okta ID). Add mappings below to change or extend them.',
		name: 'mappingNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { configSource: ['ui'] } },
	},
	activeStatusesProperty(),
	fieldMappingsProperty('user', forUsers),
	...siteRulesProperties(forUsers),
	fieldMappingsProperty('agent', forAgents),
	defaultTeamProperty(forAgents),
	teamAccessProperty(forAgents),
	requestOptionsCollection(),
];
