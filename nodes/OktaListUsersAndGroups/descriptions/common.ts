import type { INodeProperties } from 'n8n-workflow';

/** `authentication` values and credential names are fixed by DESIGN.md (saved workflows use them). */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Token', value: 'apiToken' },
		{ name: 'Service App (Private Key JWT)', value: 'serviceApp' },
		{ name: 'OAuth2 (Authorization Code)', value: 'oAuth2' },
	],
	default: 'apiToken',
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'User', value: 'users', description: 'Users of the org, each with their groups' },
		{ name: 'Group', value: 'groups', description: 'Groups of the org' },
		{ name: 'Group Member', value: 'groupMembers', description: 'Users in one group, each with their groups' },
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
