/**
 * `/api/v1/apps`: list (`q`, `filter` on id/name/status/user.id, Link
 * paging), one app, and its assigned users (`limit` ≤ 500, `q`,
 * `expand=user` embeds the Okta user); `PUT /api/v1/apps/{id}` replaces an
 * OIDC app's label and client settings (oidcApps.ts).
 */
import type { EmulatorRequest, EmulatorResponse, EmulatorServer } from '../server';
import type { EmulatorContext } from './context';
import { errors } from './errors';
import { linkHeader, pageOf, readLimit } from './paging';
import { renderUser } from './render';
import { readSelection, RULE, rulesFrom, type SelectionRules } from './selection';
import { defaultOidcClient, replaceApp } from './oidcApps';
import { byId } from './sorted';
import type { OktaAppRecord, OktaAppUserRecord } from './types';

const APP_LIMIT = { defaultLimit: 200, maxLimit: 200 };
const APP_USER_LIMIT = { defaultLimit: 50, maxLimit: 500 };

export function registerAppRoutes(server: EmulatorServer, context: EmulatorContext): void {
	const appRules = rulesFrom(
		{ id: RULE.eqOnly, name: RULE.eqOnly, status: RULE.eqOnly, 'user.id': RULE.eqOnly },
		false,
	);
	// `user.id eq "…"` lists the apps a user is assigned to.
	const selection: SelectionRules<OktaAppRecord> = {
		filter: appRules,
		search: appRules,
		read: (app, attribute) =>
			attribute === 'user.id'
				? context.store.appUsersOf(app.id).map((assignment) => assignment.id)
				: (app as unknown as Record<string, unknown>)[attribute],
	};
	server.route('GET', '/api/v1/apps', (req) => listApps(req, context, selection));
	server.route('GET', '/api/v1/apps/:id', (req) => {
		const app = context.store.app(req.params.id);
		return app
			? { status: 200, body: renderApp(app, context) }
			: errors.notFound(req.params.id, 'AppInstance');
	});
	server.route('PUT', '/api/v1/apps/:id', (req) => replaceApp(req, context));
	server.route('GET', '/api/v1/apps/:id/users', (req) => listAppUsers(req, context));
}

function listApps(
	req: EmulatorRequest,
	context: EmulatorContext,
	rules: SelectionRules<OktaAppRecord>,
): EmulatorResponse {
	const selection = readSelection(req, rules);
	if (selection.kind === 'error') return selection.answer;
	const q = req.query.get('q')?.toLowerCase();
	const accept = (app: OktaAppRecord): boolean =>
		(selection.kind === 'all' || selection.predicate(app)) &&
		(q === undefined ||
			app.name.toLowerCase().startsWith(q) ||
			app.label.toLowerCase().startsWith(q));
	const limit = readLimit(req.query, APP_LIMIT);
	const page = pageOf(context.store.apps, byId, req.query.get('after') ?? undefined, limit, accept);
	return {
		status: 200,
		headers: { Link: linkHeader(context.origin(), req, limit, page.nextAfter) },
		body: page.items.map((app) => renderApp(app, context)),
	};
}

function listAppUsers(req: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
	const app = context.store.app(req.params.id);
	if (!app) return errors.notFound(req.params.id, 'AppInstance');
	const q = req.query.get('q')?.toLowerCase();
	const embedUser = req.query.get('expand') === 'user';
	const accept = (assignment: OktaAppUserRecord): boolean => {
		if (q === undefined) return true;
		const user = context.store.user(assignment.id);
		return [
			assignment.credentials.userName,
			user?.profile.firstName,
			user?.profile.lastName,
			user?.profile.email,
		].some((value) => typeof value === 'string' && value.toLowerCase().startsWith(q));
	};
	const limit = readLimit(req.query, APP_USER_LIMIT);
	const page = pageOf(
		context.store.appUsersOf(app.id),
		byId,
		req.query.get('after') ?? undefined,
		limit,
		accept,
	);
	return {
		status: 200,
		headers: { Link: linkHeader(context.origin(), req, limit, page.nextAfter) },
		body: page.items.map((assignment) => renderAppUser(app, assignment, context, embedUser)),
	};
}

