import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { applyRoleMappings } from './apply';
import { properties } from './description';
import { loadOptions } from './loadOptions';

export class HaloApplyRoleMappings implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Apply Role Mappings',
		name: 'haloApplyRoleMappings',
		icon: { light: 'file:halo.svg', dark: 'file:halo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["dryRun"] ? "dry run" : "Okta groups → Halo roles and CABs" }}',
		description: 'Gives and takes Halo agent roles, CAB membership and user roles by Okta group',
		defaults: { name: 'Apply Role Mappings' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			{ name: 'haloApi', required: true },
			// Okta only for the group dropdown; which credential follows `authentication`.
			{
				name: 'oktaTokenApi',
				required: true,
				displayOptions: { show: { configSource: ['ui'], groupInput: ['okta'], authentication: ['apiToken'] } },
			},
			{
				name: 'oktaServiceAppApi',
				required: true,
				displayOptions: { show: { configSource: ['ui'], groupInput: ['okta'], authentication: ['serviceApp'] } },
			},
			{
				name: 'oktaAuthCodeOAuth2Api',
				required: true,
				displayOptions: { show: { configSource: ['ui'], groupInput: ['okta'], authentication: ['oAuth2'] } },
			},
		],
		properties,
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return applyRoleMappings(this);
	}
}
