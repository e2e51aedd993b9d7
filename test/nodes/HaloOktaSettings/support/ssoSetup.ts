/**
 * The broken single sign-on setup of the issue, on both emulators: Halo's Okta
 * URL is the org's custom domain, the app lacks the implicit grant (ID token)
 * and the portal's sign-in redirect URI, and three people synced into Halo are
 * not assigned to the app. Everything else is as Halo's guide asks.
 */
import type { HaloEmulatorOptions, HaloSeed } from '../../../../emulators/halo';
import { HALO_SEED } from '../../../../emulators/halo';
import type { OktaEmulatorOptions, OktaFixture } from '../../../../emulators/okta';

export const APP_ID = '0oa1halo2sso3app4xyz';
export const CUSTOM_DOMAIN = 'https://login.acme.example';
export const AGENT_URL = 'https://acme.halopsa.com';
export const PORTAL_URL = 'https://support.acme.example';

const PEOPLE = ['ann', 'ben', 'cat', 'dan', 'eve', 'fay', 'gus', 'hal'];
export const LOGINS = PEOPLE.map((p) => `${p}@acme.example`);
/** Synced into Halo but not assigned to the app. */
export const UNASSIGNED = ['dan@acme.example', 'eve@acme.example', 'fay@acme.example'];

export function oktaOptions(): OktaEmulatorOptions {
	const fixture: OktaFixture = {
		users: PEOPLE.map((p, i) => ({
			id: `00u${p}0000000000000${i}`.slice(0, 20),
			profile: {
				firstName: p[0].toUpperCase() + p.slice(1),
				lastName: 'Example',
				email: `${p}@acme.example`,
				login: `${p}@acme.example`,
			},
		})),
		groups: [{ name: 'Halo Users', members: LOGINS }],
		apps: [
			{
				id: APP_ID,
				name: 'oidc_client',
				label: 'Halo',
				signOnMode: 'OPENID_CONNECT',
				oauthClient: {
					application_type: 'web',
					grant_types: ['authorization_code'],
					response_types: ['code'],
					redirect_uris: [`${AGENT_URL}/auth/account/openidresponse`],
					post_logout_redirect_uris: [AGENT_URL, PORTAL_URL],
				},
				users: LOGINS.filter((login) => !UNASSIGNED.includes(login)),
			},
		],
	};
	return { fixture, customDomain: CUSTOM_DOMAIN };
}

/**
 * Halo after a sync from Okta: six users and one agent carry Okta ids (in both of
 * Halo's fields, `oktaid` and `okta_id`, as the sync writes them; lists show `okta_id`);
 * SSO configured but on the custom domain.
 */
export function haloOptions(oktaIdOf: (login: string) => string): HaloEmulatorOptions {
	const ids = (login: string) => ({ oktaid: oktaIdOf(login), okta_id: oktaIdOf(login) });
	const users = LOGINS.slice(0, 6).map((login) => ({
		name: login.split('@')[0],
		emailaddress: login,
		site_id: HALO_SEED.sites.headOffice,
		...ids(login),
		inactive: false,
	})) as HaloSeed['users'];
	const agents = [
		{ name: 'gus', email: LOGINS[6], ...ids(LOGINS[6]), isdisabled: false },
	] as HaloSeed['agents'];
	return {
		seed: {
			users,
			agents,
			control: {
				portal_url: PORTAL_URL,
				okta_url: CUSTOM_DOMAIN,
				okta_client_id: APP_ID,
				enableoktasinglesignon: true,
				oktasso: 0,
				oktaautoredirect: false,
				halointegrator_okta: false,
			},
		},
		rateLimit: { max: 100_000, windowMs: 300_000 },
	};
}

/** A one-node workflow: Manual Trigger → Halo Okta Settings with these parameters. */
export function settingsWorkflow(parameters: Record<string, unknown>): Record<string, unknown> {
	return {
		name: 'Halo Okta Settings',
		nodes: [
			{
				id: 'a0000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'a0000000-0000-4000-8000-000000000002',
				name: 'Halo Okta Settings',
				type: 'n8n-nodes-okta-halo.haloOktaSettings',
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials: {
					haloApi: { id: 'halo', name: 'Halo (emulator)' },
					oktaTokenApi: { id: 'okta-token', name: 'Okta (emulator)' },
				},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Halo Okta Settings', type: 'main', index: 0 }]] },
		},
	};
}
