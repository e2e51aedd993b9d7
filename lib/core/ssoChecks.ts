/**
 * Okta single sign-on for Halo, checked from what was read (Halo's `Control`
 * SSO fields, Okta's org metadata, the OIDC app, its assignments, Halo's
 * people who carry an Okta id). Pure: the reads happen in the node. Check ids
 * are stable (docs/public-surface.md); each failed check says what to click,
 * or what Fix SSO would change (docs/halo-okta-settings.md).
 */

export type SsoSeverity = 'error' | 'warning' | 'info';

export interface SsoCheck {
	id: string;
	ok: boolean;
	severity: SsoSeverity;
	message: string;
	fix?: string;
}

/** Who signs in to Halo with Okta (Control `oktasso`). */
export type SsoFor = 'agentsAndUsers' | 'agents' | 'users';

export interface HaloSsoSettings {
	ssoEnabled: boolean;
	oktaUrl: string | null;
	clientId: string | null;
	autoRedirect: boolean;
	ssoFor: SsoFor;
}

/** An OIDC app's parts the checks read (as `GET /api/v1/apps/{id}` answers). */
export interface SsoApp {
	id: string;
	name?: string;
	label?: string;
	status?: string;
	signOnMode?: string;
	credentials?: { oauthClient?: { client_id?: string } };
	settings?: {
		oauthClient?: {
			application_type?: string;
			grant_types?: string[];
			response_types?: string[];
			redirect_uris?: string[];
			post_logout_redirect_uris?: string[];
		};
	};
}

export interface SsoPerson {
	oktaId: string;
	name: string;
	kind: 'user' | 'agent';
}

export interface SsoFacts {
	/** The Halo agent app's base URL. */
	agentUrl: string;
	/** The self-service portal's base URL; undefined when neither the parameter nor Halo's `portal_url` gives one. */
	portalUrl?: string;
	halo: HaloSsoSettings;
	/** Halo's own scheduled Okta import (`halointegrator_okta`). */
	builtInSync: boolean;
	/** The Okta credential's org URL. */
	orgUrl: string;
	primaryDomain: string | null;
	customDomain: string | null;
	/** The app id looked up; the app, or undefined when Okta has none with that id. */
	appId: string | null;
	app?: SsoApp;
	/** Active Halo users and agents that carry an Okta id. */
	people: SsoPerson[];
	/** Okta user ids assigned to the app (directly or through a group). */
	assigned: ReadonlySet<string>;
}

export interface SsoCheckItem {
	ok: boolean;
	checks: SsoCheck[];
	okta: {
		orgUrl: string;
		primaryDomain: string | null;
		customDomain: string | null;
		appId: string | null;
		clientId: string | null;
	};
	halo: HaloSsoSettings;
}

/** How many people not assigned to the app are named; the rest are counted. */
export const UNASSIGNED_NAMED = 20;

export const OPENID_RESPONSE_PATH = '/auth/account/openidresponse';

/** `https://host[:port]` of a URL (no path, no trailing slash); undefined when it is not a URL. */
export function originOf(url: string | null | undefined): string | undefined {
	if (!url) return undefined;
	try {
		return new URL(url.trim()).origin;
	} catch {
		return undefined;
	}
}

/** The sign-in redirect URI Halo's OpenID Connect answers on. */
export function openIdRedirectUri(baseUrl: string): string | undefined {
	const origin = originOf(baseUrl);
	return origin ? `${origin}${OPENID_RESPONSE_PATH}` : undefined;
}

function sameUrl(a: string, b: string): boolean {
	return a.trim().replace(/\/+$/, '').toLowerCase() === b.trim().replace(/\/+$/, '').toLowerCase();
}

export function containsUrl(list: readonly string[] | undefined, url: string): boolean {
	return (list ?? []).some((entry) => sameUrl(entry, url));
}

/** Halo's `oktasso` number as who signs in (docs/halo-okta-settings.md). */
export function ssoForOf(value: unknown): SsoFor {
	return value === 1 ? 'agents' : value === 2 ? 'users' : 'agentsAndUsers';
}

export function haloSsoSettings(control: Record<string, unknown>): HaloSsoSettings {
	const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
	return {
		ssoEnabled: control.enableoktasinglesignon === true,
		oktaUrl: str(control.okta_url),
		clientId: str(control.okta_client_id),
		autoRedirect: control.oktaautoredirect === true,
		ssoFor: ssoForOf(control.oktasso),
	};
}

function check(
	id: string,
	ok: boolean,
	severity: SsoSeverity,
	message: string,
	fix?: string,
): SsoCheck {
	return ok ? { id, ok, severity, message } : { id, ok, severity, message, fix };
}

const APP_PLACE = 'Okta Admin Console › Applications › Applications › the Halo app';
const HALO_SSO_TAB = 'Halo › Configuration › Integrations › Okta › Single Sign-On';

