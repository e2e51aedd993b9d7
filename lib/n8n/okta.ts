/**
 * n8n glue for Okta: the client for a node (by its `authentication`
 * parameter), the parts of node and credential descriptions every Okta node
 * shares, and the one conversion of Okta errors into n8n errors.
 */
import type {
	ICredentialDataDecryptedObject,
	IAuthenticateRuleResponseCode,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeCredentialTestResult,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { OktaApiError } from '../okta/OktaApiError';
import { OktaClient } from '../okta/OktaClient';
import { OktaCredentialError } from '../okta/OktaCredentialError';
import { normalizeOrgUrl } from '../okta/orgUrl';
import { OrgUrlError } from '../okta/OrgUrlError';
import { retryOptionsFor } from './requestBudget';
import type { RequestContext } from './transport';
import { n8nRequestFn } from './transport';

export type OktaAuthentication = 'apiToken' | 'serviceApp' | 'oAuth2';

/** The `authentication` value of nodes whose Okta credential is optional: no Okta call, no credential. */
export const NO_OKTA_AUTHENTICATION = 'none';

/** The `authentication` values, their labels and credential types (docs/public-surface.md; saved workflows depend on all of them). */
const OKTA_AUTHENTICATIONS: ReadonlyArray<{
	value: OktaAuthentication;
	name: string;
	credential: string;
}> = [
	{ value: 'apiToken', name: 'API Token', credential: 'oktaTokenApi' },
	{ value: 'serviceApp', name: 'Service App (Private Key JWT)', credential: 'oktaServiceAppApi' },
	{ value: 'oAuth2', name: 'OAuth2 (Authorization Code)', credential: 'oktaAuthCodeOAuth2Api' },
];

/** `authentication` parameter value → credential type name. */
export function oktaCredentialType(authentication: unknown): string {
	const wanted = authentication ?? 'apiToken';
	if (wanted === NO_OKTA_AUTHENTICATION)
		throw new OktaCredentialError('No Okta credential chosen (authentication is "none")');
	const found = OKTA_AUTHENTICATIONS.find((entry) => entry.value === wanted);
	if (!found)
		throw new OktaCredentialError(`Unknown Okta authentication "${String(authentication)}"`);
	return found.credential;
}

/** The first option of an `authentication` parameter whose Okta credential is optional. */
export interface NoOktaAuthentication {
	name: string;
	description?: string;
}

/**
 * The `authentication` parameter of a node that calls Okta; `extra` adds a
 * description or display name. With `none`, the Okta credential is optional:
 * the `none` option comes first and is the default. n8n's editor takes an
 * `authentication` parameter without a `none` option for the node's main
 * credential choice (and hides every parameter it depends on), so a node with
 * another, always-needed credential must pass `none` and no display options.
 */
export function oktaAuthenticationProperty(
	extra: Partial<INodeProperties> = {},
	none?: NoOktaAuthentication,
): INodeProperties {
	const options = OKTA_AUTHENTICATIONS.map(({ name, value }) => ({ name, value }));
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: none ? [{ ...none, value: NO_OKTA_AUTHENTICATION }, ...options] : options,
		default: none ? NO_OKTA_AUTHENTICATION : 'apiToken',
		...extra,
	};
}

/** Whether the node's `authentication` asks for an Okta credential (not `none`). */
export function usesOktaCredential(authentication: unknown): boolean {
	return (
		authentication !== undefined &&
		authentication !== null &&
		authentication !== '' &&
		authentication !== NO_OKTA_AUTHENTICATION
	);
}

function authenticationOf(context: RequestContext, itemIndex: number): unknown {
	if ('getInputData' in context)
		return (context as IExecuteFunctions).getNodeParameter('authentication', itemIndex, 'apiToken');
	// In dropdowns the parameter may be changed but not yet saved.
	const current =
		'getCurrentNodeParameter' in context
			? (context as ILoadOptionsFunctions).getCurrentNodeParameter('authentication')
			: undefined;
	return (
		current ?? (context as ILoadOptionsFunctions).getNodeParameter('authentication', 'apiToken')
	);
}

