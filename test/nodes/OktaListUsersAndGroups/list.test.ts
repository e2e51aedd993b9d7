import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { startOktaEmulator } from '../../../emulators/okta';
import type { OktaEmulator } from '../../../emulators/okta';
import { runWorkflow } from '../../helpers/n8nEngine';
import type { CredentialStore } from '../../helpers/n8nEngine';
import { requestBound } from '../../okta/helpers/emulator';
import { LIST, listOnly, scheduledList } from './workflow';

const SCOPES = ['okta.users.read', 'okta.groups.read', 'okta.apps.read'];
const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKey = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

type User = { id: string; status: string; groups?: Array<{ id: string; name: string }> };

describe("List Okta Users and Groups in n8n's engine", () => {
	let okta: OktaEmulator;
	beforeAll(async () => {
		okta = await startOktaEmulator({ org: { users: 1200, groups: 15, apps: 3, seed: 21 } });
		okta.registerServiceApp({
			clientId: 'svc-dpop',
			publicJwk: { ...key.publicKey.export({ format: 'jwk' }), kid: 'k1' } as never,
			dpop: true,
			scopes: SCOPES,
		});
		okta.registerServiceApp({
			clientId: 'svc-bearer',
			publicJwk: key.publicKey.export({ format: 'jwk' }),
			dpop: false,
			scopes: SCOPES,
		});
	});
	afterAll(() => okta.close());

	const tokenCredential = (): CredentialStore => ({
		oktaTokenApi: { url: `${okta.url}/`, apiToken: 'okta-test-token' },
	});

	function assertEveryUserWithGroups(users: User[]) {
		assert.equal(users.length, okta.store.users.length);
		assert.ok(
			users.some((u) => u.status === 'DEPROVISIONED'),
			'DEPROVISIONED users are listed',
		);
		for (const user of users.slice(0, 100)) {
			assert.deepEqual(
				user.groups!.map((g) => g.id).sort(),
				okta.store
					.groupsOf(user.id)
					.map((g) => g.id)
					.sort(),
			);
		}
	}

	test('API token: every user with groups, request count within the bound, paired to the trigger item', async () => {
		okta.server.clearLog();
		const result = await runWorkflow(scheduledList({}), { credentials: tokenCredential() });
		assert.equal(result.status, 'success', String(result.error));
		assertEveryUserWithGroups(result.output[LIST] as User[]);
		assert.ok(result.items[LIST].every((item) => JSON.stringify(item.pairedItem) === '{"item":0}'));
		assert.ok(
			okta.server.log.length <= requestBound(okta),
			`${okta.server.log.length} > ${requestBound(okta)}`,
		);
		assert.ok(okta.server.log.every((r) => r.headers.authorization === 'SSWS okta-test-token'));
	});

	test('service app with DPoP: token fetched once across two runs and many calls, DPoP proof on each call', async () => {
		okta.server.clearLog();
		const credentials: CredentialStore = {
			oktaServiceAppApi: {
				url: okta.url,
				clientId: 'svc-dpop',
				privateKey,
				keyId: 'k1',
				scopes: SCOPES.join(' '),
				useDpop: true,
			},
		};
		const first = await runWorkflow(scheduledList({ authentication: 'serviceApp' }), {
			credentials,
		});
		const second = await runWorkflow(
			scheduledList({ authentication: 'serviceApp', resource: 'groups' }),
			{ credentials },
		);
		assert.equal(first.status, 'success', String(first.error));
		assert.equal(second.status, 'success', String(second.error));
		assertEveryUserWithGroups(first.output[LIST] as User[]);
		assert.equal(second.output[LIST].length, okta.store.groups.length);
		const tokenCalls = okta.server.log.filter((r) => r.path === '/oauth2/v1/token');
		assert.deepEqual(
			tokenCalls.map((r) => r.status),
			[400, 200],
			'one nonce round trip, one token',
		);
		const apiCalls = okta.server.log.filter((r) => r.path.startsWith('/api/'));
		assert.ok(apiCalls.length > 10);
		assert.ok(
			apiCalls.every(
				(r) =>
					r.status === 200 &&
					String(r.headers.authorization).startsWith('DPoP ') &&
					typeof r.headers.dpop === 'string',
			),
		);
		assert.equal(credentials.oktaServiceAppApi.tokenType, 'DPoP');
	});

	test('service app with DPoP off: Bearer token, one token call', async () => {
		okta.server.clearLog();
		const credentials: CredentialStore = {
			oktaServiceAppApi: { url: okta.url, clientId: 'svc-bearer', privateKey, useDpop: false },
		};
		const result = await runWorkflow(
			scheduledList({
				authentication: 'serviceApp',
				resource: 'users',
				returnAll: false,
				limit: 25,
				includeGroups: false,
			}),
			{ credentials },
		);
		assert.equal(result.status, 'success', String(result.error));
		assert.equal(result.output[LIST].length, 25);
		assert.equal(result.output[LIST][0].groups, undefined);
		assert.deepEqual(
			okta.server.log.filter((r) => r.path === '/oauth2/v1/token').map((r) => r.status),
			[200],
		);
		assert.ok(
			okta.server.log
				.filter((r) => r.path.startsWith('/api/'))
				.every((r) => String(r.headers.authorization).startsWith('Bearer ')),
		);
	});

	test("OAuth2 authorization code: token from the emulator's authorize + token endpoints, then List", async () => {
		const redirectUri = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
		okta.registerAuthCodeClient({ clientId: 'web-app', clientSecret: 'web-secret', redirectUri });
		const scope = 'openid offline_access okta.users.read okta.groups.read okta.apps.read';
		const authorize = new URL(`${okta.url}/oauth2/v1/authorize`);
		for (const [k, v] of Object.entries({
			client_id: 'web-app',
			redirect_uri: redirectUri,
			response_type: 'code',
			scope,
			state: 'xyz',
		}))
			authorize.searchParams.set(k, v);
		const redirect = await fetch(authorize, { redirect: 'manual' });
		const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
		assert.ok(code, 'authorize issued a code');
		const tokenAnswer = await fetch(`${okta.url}/oauth2/v1/token`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Authorization: `Basic ${Buffer.from('web-app:web-secret').toString('base64')}`,
			},
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				code,
				redirect_uri: redirectUri,
			}).toString(),
		});
		const oauthTokenData = (await tokenAnswer.json()) as IDataObject;
		assert.equal(tokenAnswer.status, 200, JSON.stringify(oauthTokenData));
		okta.server.clearLog();
		const credentials: CredentialStore = {
			oktaAuthCodeOAuth2Api: {
				url: okta.url,
				clientId: 'web-app',
				clientSecret: 'web-secret',
				authUrl: `${okta.url}/oauth2/v1/authorize`,
				accessTokenUrl: `${okta.url}/oauth2/v1/token`,
				scope,
				oauthTokenData,
			},
		};
		const result = await runWorkflow(
			scheduledList({ authentication: 'oAuth2', statuses: ['DEPROVISIONED'] }),
			{ credentials },
		);
		assert.equal(result.status, 'success', String(result.error));
		const users = result.output[LIST] as User[];
		assert.equal(users.length, okta.store.users.filter((u) => u.status === 'DEPROVISIONED').length);
		assert.ok(users.length > 0 && users.every((u) => u.status === 'DEPROVISIONED'));
		assert.ok(
			okta.server.log
				.filter((r) => r.path.startsWith('/api/'))
				.every((r) => r.headers.authorization === `Bearer ${oauthTokenData.access_token}`),
		);
	});

	test('groups, group members and app users resources; limit', async () => {
		const credentials = tokenCredential();
		const group = okta.store.groups.find((g) => g.profile.name !== 'Everyone')!;
		const app = okta.store.apps[0];
		const members = await runWorkflow(
			scheduledList({
				resource: 'groupMembers',
				group: { __rl: true, mode: 'list', value: group.id },
			}),
			{ credentials },
		);
		assert.equal(members.status, 'success', String(members.error));
		assert.deepEqual(
			(members.output[LIST] as User[]).map((u) => u.id).sort(),
			[...okta.store.memberIdsOf(group.id)].sort(),
		);
		const appUsers = await runWorkflow(
			scheduledList({ resource: 'appUsers', app: { __rl: true, mode: 'id', value: app.id } }),
			{ credentials },
		);
		assert.equal(appUsers.output[LIST].length, okta.store.appUsersOf(app.id).length);
		const groups = await runWorkflow(
			scheduledList({ resource: 'groups', returnAll: false, limit: 3 }),
			{ credentials },
		);
		assert.equal(groups.output[LIST].length, 3);
		const searched = await runWorkflow(
			scheduledList({ resource: 'groups', search: `profile.name eq "${group.profile.name}"` }),
			{ credentials },
		);
		assert.deepEqual(
			searched.output[LIST].map((g) => g.id),
			[group.id],
		);
	});

	test('User IDs per input item: just those users, with their groups, paired to their items', async () => {
		okta.server.clearLog();
		const [a, b] = [okta.store.users[3], okta.store.users[40]];
		const result = await runWorkflow(listOnly({ userIds: '={{ $json.userId }}' }), {
			credentials: tokenCredential(),
			startItems: [
				{ json: { userId: a.id } },
				{ json: { userId: b.profile.login } },
				{ json: { userId: '' } },
			],
		});
		assert.equal(result.status, 'success', String(result.error));
		const users = result.output[LIST] as User[];
		assert.deepEqual(
			users.map((u) => u.id),
			[a.id, b.id],
		);
		assert.deepEqual(
			users[1].groups!.map((g) => g.id).sort(),
			okta.store
				.groupsOf(b.id)
				.map((g) => g.id)
				.sort(),
		);
		assert.deepEqual(
			result.items[LIST].map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
		assert.equal(okta.server.log.length, 4, 'two user reads and two group reads');
	});

	test('A fixed list of User IDs runs once, whatever the number of input items', async () => {
		const ids = okta.store.users.slice(0, 3).map((u) => u.id);
		const result = await runWorkflow(listOnly({ userIds: ids.join(', '), includeGroups: false }), {
			credentials: tokenCredential(),
			startItems: [{ json: {} }, { json: {} }],
		});
		assert.deepEqual(
			result.output[LIST].map((u) => u.id),
			ids,
		);
	});

	test('only changed since last run: first run full, then just the changed users (deactivations too)', async () => {
		const credentials = tokenCredential();
		const parameters = { onlyChanged: true };
		const first = await runWorkflow(scheduledList(parameters), { credentials, mode: 'trigger' });
		assert.equal(first.output[LIST].length, okta.store.users.length);
		const cursor = (first.staticData['node:List'] as Record<string, string>).usersLastUpdatedCursor;
		assert.ok(cursor, 'the cursor was stored');

		const changed = okta.store.users.slice(100, 105);
		okta.store.updateUser(changed[0].id, { profile: { title: 'Director' } });
		okta.store.updateUser(changed[1].id, { status: 'DEPROVISIONED' });
		okta.store.updateUser(changed[2].id, { status: 'SUSPENDED' });
		okta.store.updateUser(changed[3].id, { profile: { department: 'Finance' } });
		okta.store.updateUser(changed[4].id, { profile: { mobilePhone: '+1 555 0100' } });
		const newcomer = okta.store.createUser({
			firstName: 'Nova',
			lastName: 'Starter',
			email: 'nova.starter@example.com',
			login: 'nova.starter@example.com',
		});
		okta.store.addMember(okta.store.groups[0].id, newcomer.id);

		okta.server.clearLog();
		const second = await runWorkflow(scheduledList(parameters), {
			credentials,
			staticData: first.staticData,
			mode: 'trigger',
		});
		const users = second.output[LIST] as User[];
		const expected = [...changed.map((u) => u.id), newcomer.id];
		// The cursor keeps a one-minute overlap, so the last user of the first run may come again.
		assert.ok(expected.every((id) => users.some((u) => u.id === id)));
		assert.ok(users.length <= expected.length + 2, `${users.length} users read`);
		assert.equal(users.find((u) => u.id === changed[1].id)!.status, 'DEPROVISIONED');
		assert.deepEqual(
			users.find((u) => u.id === newcomer.id)!.groups!.map((g) => g.id),
			okta.store.groupsOf(newcomer.id).map((g) => g.id),
		);
		const userListings = okta.server.log.filter((r) => r.path === '/api/v1/users');
		assert.equal(userListings.length, 1);
		assert.match(String(userListings[0].query.search), /lastUpdated gt/);
		// A few changed users: groups read per user (plus the group list), not per group.
		assert.equal(okta.server.log.length, 1 + 1 + users.length);
	});

	test("Okta errors surface as NodeApiError with Okta's errorSummary; continue on fail yields a failed item", async () => {
		const bad: CredentialStore = { oktaTokenApi: { url: okta.url, apiToken: 'wrong-token' } };
		const failed = await runWorkflow(scheduledList({}), { credentials: bad });
		assert.equal(failed.status, 'error');
		const error = failed.nodeErrors[LIST] as Error & { httpCode?: string };
		assert.match(error.message, /Invalid token provided/);
		assert.ok(
			!JSON.stringify(failed.run.data.resultData).includes('wrong-token'),
			'the token is not in the run data',
		);

		const search = await runWorkflow(
			scheduledList({ search: 'profile.login zz "x"' }, { continueOnFail: true }),
			{ credentials: tokenCredential() },
		);
		assert.equal(search.status, 'success');
		assert.equal(search.output[LIST].length, 1);
		assert.equal(search.output[LIST][0].action, 'failed');
		assert.match(String(search.output[LIST][0].error), /E0000031/);

		const admin = await runWorkflow(scheduledList({}), {
			credentials: { oktaTokenApi: { url: 'https://acme-admin.okta.com', apiToken: 'x' } },
		});
		assert.match((admin.nodeErrors[LIST] as Error).message, /primary Okta domain/);
	});
});
