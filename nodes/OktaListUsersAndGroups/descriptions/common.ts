import type { INodeProperties } from 'n8n-workflow';

import { oktaAuthenticationProperty } from '../../../lib/n8n/okta';

export const authenticationProperty: INodeProperties = oktaAuthenticationProperty();

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'User', value: 'users', description: 'Users of the org, each with their groups' },
		{ name: 'Group', value: 'groups', description: 'Groups of the org' },
		{
			name: 'Group Member',
			value: 'groupMembers',
			description: 'Users in one group, each with their groups',
		},
		{ name: 'App User', value: 'appUsers', description: 'Users assigned to one app' },
	],
	default: 'users',
};

export const limitProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: true,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];