/**
 * The Okta client for a node: credential chosen by the node's `authentication`
 * parameter, org URL from that credential (checked), requests through n8n's
 * `httpRequestWithAuthentication` so n8n adds and refreshes the credential.
 */
export async function oktaClientFor(context: RequestContext, itemIndex = 0): Promise<OktaClient> {
	const authentication = authenticationOf(context, itemIndex);
	if (authentication === NO_OKTA_AUTHENTICATION) {
		throw new NodeOperationError(
			context.getNode(),
			'This needs an Okta credential, but the node\'s Okta authentication is "None"',
			{
				itemIndex,
				description:
					"Choose API Token, Service App or OAuth2 in the node's Okta authentication parameter, then an Okta credential",
			},
		);
	}
	const credentialType = oktaCredentialType(authentication);
	const credentials = await context.getCredentials(credentialType, itemIndex);
	return new OktaClient({
		orgUrl: normalizeOrgUrl(credentials.url),
		request: n8nRequestFn(context, credentialType),
		retry: retryOptionsFor(context, itemIndex),
	});
}

/** Okta errors as n8n shows them: Okta's errorSummary (+ code) as the message, causes as the description. */
export function oktaNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof OktaApiError) {
		const causes = error.errorCauses.map((cause) => cause.errorSummary).join('; ');
		const response: JsonObject = {
			status: error.status,
			errorCode: error.errorCode ?? null,
			errorSummary: error.errorSummary,
		};
		if (error.errorId) response.errorId = error.errorId;
		if (causes) response.errorCauses = causes;
		return new NodeApiError(node, response, {
			message: error.message,
			description: causes || (error.request ? `Okta request: ${error.request}` : undefined),
			httpCode: error.status ? String(error.status) : undefined,
			itemIndex,
		});
	}
	if (error instanceof OrgUrlError || error instanceof OktaCredentialError) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: 'Check the Okta credential',
		});
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

/** The absolute URL a request will go to (credential tests pass `baseURL` + a relative `url`). */
export function requestUrl(options: IHttpRequestOptions): string {
	const base = (options as IHttpRequestOptions & { baseURL?: string }).baseURL;
	return base
		? new URL(options.url.replace(/^\/+/, ''), base.endsWith('/') ? base : `${base}/`).toString()
		: options.url;
}

/**
 * Checks an `oktaEventHookApi` credential without a network call (Okta has no
 * endpoint to test a hook secret against): a header name Okta can send and a
 * secret long enough not to be guessed. For the trigger node's `credentialTest`.
 */
export function testEventHookCredential(
	credentials: ICredentialDataDecryptedObject,
): INodeCredentialTestResult {
	const headerName = String(credentials.headerName ?? '').trim();
	const secret = String(credentials.secret ?? '');
	if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(headerName))
		return { status: 'Error', message: 'The header name is not a valid HTTP header name' };
	if (secret.length < 16)
		return {
			status: 'Error',
			message: 'Use a secret of at least 16 characters (Okta sends it with every delivery)',
		};
	return { status: 'OK', message: 'Header name and secret look usable' };
}

/** The org URL field every Okta credential starts with. */
export const ORG_URL_PROPERTY: INodeProperties = {
	displayName: 'Okta Org URL',
	name: 'url',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'https://acme.okta.com',
	description: 'Your primary Okta domain, without a path; not the -admin console address',
};

/** What a failed credential test means, in Okta's terms. */
export const OKTA_CREDENTIAL_TEST_RULES: IAuthenticateRuleResponseCode[] = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message:
				'Okta refused the credential (E0000011): check the token, or the client ID and key of the service app',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message:
				'Okta refused to list users: grant the scope okta.users.read (and okta.groups.read, okta.apps.read) to the app, or use an admin with read access',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message:
				'Okta answered 404: use your primary Okta domain, e.g. https://acme.okta.com, not the -admin or a sub-path URL',
		},
	},
];
