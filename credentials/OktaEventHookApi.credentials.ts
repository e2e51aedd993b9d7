import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * What Okta sends with every event hook delivery: the header name and secret
 * entered under Workflow › Event Hooks › Authentication. The trigger compares
 * them in constant time. There is no Okta call to test them against; the
 * trigger node checks their shape (`testedBy`).
 */
export class OktaEventHookApi implements ICredentialType {
	name = 'oktaEventHookApi';

	// docs/public-surface.md fixes this display name (saved credentials show it).
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-missing-api
	displayName = 'Okta Event Hook Secret';

	icon: Icon = { light: 'file:okta.svg', dark: 'file:okta.dark.svg' };

	documentationUrl = 'https://developer.okta.com/docs/concepts/event-hooks/';

	properties: INodeProperties[] = [
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'Authorization',
			required: true,
			description: 'The authentication field name set on the event hook in Okta',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The authentication secret set on the event hook in Okta (at least 16 characters)',
		},
	];
}
