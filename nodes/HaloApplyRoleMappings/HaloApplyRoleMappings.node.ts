import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { applyRoleMappings } from './apply';
import { properties } from './description';
import { loadOptions } from './loadOptions';
import { runThenCommitCursors } from '../../lib/n8n/incrementalCursor';

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
		// Okta only for the group dropdown of the UI rows; which credential follows `authentication` ("none": no Okta).
		// Written out (n8n's lint reads this list); test/nodes/editorAuthFields.test.ts checks it against lib/n8n/okta.ts.
		credentials: [
			{ name: 'haloApi', required: true },
			{
				name: 'oktaTokenApi',
				required: true,
				displayOptions: { show: { configSource: ['ui'], authentication: ['apiToken'] } },
			},
			{
				name: 'oktaServiceAppApi',
				required: true,
				displayOptions: { show: { configSource: ['ui'], authentication: ['serviceApp'] } },
			},
			{
				name: 'oktaAuthCodeOAuth2Api',
				required: true,
				displayOptions: { show: { configSource: ['ui'], authentication: ['oAuth2'] } },
			},
		],
		properties,
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The last of our writers commits the incremental cursor once the writes succeeded.
		return (await runThenCommitCursors(this, applyRoleMappings)) as INodeExecutionData[][];
	}
}
