import type { INodeProperties } from 'n8n-workflow';

export const groupProperties: INodeProperties[] = [
	{
		displayName: 'Search Expression',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. profile.name sw "Sales"',
		description: 'An Okta group search expression; empty lists every group',
		displayOptions: { show: { resource: ['groups'] } },
	},
];

/**
 * The group of "Group Member" and the app of "App User". "By Name" lets saved
 * workflows name them instead of holding an org-specific id (actions/locate.ts).
 */
export const locatorProperties: INodeProperties[] = [
	{
		displayName: 'Group',
		name: 'group',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchGroups', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 00g1a2b3c4d5e6f7g8h9',
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Service Desk Agents',
			},
		],
		description: 'By Name matches the whole group name, ignoring case',
		displayOptions: { show: { resource: ['groupMembers'] } },
	},
	{
		displayName: 'App',
		name: 'app',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchApps', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 0oa1a2b3c4d5e6f7g8h9',
			},
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Salesforce.com' },
		],
		description:
			'By Name matches the whole app label shown in the Okta Admin Console, ignoring case',
		displayOptions: { show: { resource: ['appUsers'] } },
	},
];