export function renderAppUser(
	app: OktaAppRecord,
	assignment: OktaAppUserRecord,
	context: EmulatorContext,
	embedUser: boolean,
): Record<string, unknown> {
	const origin = context.origin();
	const user = embedUser ? context.store.user(assignment.id) : undefined;
	return {
		...assignment,
		_links: {
			app: { href: `${origin}/api/v1/apps/${app.id}` },
			user: { href: `${origin}/api/v1/users/${assignment.id}` },
		},
		...(user ? { _embedded: { user: renderUser(user, context, 'full') } } : {}),
	};
}

/** The app instance as Okta writes it (the common properties of every sign-on mode). */
export function renderApp(app: OktaAppRecord, context: EmulatorContext): Record<string, unknown> {
	const origin = context.origin();
	const self = `${origin}/api/v1/apps/${app.id}`;
	const linkName = `${app.name}_link`;
	return {
		id: app.id,
		orn: `orn:okta:idp:${context.store.userTypeId.slice(3)}:apps:${app.name}:${app.id}`,
		name: app.name,
		label: app.label,
		status: app.status,
		lastUpdated: app.lastUpdated,
		created: app.created,
		accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null },
		visibility: {
			autoLaunch: false,
			autoSubmitToolbar: false,
			hide: { iOS: false, web: false },
			appLinks: { [linkName]: true },
		},
		features: app.features,
		signOnMode: app.signOnMode,
		credentials: credentialsFor(app),
		settings: {
			app:
				app.signOnMode === 'BOOKMARK'
					? { requestIntegration: false, url: 'https://intranet.example.com/' }
					: {},
			notifications: { vpn: { network: { connection: 'DISABLED' }, message: null, helpUrl: null } },
			manualProvisioning: false,
			implicitAssignment: false,
			notes: { admin: null, enduser: null },
			...signOnSettingsFor(app, origin),
		},
		_links: {
			appLinks: [
				{
					name: linkName,
					href: `${origin}/home/${app.name}/${app.id}/${linkName}`,
					type: 'text/html',
				},
			],
			groups: { href: `${self}/groups` },
			logo: [{ name: 'medium', href: `${origin}/assets/img/logos/default.png`, type: 'image/png' }],
			users: { href: `${self}/users` },
			deactivate: { href: `${self}/lifecycle/deactivate` },
		},
	};
}

/** The credentials block each sign-on mode carries. */
function credentialsFor(app: OktaAppRecord): Record<string, unknown> {
	const userNameTemplate = { template: '${source.login}', type: 'BUILT_IN' };
	switch (app.signOnMode) {
		case 'OPENID_CONNECT':
			return {
				userNameTemplate,
				signing: { kid: app.id.slice(3) },
				oauthClient: {
					autoKeyRotation: true,
					client_id: app.id,
					token_endpoint_auth_method: 'client_secret_basic',
				},
			};
		case 'AUTO_LOGIN':
		case 'BROWSER_PLUGIN':
			return {
				userNameTemplate,
				scheme: 'EDIT_USERNAME_AND_PASSWORD',
				revealPassword: false,
				signing: {},
			};
		default:
			return { userNameTemplate, signing: {} };
	}
}

/** Sign-on settings by mode: the OIDC client's settings, a SAML ACS, the SWA login page. */
function signOnSettingsFor(app: OktaAppRecord, origin: string): Record<string, unknown> {
	switch (app.signOnMode) {
		case 'OPENID_CONNECT':
			return { oauthClient: structuredClone(app.oauthClient ?? defaultOidcClient(app.name)) };
		case 'SAML_2_0':
			return {
				signOn: {
					allowMultipleAcsEndpoints: false,
					idpIssuer: 'http://www.okta.com/${org.externalKey}',
					requestCompressed: false,
					ssoAcsUrl: `https://${app.name}.example.com/saml/acs`,
					audience: `${origin}/${app.id}`,
					recipient: `https://${app.name}.example.com/saml/acs`,
					destination: `https://${app.name}.example.com/saml/acs`,
					subjectNameIdTemplate: '${user.userName}',
					subjectNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
					responseSigned: true,
					assertionSigned: true,
					signatureAlgorithm: 'RSA_SHA256',
					digestAlgorithm: 'SHA256',
					honorForceAuthn: true,
					authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
				},
			};
		case 'AUTO_LOGIN':
		case 'BROWSER_PLUGIN':
			return { signOn: { loginUrl: `https://${app.name}.example.com/login` } };
		default:
			return {};
	}
}
