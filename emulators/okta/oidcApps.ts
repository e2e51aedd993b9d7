/**
 * OIDC app settings: the default `settings.oauthClient` of an OIDC web app,
 * and `PUT /api/v1/apps/{id}` (replace the app), which Okta answers with the
 * app as stored. Okta's own rules are applied before anything is stored:
 * the name and sign-on mode cannot change, a label is required, and the
 * client settings must hold together (a code grant needs the `code` response
 * type and a redirect URI, the implicit grant needs `id_token` or `token`,
 * URIs must be absolute). Refusals are 400 E0000001 with the causes listed,
 * as Okta answers them. Read-only properties sent back (id, created,
 * `_links`, …) are ignored, as Okta ignores them.
 */
import type { EmulatorRequest, EmulatorResponse } from '../server';
import { renderApp } from './apps';
import type { EmulatorContext } from './context';
import { errors } from './errors';
import { oktaTimestamp } from './time';
import type { OidcClientSettings } from './types';

/** A new OIDC web app as Okta's "Create App Integration" leaves it: the code grant only. */
export function defaultOidcClient(appName: string): OidcClientSettings {
	return {
		redirect_uris: [`https://${appName}.example.com/callback`],
		response_types: ['code'],
		grant_types: ['authorization_code'],
		application_type: 'web',
		consent_method: 'REQUIRED',
		issuer_mode: 'DYNAMIC',
	};
}

const GRANT_TYPES = new Set([
	'authorization_code',
	'client_credentials',
	'implicit',
	'interaction_code',
	'password',
	'refresh_token',
	'urn:ietf:params:oauth:grant-type:device_code',
	'urn:ietf:params:oauth:grant-type:jwt-bearer',
	'urn:ietf:params:oauth:grant-type:saml2-bearer',
	'urn:ietf:params:oauth:grant-type:token-exchange',
]);
const RESPONSE_TYPES = new Set(['code', 'id_token', 'token']);

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
	return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}

function absoluteUri(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol.length > 1;
	} catch {
		return false;
	}
}

/** Okta's checks of an OIDC client's settings; the causes Okta would list. */
export function oidcClientProblems(client: Record<string, unknown>): string[] {
	const problems: string[] = [];
	const grants = stringList(client.grant_types);
	const responses = stringList(client.response_types ?? ['code']);
	const redirects = stringList(client.redirect_uris ?? []);
	const logouts = stringList(client.post_logout_redirect_uris ?? []);
	if (!grants || grants.length === 0)
		problems.push('grant_types: At least one grant type is required.');
	if (!responses) problems.push('response_types: Must be a list of response types.');
	if (!redirects) problems.push('redirect_uris: Must be a list of URIs.');
	if (!logouts) problems.push('post_logout_redirect_uris: Must be a list of URIs.');
	if (problems.length > 0) return problems;
	for (const grant of grants!)
		if (!GRANT_TYPES.has(grant))
			problems.push(`grant_types: '${grant}' is not a valid grant type.`);
	for (const type of responses!)
		if (!RESPONSE_TYPES.has(type))
			problems.push(`response_types: '${type}' is not a valid response type.`);
	for (const uri of [...redirects!, ...logouts!])
		if (!absoluteUri(uri)) problems.push(`redirect_uris: '${uri}' is not a valid URI.`);
	if (grants!.includes('authorization_code')) {
		if (!responses!.includes('code'))
			problems.push(
				"response_types: The 'authorization_code' grant type requires the 'code' response type.",
			);
		if (redirects!.length === 0)
			problems.push(
				"redirect_uris: The 'authorization_code' grant type requires at least one redirect URI.",
			);
	}
	if (grants!.includes('implicit') && !responses!.some((t) => t === 'id_token' || t === 'token'))
		problems.push(
			"response_types: The 'implicit' grant type requires the 'id_token' or 'token' response type.",
		);
	if (responses!.some((t) => t === 'id_token' || t === 'token') && !grants!.includes('implicit'))
		problems.push(
			"grant_types: The 'id_token' and 'token' response types require the 'implicit' grant type.",
		);
	const type = client.application_type;
	if (type !== undefined && !['web', 'browser', 'native', 'service'].includes(String(type)))
		problems.push(`application_type: '${String(type)}' is not a valid application type.`);
	return problems;
}

/** `PUT /api/v1/apps/{id}`. */
export function replaceApp(req: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
	const app = context.store.app(req.params.id);
	if (!app) return errors.notFound(req.params.id, 'AppInstance');
	const body = req.body;
	if (!isObject(body)) return errors.validation('app', ['The request body must be an app.']);
	const problems: string[] = [];
	if (body.name !== app.name) problems.push(`name: The app name cannot be changed (${app.name}).`);
	if (body.signOnMode !== undefined && body.signOnMode !== app.signOnMode)
		problems.push('signOnMode: The sign-on mode cannot be changed.');
	if (typeof body.label !== 'string' || body.label.trim() === '')
		problems.push('label: The field cannot be left blank.');
	const settings = isObject(body.settings) ? body.settings : undefined;
	const client = settings && isObject(settings.oauthClient) ? settings.oauthClient : undefined;
	if (app.signOnMode === 'OPENID_CONNECT') {
		if (!client) problems.push('settings.oauthClient: The field is required.');
		else problems.push(...oidcClientProblems(client));
		const credentials = isObject(body.credentials) ? body.credentials : undefined;
		const oauth = credentials && isObject(credentials.oauthClient) ? credentials.oauthClient : {};
		if (oauth.client_id !== undefined && oauth.client_id !== app.id)
			problems.push('credentials.oauthClient.client_id: The client ID cannot be changed.');
	}
	if (problems.length > 0) return errors.validation('app', problems);
	app.label = String(body.label);
	if (app.signOnMode === 'OPENID_CONNECT' && client) {
		app.oauthClient = structuredClone({
			...client,
			application_type: (client.application_type ??
				app.oauthClient?.application_type ??
				'web') as OidcClientSettings['application_type'],
			response_types: stringList(client.response_types) ?? ['code'],
			redirect_uris: stringList(client.redirect_uris) ?? [],
		}) as OidcClientSettings;
	}
	app.lastUpdated = oktaTimestamp(context.store.now());
	return { status: 200, body: renderApp(app, context) };
}
