import assert from 'node:assert/strict';

import { startOktaEmulator } from '../../emulators/okta';
import type { OktaEmulator } from '../../emulators/okta';
import { OktaApiError } from '../../lib/okta/OktaApiError';
import { OktaClient } from '../../lib/okta/OktaClient';
import { withServiceApp } from '../../lib/okta/requestAuth';
import { fetchServiceAppToken } from '../../lib/okta/serviceAppToken';
import { fetchRequestFn } from './helpers/fetchRequestFn';
import { serviceAppKeys } from './helpers/emulator';

const SCOPES = ['okta.users.read', 'okta.groups.read', 'okta.apps.read'];

describe('service app (private key JWT) against the Okta emulator', () => {
	let okta: OktaEmulator;
	const rsa = serviceAppKeys('rsa');
	const ec = serviceAppKeys('ec');
	beforeAll(async () => {
		okta = await startOktaEmulator({ org: { users: 450, groups: 5, seed: 5 } });
		okta.registerServiceApp({
			clientId: 'svc-dpop',
			publicJwk: { ...rsa.publicJwk, kid: 'k-rsa' } as never,
			dpop: true,
			scopes: SCOPES,
		});
		okta.registerServiceApp({
			clientId: 'svc-bearer',
			publicJwk: { ...ec.publicJwk, kid: 'k-ec' } as never,
			dpop: false,
			scopes: SCOPES,
		});
		okta.registerServiceApp({
			clientId: 'svc-users-only',
			publicJwk: rsa.publicJwk,
			dpop: true,
			scopes: ['okta.users.read'],
		});
	});
	afterAll(() => okta.close());

	const tokenCalls = (from: number) =>
		okta.server.log.slice(from).filter((r) => r.path === '/oauth2/v1/token');

	test('DPoP on: nonce round trip, then every API call carries DPoP + proof; one token for many calls', async () => {
		const start = okta.server.log.length;
		const client = new OktaClient({
			orgUrl: okta.url,
			request: withServiceApp(fetchRequestFn(), {
				orgUrl: okta.url,
				clientId: 'svc-dpop',
				privateKey: rsa.privateKeyPem,
				keyId: 'k-rsa',
				useDpop: true,
			}),
		});
		const users = await client.includeGroups(await client.listUsers());
		await client.listApps();
		for (const user of users.slice(0, 5)) await client.getUser(user.id);
		const tokens = tokenCalls(start);
		assert.deepEqual(
			tokens.map((r) => r.status),
			[400, 200],
			'use_dpop_nonce, then the token',
		);
		const apiCalls = okta.server.log.slice(start).filter((r) => r.path.startsWith('/api/'));
		assert.ok(apiCalls.length >= 10);
		assert.ok(
			apiCalls.every(
				(r) =>
					r.status === 200 && String(r.headers.authorization).startsWith('DPoP ') && r.headers.dpop,
			),
		);
		assert.equal(users.length, okta.store.users.length);
	});

	test('DPoP off (EC key, JWK form): one token call, Bearer on API calls', async () => {
		const start = okta.server.log.length;
		const client = new OktaClient({
			orgUrl: okta.url,
			request: withServiceApp(fetchRequestFn(), {
				orgUrl: okta.url,
				clientId: 'svc-bearer',
				privateKey: JSON.stringify({ ...ec.privateJwk, kid: 'k-ec' }),
				useDpop: false,
			}),
		});
		assert.equal((await client.listGroups()).length, okta.store.groups.length);
		await client.listUsers({ limit: 10 });
		assert.deepEqual(
			tokenCalls(start).map((r) => r.status),
			[200],
		);
		const apiCalls = okta.server.log.slice(start).filter((r) => r.path.startsWith('/api/'));
		assert.ok(
			apiCalls.every(
				(r) => String(r.headers.authorization).startsWith('Bearer ') && !r.headers.dpop,
			),
		);
	});

	test('DPoP off against an app that requires it: a 400 that says to turn DPoP on', async () => {
		await assert.rejects(
			fetchServiceAppToken(fetchRequestFn(), {
				orgUrl: okta.url,
				clientId: 'svc-dpop',
				privateKey: rsa.privateKeyPem,
				useDpop: false,
			}),
			(e: unknown) => e instanceof OktaApiError && e.status === 400 && /Use DPoP/.test(e.message),
		);
	});

	test('wrong key: invalid_client with a hint, no key material in the message', async () => {
		const other = serviceAppKeys('rsa');
		const error = await fetchServiceAppToken(fetchRequestFn(), {
			orgUrl: okta.url,
			clientId: 'svc-dpop',
			privateKey: other.privateKeyPem,
			useDpop: true,
		}).then(
			() => undefined,
			(e: unknown) => e,
		);
		assert.ok(error instanceof OktaApiError);
		assert.equal(error.errorCode, 'invalid_client');
		assert.match(error.message, /public key matches the private key/);
		assert.ok(!error.message.includes('PRIVATE KEY'));
	});

	test('a scope the app lacks: 403 naming okta.groups.read', async () => {
		const client = new OktaClient({
			orgUrl: okta.url,
			request: withServiceApp(fetchRequestFn(), {
				orgUrl: okta.url,
				clientId: 'svc-users-only',
				privateKey: rsa.privateKeyPem,
				scopes: 'okta.users.read',
				useDpop: true,
			}),
		});
		assert.equal((await client.listUsers({ limit: 1 })).length, 1);
		await assert.rejects(
			client.listGroups(),
			(e: unknown) =>
				e instanceof OktaApiError && e.status === 403 && /okta\.groups\.read/.test(e.message),
		);
	});

	test('an expired token is fetched again after the 401, once', async () => {
		const shortLived = await startOktaEmulator({ org: { users: 20, groups: 2 } });
		try {
			shortLived.registerServiceApp({ clientId: 'svc', publicJwk: rsa.publicJwk, scopes: SCOPES });
			const client = new OktaClient({
				orgUrl: shortLived.url,
				request: withServiceApp(
					fetchRequestFn(),
					{ orgUrl: shortLived.url, clientId: 'svc', privateKey: rsa.privateKeyPem, useDpop: true },
					{ now: () => 0 },
				),
			});
			await client.listUsers({ limit: 1 });
			// Expire it in the emulator rather than waiting out a short lifetime, which races a loaded machine.
			shortLived.tokens.expireAccessTokens();
			await client.listUsers({ limit: 1 });
			const log = shortLived.server.log;
			assert.deepEqual(
				log.filter((r) => r.path.startsWith('/api/')).map((r) => r.status),
				[200, 401, 200],
			);
			assert.equal(log.filter((r) => r.path === '/oauth2/v1/token' && r.status === 200).length, 2);
		} finally {
			await shortLived.close();
		}
	});
});
