import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsCollection } from '../../lib/n8n/requestBudget';
import { router } from './actions/router';
import { authenticationProperty, limitProperties, resourceProperty } from './descriptions/common';
import { groupProperties, locatorProperties } from './descriptions/groups';
import { includeGroupsProperty, userProperties } from './descriptions/users';
import { searchApps, searchGroups } from './methods/listSearch';

export class OktaListUsersAndGroups implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'List Okta Users and Groups',
		name: 'oktaListUsersAndGroups',
		icon: { light: 'file:okta.svg', dark: 'file:okta.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ $parameter["resource"] }}',
		description: 'Lists Okta users with their groups, groups, group members or app users',
		defaults: { name: 'List Okta Users and Groups' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'oktaTokenApi',
				required: true,
				displayOptions: { show: { authentication: ['apiToken'] } },
			},
			{
				name: 'oktaServiceAppApi',
				required: true,
				displayOptions: { show: { authentication: ['serviceApp'] } },
			},
			{
				name: 'oktaAuthCodeOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			authenticationProperty,
			resourceProperty,
			...locatorProperties,
			...limitProperties,
			includeGroupsProperty,
			...userProperties,
			...groupProperties,
			requestOptionsCollection(),
		],
	};

	methods = { listSearch: { searchGroups, searchApps } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
