import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { ORG_URL_PROPERTY, requestUrl } from '../lib/n8n/okta';
import { helperRequestFn } from '../lib/n8n/transport';
import { accessTokenHeaders } from '../lib/okta/requestAuth';
import { DEFAULT_SERVICE_APP_SCOPES, fetchServiceAppToken } from '../lib/okta/serviceAppToken';

/**
 * An Okta API service app (OAuth 2.0 client credentials, `private_key_jwt`,
 * DPoP by default). n8n runs `preAuthentication` when the hidden, expirable
 * `accessToken` is empty or after a 401 and stores what it returns, so one
 * token serves every request until it expires. The DPoP key the token is
 * bound to is stored beside it; each request gets a fresh proof.
 */
// Tested by the Halo Okta Settings node's `testedBy` function: n8n's tester takes the first node
// that names one, so one node is enough (the lint rule wants every node to).
// eslint-disable-next-line @n8n/community-nodes/credential-test-required
export class OktaServiceAppApi implements ICredentialType {
	name = 'oktaServiceAppApi';

	// docs/public-surface.md fixes this display name (saved credentials show it).
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-missing-api
	displayName = 'Okta Service App (Private Key JWT)';

	icon: Icon = { light: 'file:okta.svg', dark: 'file:okta.dark.svg' };

	documentationUrl =
		'https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/';

	properties: INodeProperties[] = [
		ORG_URL_PROPERTY,
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Of the API Services app integration in Okta',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 5 },
			default: '',
			required: true,
			description:
				'PEM (-----BEGIN PRIVATE KEY-----) or JWK (JSON) of the key pair whose public key is registered with the app; RSA or EC',
		},
		{
			displayName: 'Key ID',
			name: 'keyId',
			type: 'string',
			default: '',
			description: 'The "kid" Okta shows for the public key; taken from the JWK when left empty',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: DEFAULT_SERVICE_APP_SCOPES,
			description: 'Space-separated Okta API scopes granted to the app (Okta API Scopes tab)',
		},
		{
			displayName: 'Use DPoP',
			name: 'useDpop',
			type: 'boolean',
			default: true,
			description:
				'Whether to bind tokens with DPoP; Okta requires it for new service apps ("Require Demonstrating Proof of Possession")',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Type',
			name: 'tokenType',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		// The DPoP private key (JWK) the token is bound to: a secret, though its name does not say so.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'DPoP Key',
			name: 'dpopJwk',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const token = await fetchServiceAppToken(helperRequestFn(this.helpers), {
			orgUrl: String(credentials.url ?? ''),
			clientId: String(credentials.clientId ?? '').trim(),
			privateKey: String(credentials.privateKey ?? ''),
			keyId: String(credentials.keyId ?? ''),
			scopes: String(credentials.scopes ?? ''),
			useDpop: credentials.useDpop !== false,
		});
		return {
			accessToken: token.accessToken,
			tokenType: token.tokenType,
			dpopJwk: token.dpopJwk ? JSON.stringify(token.dpopJwk) : '',
		};
	}

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const dpopJwk =
			typeof credentials.dpopJwk === 'string' && credentials.dpopJwk
				? JSON.parse(credentials.dpopJwk)
				: undefined;
		const headers = accessTokenHeaders(
			{
				accessToken: String(credentials.accessToken ?? ''),
				tokenType: String(credentials.tokenType || 'Bearer'),
				dpopJwk,
			},
			requestOptions.method ?? 'GET',
			requestUrl(requestOptions),
		);
		requestOptions.headers = { ...requestOptions.headers, ...headers };
		return requestOptions;
	};

	// No `test` request: n8n then runs the Halo Okta Settings node's `oktaCredentialTest`
	// (lib/n8n/credentialTests.ts), which reads users, groups and apps and names every
	// scope Okta refuses (a single test request could check only one).
}
