import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { testEventHookCredential } from '../../lib/n8n/okta';

import { properties } from './description';
import { receive } from './receive';
import { eventHookRegistration } from './register';

const WEBHOOK_PATH = 'okta-event-hook';

export class OktaEventHookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Okta Event Hook Trigger',
		name: 'oktaEventHookTrigger',
		icon: { light: 'file:okta.svg', dark: 'file:okta.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow when Okta reports user events (verification, shared secret, dedupe)',
		defaults: { name: 'Okta Event Hook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// The Okta API credential is needed only to register the hook; which one follows `authentication` ("none": no registration).
		// Written out (n8n's lint reads this list); test/nodes/editorAuthFields.test.ts checks it against lib/n8n/okta.ts.
		credentials: [
			{ name: 'oktaEventHookApi', required: true, testedBy: 'oktaEventHookSecretTest' },
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
		// Same path, two methods: Okta verifies with a GET and delivers with POSTs.
		// `setup` comes first so n8n serves it before `default`'s create() asks Okta to verify.
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: WEBHOOK_PATH },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: WEBHOOK_PATH },
		],
		properties,
	};

	methods = {
		credentialTest: {
			// Okta has no endpoint to check a hook secret against; only its shape is tested.
			async oktaEventHookSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return testEventHookCredential(credential.data ?? {});
			},
		},
	};

	webhookMethods = { default: eventHookRegistration };

	webhook = receive;
}
