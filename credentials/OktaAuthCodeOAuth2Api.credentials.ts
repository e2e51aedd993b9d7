import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { OKTA_CREDENTIAL_TEST_RULES, ORG_URL_PROPERTY } from '../lib/n8n/okta';

/**
 * Okta OAuth 2.0 authorization code flow against the org authorization
 * server (the one that issues `okta.*` scopes): n8n's OAuth2 credential with
 * the authorize and token URLs derived from the org URL. `offline_access`
 * is asked for so n8n can refresh the one-hour access token without a new
 * sign-in (the app needs the Refresh Token grant).
 */
export class OktaAuthCodeOAuth2Api implements ICredentialType {
	name = 'oktaAuthCodeOAuth2Api';

	extends = ['oAuth2Api'];

	// docs/public-surface.md fixes this display name (saved credentials show it).
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-missing-oauth2, n8n-nodes-base/cred-class-field-display-name-missing-api
	displayName = 'Okta OAuth2 (Authorization Code)';

	icon: Icon = { light: 'file:okta.svg', dark: 'file:okta.dark.svg' };

	documentationUrl = 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/';

	properties: INodeProperties[] = [
		ORG_URL_PROPERTY,
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '={{$self["url"].trim().replace(/\\/+$/, "")}}/oauth2/v1/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["url"].trim().replace(/\\/+$/, "")}}/oauth2/v1/token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'openid offline_access okta.users.read okta.groups.read okta.apps.read',
			description:
				'Space-separated; the signed-in admin must hold these rights, and the app must be granted the okta.* scopes',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.url.trim().replace(/\\/+$/, "")}}',
			url: '/api/v1/users/me',
		},
		rules: OKTA_CREDENTIAL_TEST_RULES,
	};
}
