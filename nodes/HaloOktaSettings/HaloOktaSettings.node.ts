import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { credentialTest } from '../../lib/n8n/credentialTests';
import { router } from './actions/router';
import { properties } from './description';

export class HaloOktaSettings implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Halo Okta Settings',
		name: 'haloOktaSettings',
		icon: { light: 'file:halo.svg', dark: 'file:halo.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ $parameter["operation"] }}',
		description:
			"Takes over Halo's built-in Okta integration as a mapping configuration; checks and fixes Okta single sign-on for Halo",
		defaults: { name: 'Halo Okta Settings' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		// The credential tests that answer truthfully on the first click live here (lib/n8n/credentialTests.ts):
		// n8n runs a node's `testedBy` function for credential types without a `test` request.
		// Written out (n8n's lint reads this list); test/nodes/editorAuthFields.test.ts checks it against lib/n8n/okta.ts.
		credentials: [
			{ name: 'haloApi', required: true, testedBy: 'haloCredentialTest' },
			{
				name: 'oktaTokenApi',
				required: true,
				testedBy: 'oktaCredentialTest',
				displayOptions: { show: { authentication: ['apiToken'] } },
			},
			{
				name: 'oktaServiceAppApi',
				required: true,
				testedBy: 'oktaCredentialTest',
				displayOptions: { show: { authentication: ['serviceApp'] } },
			},
			{
				name: 'oktaAuthCodeOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties,
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