function redirectChecks(facts: SsoFacts, client: NonNullable<SsoApp['settings']>['oauthClient']) {
	const checks: SsoCheck[] = [];
	const sides = [
		{
			who: 'Agent',
			url: facts.agentUrl,
			needed: facts.halo.ssoFor !== 'users',
			label: 'agent app',
		},
		{
			who: 'Portal',
			url: facts.portalUrl,
			needed: facts.halo.ssoFor !== 'agents',
			label: 'self-service portal',
		},
	];
	for (const side of sides) {
		const signIn = side.url ? openIdRedirectUri(side.url) : undefined;
		const signOut = originOf(side.url);
		if (!side.needed) {
			checks.push(
				check(
					`redirectUri${side.who}`,
					true,
					'info',
					`Not needed: Okta SSO is not used for the ${side.label}`,
				),
				check(
					`logoutUri${side.who}`,
					true,
					'info',
					`Not needed: Okta SSO is not used for the ${side.label}`,
				),
			);
			continue;
		}
		if (!signIn || !signOut) {
			const message = `No ${side.label} URL is known: set the node's ${side.who === 'Agent' ? 'Agent URL' : 'Portal URL'} parameter (or Halo's portal URL)`;
			checks.push(
				check(`redirectUri${side.who}`, false, 'error', message, message),
				check(`logoutUri${side.who}`, false, 'warning', message, message),
			);
			continue;
		}
		const hasSignIn = containsUrl(client?.redirect_uris, signIn);
		checks.push(
			check(
				`redirectUri${side.who}`,
				hasSignIn,
				'error',
				hasSignIn
					? `Sign-in redirect URI ${signIn} is registered`
					: `The app has no sign-in redirect URI ${signIn}: Okta refuses sign-in to the ${side.label}`,
				`Fix SSO adds it; by hand: ${APP_PLACE} › General › Login › Sign-in redirect URIs › add ${signIn}`,
			),
		);
		const hasSignOut = containsUrl(client?.post_logout_redirect_uris, signOut);
		checks.push(
			check(
				`logoutUri${side.who}`,
				hasSignOut,
				'warning',
				hasSignOut
					? `Sign-out redirect URI ${signOut} is registered`
					: `The app has no sign-out redirect URI ${signOut}: signing out of the ${side.label} ends on an Okta error page`,
				`Fix SSO adds it; by hand: ${APP_PLACE} › General › Login › Sign-out redirect URIs › add ${signOut}`,
			),
		);
	}
	return checks;
}

function appChecks(facts: SsoFacts): SsoCheck[] {
	const app = facts.app;
	const checks: SsoCheck[] = [];
	if (!app) {
		const message = facts.appId
			? `Okta has no app with id ${facts.appId}`
			: "Halo has no Okta client id, and the node's App ID parameter is empty";
		checks.push(
			check(
				'appFound',
				false,
				'error',
				message,
				"Create the app in Okta (Applications › Create App Integration › OIDC › Web Application), then put its client id in Halo's Single Sign-On tab or the node's App ID parameter",
			),
		);
		return checks;
	}
	checks.push(check('appFound', true, 'info', `App "${app.label ?? app.id}" (${app.id})`));
	const active = app.status === 'ACTIVE';
	checks.push(
		check(
			'appActive',
			active,
			'error',
			active
				? 'The app is active'
				: `The app is ${app.status ?? 'not active'}: nobody can sign in with it`,
			`${APP_PLACE} › Activate`,
		),
	);
	const client = app.settings?.oauthClient;
	const oidcWeb =
		app.signOnMode === 'OPENID_CONNECT' &&
		(app.name === undefined || app.name === 'oidc_client') &&
		client?.application_type === 'web';
	checks.push(
		check(
			'appIsOidcWeb',
			oidcWeb,
			'error',
			oidcWeb
				? 'An OpenID Connect web app'
				: `Halo needs an OpenID Connect Web app; this one is ${app.signOnMode ?? '?'} / ${client?.application_type ?? 'no OIDC client'}`,
			'Create an app of type Web with sign-in method OpenID Connect (Applications › Create App Integration) and use its client id',
		),
	);
	const grants = client?.grant_types ?? [];
	const responses = client?.response_types ?? [];
	const code = grants.includes('authorization_code') && responses.includes('code');
	checks.push(
		check(
			'grantAuthorizationCode',
			code,
			'error',
			code
				? 'Grant type Authorization Code is allowed'
				: 'Grant type Authorization Code (response type code) is not allowed',
			`Fix SSO adds it; by hand: ${APP_PLACE} › General › Grant type › tick Authorization Code`,
		),
	);
	const implicit = grants.includes('implicit') && responses.includes('id_token');
	checks.push(
		check(
			'grantImplicitIdToken',
			implicit,
			'error',
			implicit
				? 'ID tokens with the implicit grant are allowed'
				: 'The implicit grant with ID tokens (response type id_token) is not allowed: Halo asks for an ID token',
			`Fix SSO adds it; by hand: ${APP_PLACE} › General › Grant type › tick "Allow ID Token with implicit grant type" (older orgs: Implicit (hybrid))`,
		),
	);
	checks.push(...redirectChecks(facts, client));
	const appClientId = app.credentials?.oauthClient?.client_id ?? null;
	const matches = !!appClientId && appClientId === facts.halo.clientId;
	checks.push(
		check(
			'clientIdMatches',
			matches,
			'error',
			matches
				? "Halo's client id is the app's"
				: `Halo's client id (${facts.halo.clientId ?? 'empty'}) is not the app's (${appClientId ?? 'none'})`,
			`Fix SSO sets it; by hand: ${HALO_SSO_TAB} › Client ID › ${appClientId ?? ''}`.trim(),
		),
	);
	checks.push(peopleCheck(facts));
	return checks;
}

