/**
 * Check SSO and Fix SSO in n8n's engine against both emulators, on the broken
 * setup of ssoSetup.ts: each broken part is reported by its check id; Fix SSO
 * (a dry run first, writing nothing, then for real) repairs every fixable
 * check with one PUT to Okta and one POST to Halo, both fitting the vendors'
 * specs; once the admin assigns the three people, every check passes.
 */
import assert from 'node:assert/strict';

import type { IDataObject } from 'n8n-workflow';
import { generateKeyPairSync } from 'node:crypto';

import type { OktaFixture } from '../../../emulators/okta';
import type { SsoCheck, SsoCheckItem } from '../../../lib/core/ssoChecks';
import type { Emulators } from '../../helpers/emulators';
import { startEmulators } from '../../helpers/emulators';
import { assertHaloRequestBody } from '../../helpers/haloSpec';
import { runWorkflow } from '../../helpers/n8nEngine';
import type { CredentialStore } from '../../helpers/n8nEngine';
import { oktaSpec } from '../../helpers/oktaSpec';
import {
	AGENT_URL,
	APP_ID,
	CUSTOM_DOMAIN,
	PORTAL_URL,
	UNASSIGNED,
	haloOptions,
	oktaOptions,
	settingsWorkflow,
} from './support/ssoSetup';

function failed(item: SsoCheckItem): string[] {
	return item.checks.filter((c) => !c.ok).map((c) => c.id);
}

function byId(item: SsoCheckItem, id: string): SsoCheck {
	const found = item.checks.find((c) => c.id === id);
	assert.ok(found, `check ${id}`);
	return found;
}

const SSO_PARAMETERS = { authentication: 'apiToken', agentUrl: AGENT_URL };

