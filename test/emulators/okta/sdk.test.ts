/**
 * Okta's own Node SDK (v8) against the emulator: if the SDK pages, retries
 * and authenticates against it exactly as against Okta, the emulator speaks
 * Okta. The SDK reads `~/.okta/okta.yaml`, `./okta.yaml` and `OKTA_*`
 * variables; the tests point HOME at an empty folder and clear those.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from '@okta/okta-sdk-nodejs';

import { startOktaEmulator, type OktaEmulator } from '../../../emulators/okta';
import { makeKey } from './oauthClient';

interface SdkError {
	status?: number;
	headers?: { get(name: string): string | null };
}

async function collect<T>(collection: AsyncIterable<T | null>): Promise<T[]> {
	const items: T[] = [];
	for await (const item of collection) if (item) items.push(item);
	return items;
}

describe('Okta emulator driven by @okta/okta-sdk-nodejs', () => {
	let okta: OktaEmulator;
	let home: string;
	const saved = { HOME: process.env.HOME, env: {} as Record<string, string | undefined> };
	const key = makeKey('RS256');

	beforeAll(async () => {
		home = mkdtempSync(join(tmpdir(), 'okta-sdk-home-'));
		process.env.HOME = home;
		for (const name of Object.keys(process.env).filter((variable) =>
			variable.startsWith('OKTA_'),
		)) {
			saved.env[name] = process.env[name];
			delete process.env[name];
		}
		assert.equal(
			existsSync(join(process.cwd(), 'okta.yaml')),
			false,
			'no okta.yaml in the working folder',
		);
		okta = await startOktaEmulator({ org: { users: 1000, groups: 12, seed: 21 } });
		const scopes = ['okta.users.read', 'okta.groups.read'];
		okta.registerServiceApp({
			clientId: 'sdk-bearer',
			publicJwk: key.publicJwk,
			scopes,
			dpop: false,
		});
		okta.registerServiceApp({ clientId: 'sdk-dpop', publicJwk: key.publicJwk, scopes });
	});

	afterAll(async () => {
		await okta.close();
		process.env.HOME = saved.HOME;
		Object.assign(process.env, saved.env);
		rmSync(home, { recursive: true, force: true });
	});

	const sswsClient = () =>
		new Client({ orgUrl: okta.url, token: 'okta-test-token', cacheMiddleware: null });
	const privateKeyClient = (clientId: string) =>
		new Client({
			orgUrl: okta.url,
			authorizationMode: 'PrivateKey',
			clientId,
			scopes: ['okta.users.read', 'okta.groups.read'],
			privateKey: JSON.stringify(key.privateJwk),
			keyId: key.kid,
		});
	const visibleUsers = () => okta.store.users.filter((user) => user.status !== 'DEPROVISIONED');

	test('SSWS: pages every user and every group; counts and ids match the store', async () => {
		okta.server.clearLog();
		const client = sswsClient();
		const users = await collect(await client.userApi.listUsers({ limit: 200 }));
		assert.deepEqual(
			users.map((user) => user.id),
			visibleUsers().map((user) => user.id),
		);
		const userPages = okta.server.log.filter((entry) => entry.path === '/api/v1/users');
		assert.equal(userPages.length, Math.ceil(visibleUsers().length / 200));
		assert.ok(
			userPages.slice(1).every((entry) => entry.query.after && entry.query.limit === '200'),
		);

		const all = await collect(await client.userApi.listUsers({ search: 'status pr' }));
		assert.equal(all.length, okta.store.users.length, 'a search includes DEPROVISIONED users');

		const groups = await collect(await client.groupApi.listGroups({ limit: 5 }));
		assert.deepEqual(
			groups.map((group) => group.id),
			okta.store.groups.map((group) => group.id),
		);
		const everyone = okta.store.groupByName('Everyone')!;
		const members = await collect(
			await client.groupApi.listGroupUsers({ groupId: everyone.id, limit: 300 }),
		);
		assert.equal(members.length, okta.store.users.length);
		const first = users[0];
		assert.equal(first.profile?.login, okta.store.user(first.id!)!.profile.login);
		assert.equal(String(first.status), okta.store.user(first.id!)!.status);
	});

	test('SSWS: a 429 is waited out using X-Rate-Limit-Reset and retried; the listing completes unchanged', async () => {
		okta.server.clearLog();
		okta.server.addFault({ status: 429, skip: 1, match: (req) => req.path === '/api/v1/users' });
		const started = Date.now();
		const users = await collect(await sswsClient().userApi.listUsers({ limit: 200 }));
		assert.equal(users.length, visibleUsers().length);
		const entries = okta.server.log.filter((entry) => entry.path === '/api/v1/users');
		assert.deepEqual(
			entries.map((entry) => entry.status),
			[200, 429, 200, ...new Array(entries.length - 3).fill(200)],
		);
		assert.equal(entries[2].headers['x-okta-retry-count'], '1');
		assert.equal(entries[2].query.after, entries[1].query.after, 'the same page is asked again');
		assert.ok(Date.now() - started >= 900, 'the SDK waited for the reset');
	});

	test("PrivateKey mode, app without DPoP: the SDK's client assertion is accepted and its Bearer token lists users", async () => {
		okta.server.clearLog();
		const users = await collect(
			await privateKeyClient('sdk-bearer').userApi.listUsers({ limit: 200 }),
		);
		assert.equal(users.length, visibleUsers().length);
		const tokenCalls = okta.server.log.filter((entry) => entry.path === '/oauth2/v1/token');
		assert.deepEqual(
			tokenCalls.map((entry) => entry.status),
			[200],
		);
		const apiCall = okta.server.log.find((entry) => entry.path === '/api/v1/users')!;
		assert.match(String(apiCall.headers.authorization), /^Bearer /);
	});

	test('PrivateKey mode, DPoP app: the SDK takes the use_dpop_nonce answer, retries with the nonce and signs every call', async () => {
		okta.server.clearLog();
		const client = privateKeyClient('sdk-dpop');
		const users = await collect(await client.userApi.listUsers({ limit: 200 }));
		assert.equal(users.length, visibleUsers().length);
		const groups = await collect(await client.groupApi.listGroups({ limit: 5 }));
		assert.equal(groups.length, okta.store.groups.length);

		const tokenCalls = okta.server.log.filter((entry) => entry.path === '/oauth2/v1/token');
		assert.deepEqual(
			tokenCalls.map((entry) => entry.status),
			[400, 200],
		);
		const proofClaims = tokenCalls.map((entry) =>
			JSON.parse(Buffer.from(String(entry.headers.dpop).split('.')[1], 'base64url').toString()),
		);
		assert.equal(proofClaims[0].nonce, undefined);
		assert.ok(proofClaims[1].nonce, 'the retry carries the nonce');
		const apiCalls = okta.server.log.filter((entry) => entry.path.startsWith('/api/'));
		assert.equal(
			apiCalls.length,
			Math.ceil(visibleUsers().length / 200) + Math.ceil(okta.store.groups.length / 5),
		);
		for (const entry of apiCalls) {
			assert.equal(entry.status, 200);
			assert.match(String(entry.headers.authorization), /^DPoP /);
			const proof = JSON.parse(
				Buffer.from(String(entry.headers.dpop).split('.')[1], 'base64url').toString(),
			);
			assert.equal(proof.htm, 'GET');
			assert.ok(proof.ath);
		}
	});

	test('PrivateKey mode: an assertion signed with a key the app does not have is refused, and the SDK fails', async () => {
		const stranger = makeKey('RS256');
		okta.registerServiceApp({
			clientId: 'sdk-stranger',
			publicJwk: stranger.publicJwk,
			scopes: ['okta.users.read'],
			dpop: false,
		});
		okta.server.clearLog();
		const error = await privateKeyClient('sdk-stranger')
			.userApi.listUsers({ limit: 5 })
			.then((users) => collect(users))
			.then(
				() => undefined,
				(thrown: unknown) => thrown as SdkError,
			);
		assert.equal(error?.status, 401);
		const tokenCall = okta.server.log.find((entry) => entry.path === '/oauth2/v1/token')!;
		assert.equal(tokenCall.status, 401);
	});
});