function peopleCheck(facts: SsoFacts): SsoCheck {
	const missing = facts.people.filter((person) => !facts.assigned.has(person.oktaId));
	if (missing.length === 0)
		return check(
			'peopleAssigned',
			true,
			'error',
			`All ${facts.people.length} people in Halo from Okta are assigned to the app`,
		);
	const named = missing
		.slice(0, UNASSIGNED_NAMED)
		.map((p) => `${p.name} (${p.kind}, ${p.oktaId})`)
		.join(', ');
	const rest = missing.length - UNASSIGNED_NAMED;
	return check(
		'peopleAssigned',
		false,
		'error',
		`${missing.length} people in Halo from Okta are not assigned to the app and cannot sign in: ${named}${rest > 0 ? ` and ${rest} more` : ''}`,
		`${APP_PLACE} › Assignments › Assign to People (or to a group holding them); Fix SSO does not assign anyone`,
	);
}

/** Every check, in a fixed order, and the item Check SSO outputs. */
export function checkSso(facts: SsoFacts): SsoCheckItem {
	const checks: SsoCheck[] = [];
	const primary = facts.primaryDomain;
	const haloOrigin = originOf(facts.halo.oktaUrl);
	const onPrimary = !!primary && !!haloOrigin && sameUrl(haloOrigin, originOf(primary) ?? primary);
	const usesCustom =
		!!haloOrigin && !!facts.customDomain && sameUrl(haloOrigin, originOf(facts.customDomain) ?? '');
	checks.push(
		check(
			'primaryDomain',
			onPrimary,
			'error',
			onPrimary
				? `Halo's Okta URL is the org's primary domain ${primary}`
				: !facts.halo.oktaUrl
					? 'Halo has no Okta URL'
					: usesCustom
						? `Halo's Okta URL ${facts.halo.oktaUrl} is the org's custom domain: the API works there, but OpenID Connect sign-in answers 404`
						: `Halo's Okta URL ${facts.halo.oktaUrl} is not the org's primary domain ${primary ?? '(unknown)'}: sign-in answers 404`,
			`Fix SSO sets it; by hand: Halo › Configuration › Integrations › Okta › Details › Okta Instance URL › ${primary ?? 'your https://…okta.com address'}`,
		),
	);
	checks.push(...appChecks(facts));
	checks.push(
		check(
			'haloSsoEnabled',
			facts.halo.ssoEnabled,
			'error',
			facts.halo.ssoEnabled
				? 'Okta single sign-on is on in Halo'
				: 'Okta single sign-on is off in Halo',
			`${HALO_SSO_TAB} › tick "Enable Okta Single Sign-On" (after the other checks pass)`,
		),
	);
	const signInWorks = checks.every((c) => c.ok || c.severity !== 'error');
	checks.push(
		check(
			'autoRedirect',
			!facts.halo.autoRedirect || signInWorks,
			'warning',
			!facts.halo.autoRedirect
				? 'Automatic redirect to Okta is off (the Okta button shows on the login page)'
				: signInWorks
					? 'Automatic redirect to Okta is on, and sign-in checks pass'
					: 'Automatic redirect to Okta is on while sign-in is broken: people are sent to a failing Okta sign-in',
			`${HALO_SSO_TAB} › untick automatic redirect until every check passes`,
		),
	);
	checks.push(
		check(
			'builtInSyncOff',
			!facts.builtInSync,
			'warning',
			facts.builtInSync
				? "Halo's own scheduled Okta import is on as well: two syncs fight over the same people"
				: "Halo's own scheduled Okta import is off",
			'Halo › Configuration › Integrations › Okta › Imports › turn the Halo Integrator sync off',
		),
	);
	const appClientId = facts.app?.credentials?.oauthClient?.client_id ?? null;
	return {
		ok: checks.every((c) => c.ok || c.severity !== 'error'),
		checks,
		okta: {
			orgUrl: facts.orgUrl,
			primaryDomain: facts.primaryDomain,
			customDomain: facts.customDomain,
			appId: facts.app?.id ?? facts.appId,
			clientId: appClientId,
		},
		halo: facts.halo,
	};
}
