import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { ORG_URL_PROPERTY } from '../lib/n8n/okta';
import { normalizeOrgUrl } from '../lib/okta/orgUrl';

/** An Okta API token (Security › API › Tokens), sent as `Authorization: SSWS <token>`. */
// Tested by the Halo Okta Settings node's `testedBy` function: n8n's tester takes the first node
// that names one, so one node is enough (the lint rule wants every node to).
// eslint-disable-next-line @n8n/community-nodes/credential-test-required
export class OktaTokenApi implements ICredentialType {
	name = 'oktaTokenApi';

	// docs/public-surface.md fixes this display name (saved credentials show it).
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-missing-api
	displayName = 'Okta API Token';

	icon: Icon = { light: 'file:okta.svg', dark: 'file:okta.dark.svg' };

	documentationUrl = 'https://developer.okta.com/docs/guides/create-an-api-token/main/';

	properties: INodeProperties[] = [
		ORG_URL_PROPERTY,
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Created under Security › API › Tokens; it acts with the rights of the admin who created it',
		},
	];

	// A function, not a generic header, so a wrong org URL is refused with a clear message before any request.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		normalizeOrgUrl(credentials.url);
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `SSWS ${String(credentials.apiToken ?? '').trim()}`,
		};
		return requestOptions;
	};

	// No `test` request: n8n then runs the Halo Okta Settings node's `oktaCredentialTest`
	// (lib/n8n/credentialTests.ts), which reads users, groups and apps and names every
	// scope Okta refuses (a single test request could check only one).
}
