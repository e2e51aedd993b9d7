/**
 * The credential tests n8n runs through the Halo Okta Settings node
 * (lib/n8n/credentialTests.ts), with n8n-core's own test context, against the
 * emulators: true on the first click, a fresh token from the values typed,
 * the missing permission or scopes named.
 */
import assert from 'node:assert/strict';

import { startHaloEmulator } from '../../emulators/halo';
import type { HaloEmulator } from '../../emulators/halo';
import { runCredentialTestFunction } from '../helpers/credentialTest';

describe('haloApi credential test (GET /api/Control with a fresh token)', () => {
	let halo: HaloEmulator;
	beforeAll(async () => (halo = await startHaloEmulator()));
	afterAll(() => halo.close());
	const data = (extra: Record<string, unknown> = {}) => ({
		url: halo.url,
		authUrl: '',
		tenant: '',
		clientId: 'halo-client',
		clientSecret: 'halo-secret',
		scope: 'all',
		...extra,
	});

	test('succeeds on the first click, whatever the URL’s tail: authinfo, token, Control', async () => {
		for (const url of [halo.url, `${halo.url}/`, `${halo.url}/api`, `${halo.url}/api/`]) {
			halo.server.clearLog();
			const result = await runCredentialTestFunction('haloApi', data({ url }));
			assert.equal(result.status, 'OK', result.message);
			assert.deepEqual(
				halo.server.log.map((r) => `${r.method} ${r.path}`),
				['GET /api/authinfo', 'POST /auth/token', 'GET /api/Control'],
			);
		}
	});

	test('a token without the admin permission: names the permission Control needs', async () => {
		const result = await runCredentialTestFunction('haloApi', data({ scope: 'read:users' }));
		assert.equal(result.status, 'Error');
		assert.match(result.message, /admin permission/);
		assert.match(result.message, /GET \/api\/Control, 403/);
	});

	test('a wrong secret fails on the first click even with a token stored from before; the secret is never shown', async () => {
		const result = await runCredentialTestFunction(
			'haloApi',
			data({ clientSecret: 'wrong-secret-value', accessToken: 'stale-but-once-valid' }),
		);
		assert.equal(result.status, 'Error');
		assert.match(result.message, /invalid_client/);
		assert.doesNotMatch(result.message, /wrong-secret-value/);
	});
});
