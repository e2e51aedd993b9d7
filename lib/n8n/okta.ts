/**
 * n8n glue for Okta: the client for a node (by its `authentication`
 * parameter), the request function credentials use before a node runs, and
 * the one conversion of Okta errors into n8n errors (List and the trigger).
 */
import type {
	ICredentialDataDecryptedObject,
	IAuthenticateRuleResponseCode,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeCredentialTestResult,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { HttpRequest, HttpResponse, RequestFn } from '../http/types';
import { OktaApiError } from '../okta/OktaApiError';
import { OktaClient } from '../okta/OktaClient';
import { OktaCredentialError } from '../okta/OktaCredentialError';
import { normalizeOrgUrl } from '../okta/orgUrl';
import { OrgUrlError } from '../okta/OrgUrlError';
import type { RequestContext } from './transport';
import { n8nRequestFn } from './transport';

export type OktaAuthentication = 'apiToken' | 'serviceApp' | 'oAuth2';

/** `authentication` parameter value → credential type name (DESIGN.md; saved workflows depend on both). */
export function oktaCredentialType(authentication: unknown): string {
	switch (authentication ?? 'apiToken') {
		case 'apiToken':
			return 'oktaTokenApi';
		case 'serviceApp':
			return 'oktaServiceAppApi';
		case 'oAuth2':
			return 'oktaAuthCodeOAuth2Api';
		default:
			throw new OktaCredentialError(`Unknown Okta authentication "${String(authentication)}"`);
	}
}

function authenticationOf(context: RequestContext, itemIndex: number): unknown {
	if ('getInputData' in context) return (context as IExecuteFunctions).getNodeParameter('authentication', itemIndex, 'apiToken');
	// In dropdowns the parameter may be changed but not yet saved.
	const current = 'getCurrentNodeParameter' in context ? (context as ILoadOptionsFunctions).getCurrentNodeParameter('authentication') : undefined;
	return current ?? (context as ILoadOptionsFunctions).getNodeParameter('authentication', 'apiToken');
}

/**
 * The Okta client for a node: credential chosen by the node's `authentication`
 * parameter, org URL from that credential (checked), requests through n8n's
 * `httpRequestWithAuthentication` so n8n adds and refreshes the credential.
 */
export async function oktaClientFor(context: RequestContext, itemIndex = 0): Promise<OktaClient> {
	const credentialType = oktaCredentialType(authenticationOf(context, itemIndex));
	const credentials = await context.getCredentials(credentialType, itemIndex);
	return new OktaClient({ orgUrl: normalizeOrgUrl(credentials.url), request: n8nRequestFn(context, credentialType) });
}

/** Okta errors as n8n shows them: Okta's errorSummary (+ code) as the message, causes as the description. */
export function oktaNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof OktaApiError) {
		const causes = error.errorCauses.map((cause) => cause.errorSummary).join('; ');
		const response: JsonObject = { status: error.status, errorCode: error.errorCode ?? null, errorSummary: error.errorSummary };
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
		return new NodeOperationError(node, error.message, { itemIndex, description: 'Check the Okta credential' });
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}

/**
 * A RequestFn over `helpers.httpRequest`, for credential code that runs before
 * any node (preAuthentication). Resolves for every status, like all RequestFns.
 */
export function httpRequestFn(helper: IHttpRequestHelper): RequestFn {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			qs: request.query as IHttpRequestOptions['qs'],
			headers: { Accept: 'application/json', ...request.headers },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		if (request.form) {
			options.headers = { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
			options.body = new URLSearchParams(request.form).toString();
		} else if (request.body !== undefined) {
			options.body = request.body as IHttpRequestOptions['body'];
		}
		const response = (await helper.helpers.httpRequest(options)) as { statusCode: number; headers: Record<string, unknown>; body: unknown };
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(response.headers ?? {})) {
			if (value !== undefined && value !== null) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		}
		return { status: response.statusCode, headers, body: response.body };
	};
}

/** The absolute URL a request will go to (credential tests pass `baseURL` + a relative `url`). */
export function requestUrl(options: IHttpRequestOptions): string {
	const base = (options as IHttpRequestOptions & { baseURL?: string }).baseURL;
	return base ? new URL(options.url.replace(/^\/+/, ''), base.endsWith('/') ? base : `${base}/`).toString() : options.url;
}

/**
 * Checks an `oktaEventHookApi` credential without a network call (Okta has no
 * endpoint to test a hook secret against): a header name Okta can send and a
 * secret long enough not to be guessed. For the trigger node's `credentialTest`.
 */
export function testEventHookCredential(credentials: ICredentialDataDecryptedObject): INodeCredentialTestResult {
	const headerName = String(credentials.headerName ?? '').trim();
	const secret = String(credentials.secret ?? '');
	if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(headerName)) return { status: 'Error', message: 'The header name is not a valid HTTP header name' };
	if (secret.length < 16) return { status: 'Error', message: 'Use a secret of at least 16 characters (Okta sends it with every delivery)' };
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
			message: 'Okta refused the credential (E0000011): check the token, or the client ID and key of the service app',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message: 'Okta refused to list users: grant the scope okta.users.read (and okta.groups.read, okta.apps.read) to the app, or use an admin with read access',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message: 'Okta answered 404: use your primary Okta domain, e.g. https://acme.okta.com, not the -admin or a sub-path URL',
		},
	},
];
