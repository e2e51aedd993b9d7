import assert from 'node:assert/strict';
import { startHaloEmulator, type HaloEmulator } from '../../../emulators/halo';
import { api, fakeClock, requestToken, token } from './http';

describe('Halo emulator: client-credentials tokens', () => {
	let halo: HaloEmulator;
	const clock = fakeClock();
	beforeAll(async () => {
		halo = await startHaloEmulator({ tokenTtlSeconds: 60, now: clock.now });
	});
	afterAll(() => halo.close());

	test('a form-encoded client-credentials request gets a bearer token', async () => {
		const answer = await requestToken(halo);
		assert.equal(answer.status, 200);
		assert.equal(answer.body.token_type, 'Bearer');
		assert.equal(typeof answer.body.access_token, 'string');
		assert.ok(answer.body.access_token.length >= 20);
		assert.equal(answer.body.expires_in, 60);
	});

	test('a wrong secret or client id is 401 invalid_client', async () => {
		for (const form of [{ client_secret: 'nope' }, { client_id: 'other' }] as Array<
			Record<string, string>
		>) {
			const answer = await requestToken(halo, form);
			assert.equal(answer.status, 401);
			assert.deepEqual(answer.body, { error: 'invalid_client' });
		}
	});

	test('another grant type or a JSON body is refused', async () => {
		const grant = await requestToken(halo, { grant_type: 'password' });
		assert.equal(grant.status, 400);
		assert.equal(grant.body.error, 'unsupported_grant_type');
		const json = await fetch(`${halo.authUrl}/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				grant_type: 'client_credentials',
				client_id: 'halo-client',
				client_secret: 'halo-secret',
			}),
		});
		assert.equal(json.status, 400);
	});

	test('every /api call needs a live bearer token', async () => {
		const none = await fetch(`${halo.url}/api/Users`);
		assert.equal(none.status, 401);
		assert.equal(((await none.json()) as { error: string }).error, 'invalid_token');
		const wrong = await api(halo, 'not-a-token').get('Users');
		assert.equal(wrong.status, 401);
		assert.equal(wrong.body.error, 'invalid_token');
		const good = await api(halo, await token(halo)).get('Users');
		assert.equal(good.status, 200);
	});

	test('a token stops working after expires_in seconds', async () => {
		const client = api(halo, await token(halo));
		clock.advance(59_000);
		assert.equal((await client.get('Site')).status, 200);
		clock.advance(1_000);
		const expired = await client.get('Site');
		assert.equal(expired.status, 401);
		assert.match(expired.body.error_description, /expired/);
	});

	test('expireTokens() ends every issued token', async () => {
		const client = api(halo, await token(halo));
		assert.equal((await client.get('Team')).status, 200);
		halo.expireTokens();
		assert.equal((await client.get('Team')).status, 401);
	});

	test('authinfo needs no token and names the auth server (also spelled AuthInfo)', async () => {
		for (const path of ['authinfo', 'AuthInfo']) {
			const answer = await fetch(`${halo.url}/api/${path}`);
			assert.equal(answer.status, 200);
			assert.deepEqual(JSON.parse(await answer.text()), { auth_url: `${halo.url}/auth` });
		}
	});

	test('Agent/me is the agent the API application acts as', async () => {
		const me = await api(halo, await token(halo)).get('Agent/me');
		assert.equal(me.status, 200);
		assert.equal(me.body.id, halo.store.apiAgentId);
		assert.equal(me.body.name, 'Halo API');
	});
});

describe('Halo emulator: hosted tenant and another auth path', () => {
	let halo: HaloEmulator;
	beforeAll(async () => {
		halo = await startHaloEmulator({
			tenant: 'acme',
			authPath: '/authserver',
			clientId: 'id-1',
			clientSecret: 's-1',
		});
	});
	afterAll(() => halo.close());

	test('authinfo tells the auth URL and the tenant', async () => {
		const answer = await fetch(`${halo.url}/api/authinfo`);
		assert.deepEqual(JSON.parse(await answer.text()), {
			auth_url: `${halo.url}/authserver`,
			tenant_id: 'acme',
		});
		assert.equal(halo.authUrl, `${halo.url}/authserver`);
	});

	test('the token request must carry ?tenant=', async () => {
		const creds = { client_id: 'id-1', client_secret: 's-1' };
		const missing = await requestToken(halo, creds);
		assert.equal(missing.status, 400);
		const wrong = await requestToken(halo, creds, '?tenant=other');
		assert.equal(wrong.status, 400);
		const right = await requestToken(halo, creds, '?tenant=acme');
		assert.equal(right.status, 200);
		assert.equal((await api(halo, right.body.access_token).get('Agent/me')).status, 200);
	});

	test('the default /auth path is not served', async () => {
		const answer = await fetch(`${halo.url}/auth/token`, { method: 'POST' });
		assert.equal(answer.status, 404);
	});
});
