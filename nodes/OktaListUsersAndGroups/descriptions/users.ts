import type { INodeProperties } from 'n8n-workflow';

import { OKTA_STATUSES } from '../../../lib/core/types';

const forUsers = { show: { resource: ['users'] } };

/** Users and group members are both Okta user objects, so both can carry their groups. */
export const includeGroupsProperty: INodeProperties = {
	displayName: 'Include Groups',
	name: 'includeGroups',
	type: 'boolean',
	default: true,
	description:
		"Whether to add each user's groups as groups: [{ ID, name }] (read once per group, not per user)",
	displayOptions: { show: { resource: ['users', 'groupMembers'] } },
};

export const userProperties: INodeProperties[] = [
	{
		displayName: 'Include App Assignments For',
		name: 'appIds',
		type: 'string',
		default: '',
		placeholder: '0oa1b2c3d4e5f6g7h8i9',
		description:
			"Okta app IDs (comma-separated) whose assignments each user gets as appIds: [ID, …], read once per app, not per user. Name here every app a site rule's appId uses in Map to Halo.",
		displayOptions: forUsers,
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: OKTA_STATUSES.map((status) => ({
			name: status
				.replace(/_/g, ' ')
				.toLowerCase()
				.replace(/^./, (c) => c.toUpperCase()),
			value: status,
		})),
		default: [],
		description:
			'Only users with these statuses; none selected = every status, deprovisioned users included',
		displayOptions: forUsers,
	},
	{
		displayName: 'User IDs or Logins',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 00u1a2b3c4, ann@acme.com or {{ $json.userId }}',
		description:
			'Fetch just these users (comma-separated). With an expression that differs per input item, the node runs once per item; an item whose value is empty yields nothing. Leave empty to list users.',
		displayOptions: forUsers,
	},
	{
		displayName: 'Search Expression',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. profile.department eq "Sales"',
		description: 'An Okta search expression; combined with the statuses and dates below',
		displayOptions: { show: { resource: ['users'], userIds: [''] } },
	},
	{
		displayName: 'Updated Since',
		name: 'updatedSince',
		type: 'dateTime',
		default: '',
		description: 'Only users whose Okta record changed after this time',
		displayOptions: { show: { resource: ['users'], userIds: [''] } },
	},
	{
		displayName: 'Only Changed Since Last Run',
		name: 'onlyChanged',
		type: 'boolean',
		default: false,
		description:
			'Whether to read only users changed since the previous run of this workflow (deactivations included). The first run reads everyone. Needs Return All; manual test runs do not move the cursor.',
		displayOptions: { show: { resource: ['users'], userIds: [''] } },
	},
];
