import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { fetchHaloAccessToken } from '../lib/n8n/halo';

/**
 * Halo (ITSM, PSA, Service Desk) API with an application's client ID and
 * secret. The client-credentials token lives in the hidden, expirable
 * `accessToken` field: n8n runs `preAuthentication` when it is empty, keeps the
 * token with the credential, and runs it again only after a 401.
 */
// Tested by the Halo Okta Settings node's `testedBy` function: n8n's tester takes the first node
// that names one, so one node is enough (the lint rule wants every node to).
// eslint-disable-next-line @n8n/community-nodes/credential-test-required
export class HaloApi implements ICredentialType {
	name = 'haloApi';

	// docs/public-surface.md fixes this display name (saved credentials show it).
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-missing-api
	displayName = 'Halo API (ITSM / PSA / Service Desk)';

	icon: Icon = {
		light: 'file:../nodes/HaloUpsert/halo.svg',
		dark: 'file:../nodes/HaloUpsert/halo.dark.svg',
	};

	documentationUrl = 'https://halopsa.com/apidoc/authentication/client';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Halo URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://acme.halopsa.com',
			description: 'Base address of your Halo instance, without /api',
		},
		{
			displayName: 'Authorisation Server URL',
			name: 'authUrl',
			type: 'string',
			default: '',
			placeholder: 'https://acme.halopsa.com/auth',
			description:
				'Leave empty to ask Halo (/api/authinfo); usually the Halo URL followed by /auth',
		},
		{
			displayName: 'Tenant',
			name: 'tenant',
			type: 'string',
			default: '',
			description:
				'Hosted Halo only: your tenant name (sent with the token request). Leave empty for self-hosted instances.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'From Configuration › Integrations › Halo API › View Applications (authentication method "Client ID and Secret")',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'all',
			description:
				'Space-separated Halo permissions the token asks for, e.g. "all" or "read:users edit:users"',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { accessToken: await fetchHaloAccessToken(this.helpers, credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	// No `test` request: n8n then runs the Halo Okta Settings node's `haloCredentialTest`
	// (lib/n8n/credentialTests.ts), which fetches a fresh token from the values typed and reads
	// Control, naming the missing permission, so the answer is true on the first click.
}
