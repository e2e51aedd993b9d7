/** Check SSO and the Fix SSO plan from facts (lib/core/ssoChecks.ts, ssoFix.ts): no network. */
import assert from 'node:assert/strict';

import { checkSso, haloSsoSettings, openIdRedirectUri } from '../../lib/core/ssoChecks';
import type { SsoFacts } from '../../lib/core/ssoChecks';
import { factsAfter, planSsoFix } from '../../lib/core/ssoFix';

const ORG = 'https://acme.okta.com';
const AGENT = 'https://acme.halopsa.com';
const PORTAL = 'https://support.acme.example';

function facts(change: (f: SsoFacts) => void = () => {}): SsoFacts {
	const f: SsoFacts = {
		agentUrl: AGENT,
		portalUrl: PORTAL,
		halo: haloSsoSettings({
			enableoktasinglesignon: true,
			okta_url: `${ORG}/`,
			okta_client_id: '0oaapp',
			oktasso: 0,
		}),
		builtInSync: false,
		orgUrl: ORG,
		primaryDomain: ORG,
		customDomain: null,
		appId: '0oaapp',
		app: {
			id: '0oaapp',
			name: 'oidc_client',
			label: 'Halo',
			status: 'ACTIVE',
			signOnMode: 'OPENID_CONNECT',
			credentials: { oauthClient: { client_id: '0oaapp' } },
			settings: {
				oauthClient: {
					application_type: 'web',
					grant_types: ['authorization_code', 'implicit'],
					response_types: ['code', 'id_token'],
					redirect_uris: [
						`${AGENT}/auth/account/openidresponse`,
						`${PORTAL}/auth/account/openidresponse/`,
					],
					post_logout_redirect_uris: [`${AGENT}/`, PORTAL],
				},
			},
		},
		people: [{ oktaId: '00u1', name: 'Ann', kind: 'user' }],
		assigned: new Set(['00u1']),
	};
	change(f);
	return f;
}

const failing = (f: SsoFacts) =>
	checkSso(f)
		.checks.filter((c) => !c.ok)
		.map((c) => c.id);

describe('checkSso', () => {
	test('a correct setup passes every check (trailing slashes do not matter)', () => {
		const item = checkSso(facts());
		assert.equal(item.ok, true);
		assert.deepEqual(failing(facts()), []);
	});

	test.each<[string, (f: SsoFacts) => void, string[]]>([
		[
			'custom domain in Halo',
			(f) => (
				(f.customDomain = 'https://id.acme.example'),
				(f.halo.oktaUrl = 'https://id.acme.example')
			),
			['primaryDomain'],
		],
		['no Okta URL in Halo', (f) => (f.halo.oktaUrl = null), ['primaryDomain']],
		['app inactive', (f) => (f.app!.status = 'INACTIVE'), ['appActive']],
		[
			'SAML app',
			(f) => ((f.app!.signOnMode = 'SAML_2_0'), (f.app!.settings = {})),
			[
				'appIsOidcWeb',
				'grantAuthorizationCode',
				'grantImplicitIdToken',
				'redirectUriAgent',
				'logoutUriAgent',
				'redirectUriPortal',
				'logoutUriPortal',
			],
		],
		[
			'no implicit grant',
			(f) => (f.app!.settings!.oauthClient!.grant_types = ['authorization_code']),
			['grantImplicitIdToken'],
		],
		[
			'no portal URL known',
			(f) => (f.portalUrl = undefined),
			['redirectUriPortal', 'logoutUriPortal'],
		],
		['client id differs', (f) => (f.halo.clientId = 'other'), ['clientIdMatches']],
		['SSO off in Halo', (f) => (f.halo.ssoEnabled = false), ['haloSsoEnabled']],
		['Halo import on', (f) => (f.builtInSync = true), ['builtInSyncOff']],
		[
			'auto-redirect while broken',
			(f) => ((f.halo.autoRedirect = true), (f.halo.clientId = 'x')),
			['clientIdMatches', 'autoRedirect'],
		],
		['app not found', (f) => (f.app = undefined), ['appFound']],
	])('%s', (_name, change, expected) => {
		assert.deepEqual(failing(facts(change)), expected);
	});

	test('SSO for agents only: the portal URIs are not needed', () => {
		const f = facts((x) => {
			x.halo.ssoFor = 'agents';
			x.portalUrl = undefined;
		});
		assert.deepEqual(failing(f), []);
		assert.equal(checkSso(f).checks.find((c) => c.id === 'redirectUriPortal')!.severity, 'info');
	});

	test('names up to 20 unassigned people and counts the rest; warnings do not fail ok', () => {
		const f = facts((x) => {
			x.people = Array.from({ length: 25 }, (_, i) => ({
				oktaId: `00u${i}`,
				name: `P${i}`,
				kind: 'user',
			}));
			x.assigned = new Set();
			x.builtInSync = true;
		});
		const item = checkSso(f);
		const people = item.checks.find((c) => c.id === 'peopleAssigned')!;
		assert.match(people.message, /^25 people/);
		assert.match(people.message, /P19 \(user, 00u19\) and 5 more$/);
		assert.doesNotMatch(people.message, /P20/);
		assert.equal(item.ok, false);
		assert.equal(checkSso(facts((x) => (x.builtInSync = true))).ok, true);
	});

	test('the redirect URI is the origin plus /auth/account/openidresponse', () => {
		assert.equal(
			openIdRedirectUri('https://acme.halopsa.com/some/path/'),
			'https://acme.halopsa.com/auth/account/openidresponse',
		);
	});
});

describe('planSsoFix', () => {
	test('adds only what is missing, keeps every other value, never removes', () => {
		const f = facts((x) => {
			const client = x.app!.settings!.oauthClient!;
			client.grant_types = ['authorization_code', 'refresh_token'];
			client.response_types = ['code'];
			client.redirect_uris = ['https://other.example/cb'];
			client.post_logout_redirect_uris = [];
			x.halo.oktaUrl = 'https://id.acme.example';
			x.halo.clientId = null;
		});
		const plan = planSsoFix(f);
		assert.deepEqual(plan.app!.settings!.oauthClient, {
			application_type: 'web',
			grant_types: ['authorization_code', 'refresh_token', 'implicit'],
			response_types: ['code', 'id_token'],
			redirect_uris: [
				'https://other.example/cb',
				`${AGENT}/auth/account/openidresponse`,
				`${PORTAL}/auth/account/openidresponse`,
			],
			post_logout_redirect_uris: [AGENT, PORTAL],
		});
		assert.deepEqual(plan.control, { okta_url: ORG, okta_client_id: '0oaapp' });
		assert.deepEqual(
			plan.changes.map((c) => `${c.system}:${c.field}`),
			[
				'okta:settings.oauthClient.grant_types',
				'okta:settings.oauthClient.response_types',
				'okta:settings.oauthClient.redirect_uris',
				'okta:settings.oauthClient.post_logout_redirect_uris',
				'halo:okta_url',
				'halo:okta_client_id',
			],
		);
		assert.deepEqual(failing(factsAfter(f, plan)), []);
	});

	test('a correct setup needs no change; an app that is not OIDC web is not touched', () => {
		assert.deepEqual(planSsoFix(facts()), { changes: [] });
		const saml = planSsoFix(facts((x) => (x.app!.signOnMode = 'SAML_2_0')));
		assert.equal(saml.app, undefined);
	});
});