describe('Halo Okta Settings: Check SSO and Fix SSO (engine, emulators)', () => {
	let emulators: Emulators;
	let credentials: CredentialStore;
	let idOf: (login: string) => string;

	beforeAll(async () => {
		const okta = oktaOptions();
		const users = (okta.fixture as OktaFixture).users;
		idOf = (login) => String(users.find((u) => u.profile.login === login)!.id);
		emulators = await startEmulators({ okta, halo: haloOptions(idOf) });
		credentials = emulators.credentials();
	});
	afterAll(async () => emulators?.close());

	async function run(parameters: IDataObject): Promise<IDataObject> {
		emulators.clearLogs();
		const result = await runWorkflow(settingsWorkflow(parameters), { credentials });
		assert.equal(result.status, 'success', String(result.error));
		const items = result.output['Halo Okta Settings'];
		assert.equal(items.length, 1);
		return items[0];
	}

	test('the broken setup: each broken part by its check id, with what to do', async () => {
		const item = (await run({
			operation: 'checkSso',
			...SSO_PARAMETERS,
		})) as unknown as SsoCheckItem;
		assert.equal(item.ok, false);
		assert.deepEqual(failed(item).sort(), [
			'grantImplicitIdToken',
			'peopleAssigned',
			'primaryDomain',
			'redirectUriPortal',
		]);
		assert.deepEqual(
			item.checks.map((c) => c.id),
			[
				'primaryDomain',
				'appFound',
				'appActive',
				'appIsOidcWeb',
				'grantAuthorizationCode',
				'grantImplicitIdToken',
				'redirectUriAgent',
				'logoutUriAgent',
				'redirectUriPortal',
				'logoutUriPortal',
				'clientIdMatches',
				'peopleAssigned',
				'haloSsoEnabled',
				'autoRedirect',
				'builtInSyncOff',
			],
		);
		assert.match(byId(item, 'primaryDomain').message, /custom domain.*404/);
		assert.match(byId(item, 'primaryDomain').fix!, new RegExp(emulators.okta.url));
		assert.match(
			byId(item, 'redirectUriPortal').fix!,
			new RegExp(`${PORTAL_URL}/auth/account/openidresponse`),
		);
		const people = byId(item, 'peopleAssigned');
		assert.match(people.message, /^3 people/);
		for (const login of UNASSIGNED) assert.match(people.message, new RegExp(idOf(login)));
		assert.deepEqual(item.okta, {
			orgUrl: emulators.okta.url,
			primaryDomain: emulators.okta.url,
			customDomain: CUSTOM_DOMAIN,
			appId: APP_ID,
			clientId: APP_ID,
		});
		assert.deepEqual(item.halo, {
			ssoEnabled: true,
			oktaUrl: CUSTOM_DOMAIN,
			clientId: APP_ID,
			autoRedirect: false,
			ssoFor: 'agentsAndUsers',
		});
		// Read once each: org metadata, the app, its assignments; Halo's Control, users and agents.
		assert.deepEqual(
			emulators.okta.server.log.map((r) => `${r.method} ${r.path}`),
			[
				'GET /.well-known/okta-organization',
				`GET /api/v1/apps/${APP_ID}`,
				`GET /api/v1/apps/${APP_ID}/users`,
			],
		);
		assert.equal(emulators.haloWrites(), 0);
	});

	test('Fix SSO: the dry run (the default) lists the changes and writes nothing; for real it writes them once; then only the assignments are left', async () => {
		const dry = await run({ operation: 'fixSso', ...SSO_PARAMETERS });
		assert.equal(dry.dryRun, true);
		const expectedChanges = [
			{
				system: 'okta',
				field: 'settings.oauthClient.grant_types',
				from: ['authorization_code'],
				to: ['authorization_code', 'implicit'],
			},
			{
				system: 'okta',
				field: 'settings.oauthClient.response_types',
				from: ['code'],
				to: ['code', 'id_token'],
			},
			{
				system: 'okta',
				field: 'settings.oauthClient.redirect_uris',
				from: [`${AGENT_URL}/auth/account/openidresponse`],
				to: [
					`${AGENT_URL}/auth/account/openidresponse`,
					`${PORTAL_URL}/auth/account/openidresponse`,
				],
			},
			{ system: 'halo', field: 'okta_url', from: CUSTOM_DOMAIN, to: emulators.okta.url },
		];
		assert.deepEqual(dry.changes, expectedChanges);
		assert.deepEqual(failed(dry.after as unknown as SsoCheckItem), ['peopleAssigned']);
		assert.equal(emulators.haloWrites(), 0, 'a dry run writes nothing to Halo');
		assert.equal(
			emulators.okta.server.log.filter((r) => r.method !== 'GET').length,
			0,
			'nor to Okta',
		);

		const real = await run({ operation: 'fixSso', ...SSO_PARAMETERS, dryRun: false });
		assert.equal(real.dryRun, false);
		assert.deepEqual(real.changes, expectedChanges);
		const puts = emulators.okta.server.log.filter((r) => r.method === 'PUT');
		assert.deepEqual(
			puts.map((r) => [r.path, r.status]),
			[[`/api/v1/apps/${APP_ID}`, 200]],
		);
		const validation = oktaSpec().validate('OpenIdConnectApplication', puts[0].body);
		assert.ok(validation.valid, validation.messages.join('\n'));
		const posts = emulators.halo.server.log.filter(
			(r) => r.method === 'POST' && /\/api\//.test(r.path),
		);
		assert.deepEqual(
			posts.map((r) => r.path),
			['/api/Control'],
		);
		assertHaloRequestBody('Control', posts[0].body);
		assert.deepEqual(posts[0].body, [{ okta_url: emulators.okta.url }]);
		// Nothing was removed: the agent's URIs and the code grant are still there.
		const client = emulators.okta.store.app(APP_ID)!.oauthClient!;
		assert.deepEqual([...client.grant_types], ['authorization_code', 'implicit']);
		assert.deepEqual([...client.post_logout_redirect_uris!], [AGENT_URL, PORTAL_URL]);
		const after = real.after as unknown as SsoCheckItem;
		assert.deepEqual(failed(after), ['peopleAssigned']);
		assert.equal(after.ok, false);

		// A second fix finds nothing to do.
		const again = await run({ operation: 'fixSso', ...SSO_PARAMETERS, dryRun: false });
		assert.deepEqual(again.changes, []);
		assert.equal(emulators.haloWrites(), 0);

		// Fix SSO never assigns anyone; the admin does, as the check says.
		for (const login of UNASSIGNED) emulators.okta.store.assignApp(APP_ID, login);
		const check = (await run({
			operation: 'checkSso',
			...SSO_PARAMETERS,
		})) as unknown as SsoCheckItem;
		assert.deepEqual(failed(check), []);
		assert.equal(check.ok, true);
		assert.match(byId(check, 'peopleAssigned').message, /All 7 people/);
	});

	test('a credential without okta.apps.manage: the 403 on the PUT names that scope; nothing is written to Halo', async () => {
		const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
		emulators.okta.registerServiceApp({
			clientId: 'svc-read-only',
			publicJwk: key.publicKey.export({ format: 'jwk' }),
			dpop: false,
			scopes: ['okta.users.read', 'okta.groups.read', 'okta.apps.read'],
		});
		emulators.okta.store.app(APP_ID)!.oauthClient!.grant_types = ['authorization_code'];
		const workflow = settingsWorkflow({
			operation: 'fixSso',
			authentication: 'serviceApp',
			agentUrl: AGENT_URL,
			dryRun: false,
		});
		const node = (workflow.nodes as Array<{ credentials?: IDataObject }>)[1];
		node.credentials = {
			haloApi: { id: 'halo', name: 'Halo (emulator)' },
			oktaServiceAppApi: { id: 'okta-svc', name: 'Okta service app' },
		};
		emulators.clearLogs();
		const result = await runWorkflow(workflow, {
			credentials: {
				...credentials,
				oktaServiceAppApi: {
					url: emulators.okta.url,
					clientId: 'svc-read-only',
					privateKey: key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
					keyId: '',
					scopes: 'okta.users.read okta.groups.read okta.apps.read',
					useDpop: false,
				},
			},
		});
		assert.equal(result.status, 'error');
		assert.match(String(result.error?.message), /okta\.apps\.manage/);
		assert.equal(emulators.haloWrites(), 0, 'Halo is not changed when Okta refused');
	});
});
