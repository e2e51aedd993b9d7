import type { INodeProperties } from 'n8n-workflow';

import { oktaAuthenticationProperty } from '../../lib/n8n/okta';

const sso = { show: { operation: ['checkSso', 'fixSso'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Get Mapping Configuration',
				value: 'getMappingConfig',
				action: 'Get the okta mappings as a mapping configuration',
				description:
					"Reads Halo's built-in Okta integration (Control) as one MappingConfig for the other nodes' Configuration (JSON)",
			},
			{
				name: 'Check SSO',
				value: 'checkSso',
				action: 'Check okta single sign on',
				description: "Checks Halo's Okta sign-in settings against the Okta org and app",
			},
			{
				name: 'Fix SSO',
				value: 'fixSso',
				action: 'Fix okta single sign on',
				description:
					'Adds what sign-in is missing: redirect and sign-out URIs, grant types, Halo s Okta URL and client ID. Never removes anything.',
			},
		],
		default: 'getMappingConfig',
	},
	// No display options and a "none" first: see oktaAuthenticationProperty (Get Mapping Configuration needs no Okta credential).
	oktaAuthenticationProperty(
		{
			displayName: 'Okta Authentication',
			description:
				'The Okta credential Check SSO and Fix SSO read the org and app with (Fix SSO: with okta.apps.manage)',
		},
		{ name: 'None (Get Mapping Configuration Only)' },
	),
	{
		displayName: 'Agent URL',
		name: 'agentUrl',
		type: 'string',
		default: '',
		placeholder: 'https://acme.halopsa.com',
		description:
			"Base URL of this Halo instance's agent app; empty: the Halo credential's URL. Set it per instance (production, UAT, dev).",
		displayOptions: sso,
	},
	{
		displayName: 'Portal URL',
		name: 'portalUrl',
		type: 'string',
		default: '',
		placeholder: 'https://support.acme.com',
		description: "Base URL of the self-service portal; empty: Halo's configured portal URL",
		displayOptions: sso,
	},
	{
		displayName: 'App ID',
		name: 'appId',
		type: 'string',
		default: '',
		placeholder: '0oa1b2c3d4e5f6g7h8i9',
		description:
			"The Okta OIDC app Halo signs in with; empty: Halo's Okta client ID (an OIDC app's client ID is its app ID unless set otherwise)",
		displayOptions: sso,
	},
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: true,
		description: 'Whether to only report the changes; turn off to write them to Okta and Halo',
		displayOptions: { show: { operation: ['fixSso'] } },
	},
];
