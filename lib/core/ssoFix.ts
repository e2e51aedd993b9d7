/**
 * What Fix SSO changes: only what is missing, never a removal. On Okta, the
 * app's client settings gain the grant and response types and the sign-in
 * and sign-out URIs Halo needs; the PUT body is the app as just read with
 * those lists extended (Okta replaces what a PUT leaves out). On Halo, the
 * Okta URL becomes the org's primary domain and the client id the app's.
 * People are never assigned to the app: that decides who may sign in, and
 * stays an admin's choice (docs/halo-okta-settings.md).
 */
import { containsUrl, openIdRedirectUri, originOf } from './ssoChecks';
import type { SsoApp, SsoFacts } from './ssoChecks';

export interface SsoChange {
	system: 'okta' | 'halo';
	field: string;
	from: unknown;
	to: unknown;
}

export interface SsoFixPlan {
	changes: SsoChange[];
	/** The app to PUT back (as read, lists extended); undefined when Okta needs no change. */
	app?: SsoApp & Record<string, unknown>;
	/** `Control` fields to POST; undefined when Halo needs no change. */
	control?: Record<string, string>;
}

function withAdded(list: readonly string[] | undefined, wanted: readonly string[]): string[] {
	const out = [...(list ?? [])];
	for (const value of wanted) if (!out.includes(value)) out.push(value);
	return out;
}

function withAddedUrls(list: readonly string[] | undefined, wanted: readonly string[]): string[] {
	const out = [...(list ?? [])];
	for (const url of wanted) if (!containsUrl(out, url)) out.push(url);
	return out;
}

function isOidcWeb(app: SsoApp): boolean {
	return (
		app.signOnMode === 'OPENID_CONNECT' && app.settings?.oauthClient?.application_type === 'web'
	);
}

/** The URLs Halo needs registered, for the sides Okta SSO is used on. */
function neededUris(facts: SsoFacts): { signIn: string[]; signOut: string[] } {
	const bases: string[] = [];
	if (facts.halo.ssoFor !== 'users') bases.push(facts.agentUrl);
	if (facts.halo.ssoFor !== 'agents' && facts.portalUrl) bases.push(facts.portalUrl);
	const signIn: string[] = [];
	const signOut: string[] = [];
	for (const base of bases) {
		const uri = openIdRedirectUri(base);
		const origin = originOf(base);
		if (uri) signIn.push(uri);
		if (origin) signOut.push(origin);
	}
	return { signIn, signOut };
}

/** The app without what Okta writes itself (links, embedded objects). */
function writableApp(app: SsoApp & Record<string, unknown>): SsoApp & Record<string, unknown> {
	const copy = structuredClone(app);
	delete copy._links;
	delete copy._embedded;
	return copy;
}

export function planSsoFix(facts: SsoFacts): SsoFixPlan {
	const changes: SsoChange[] = [];
	const plan: SsoFixPlan = { changes };
	const app = facts.app as (SsoApp & Record<string, unknown>) | undefined;
	if (app && isOidcWeb(app)) {
		const client = app.settings!.oauthClient!;
		const { signIn, signOut } = neededUris(facts);
		const next = {
			grant_types: withAdded(client.grant_types, ['authorization_code', 'implicit']),
			response_types: withAdded(client.response_types, ['code', 'id_token']),
			redirect_uris: withAddedUrls(client.redirect_uris, signIn),
			post_logout_redirect_uris: withAddedUrls(client.post_logout_redirect_uris, signOut),
		};
		const current: Record<keyof typeof next, string[]> = {
			grant_types: client.grant_types ?? [],
			response_types: client.response_types ?? [],
			redirect_uris: client.redirect_uris ?? [],
			post_logout_redirect_uris: client.post_logout_redirect_uris ?? [],
		};
		let changed = false;
		for (const key of Object.keys(next) as Array<keyof typeof next>) {
			if (next[key].length === current[key].length) continue;
			changed = true;
			changes.push({
				system: 'okta',
				field: `settings.oauthClient.${key}`,
				from: current[key],
				to: next[key],
			});
		}
		if (changed) {
			const body = writableApp(app);
			body.settings = {
				...body.settings,
				oauthClient: { ...body.settings!.oauthClient!, ...next },
			};
			plan.app = body;
		}
	}
	const control: Record<string, string> = {};
	const primary = facts.primaryDomain ? originOf(facts.primaryDomain) : undefined;
	if (primary && originOf(facts.halo.oktaUrl) !== primary) {
		control.okta_url = primary;
		changes.push({ system: 'halo', field: 'okta_url', from: facts.halo.oktaUrl, to: primary });
	}
	const clientId = app?.credentials?.oauthClient?.client_id;
	if (clientId && clientId !== facts.halo.clientId) {
		control.okta_client_id = clientId;
		changes.push({
			system: 'halo',
			field: 'okta_client_id',
			from: facts.halo.clientId,
			to: clientId,
		});
	}
	if (Object.keys(control).length > 0) plan.control = control;
	return plan;
}

/** The facts as they will be once the plan is written (a dry run's `after`). */
export function factsAfter(facts: SsoFacts, plan: SsoFixPlan): SsoFacts {
	return {
		...facts,
		app: plan.app ? { ...(facts.app ?? {}), ...plan.app } : facts.app,
		halo: {
			...facts.halo,
			oktaUrl: plan.control?.okta_url ?? facts.halo.oktaUrl,
			clientId: plan.control?.okta_client_id ?? facts.halo.clientId,
		},
	};
}
