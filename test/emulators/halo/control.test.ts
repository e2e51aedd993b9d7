/**
 * Halo emulator: `GET`/`POST /api/Control` with the Okta fields of the
 * swagger's `Control` schema; POST bodies checked against that schema; the
 * admin permission it needs.
 */
import assert from 'node:assert/strict';

import { startHaloEmulator, type HaloEmulator } from '../../../emulators/halo';
import { api, requestToken, token } from './http';

describe('Halo emulator: /api/Control', () => {
	let halo: HaloEmulator;
	beforeAll(async () => {
		halo = await startHaloEmulator({
			seed: { control: { portal_url: 'https://support.acme.example' } },
		});
	});
	afterAll(() => halo.close());

	test('GET answers the settings record with the Okta fields, as seeded', async () => {
		const answer = await api(halo, await token(halo)).get('Control');
		assert.equal(answer.status, 200);
		assert.equal(answer.body.portal_url, 'https://support.acme.example');
		for (const field of [
			'okta_url',
			'okta_client_id',
			'enableoktasinglesignon',
			'oktasso',
			'oktaautoredirect',
			'okta_sitemappings',
			'okta_usermappings',
			'okta_agentmappings',
			'okta_rolemappings',
			'okta_cabmappings',
			'okta_userrolemappings',
			'okta_mappings_new_user',
			'okta_active_statuses_list',
			'okta_user_matching_list',
			'okta_agent_matching_list',
			'halointegrator_okta',
			'halointegrator_okta_lastsync',
			'halointegrator_okta_lasterror',
		])
			assert.ok(field in answer.body, field);
	});

	test('POST merges the given fields and keeps the others; nested mappings are stored as sent', async () => {
		const client = api(halo, await token(halo));
		const mapping = {
			siteid: 2,
			group_name: 'Office - London',
			filters: [{ filter_field: 'department', filter_type: 0, filter_value: 'IT' }],
		};
		const saved = await client.post('Control', [
			{ okta_url: 'https://acme.okta.com', okta_sitemappings: [mapping] },
		]);
		assert.equal(saved.status, 200);
		const read = (await client.get('Control')).body;
		assert.equal(read.okta_url, 'https://acme.okta.com');
		assert.deepEqual(read.okta_sitemappings, [mapping]);
		assert.equal(read.portal_url, 'https://support.acme.example');
	});

	test('POST bodies that do not fit the Control schema are refused, nothing stored', async () => {
		const client = api(halo, await token(halo));
		const unknown = await client.post('Control', [
			{ okta_url: 'https://x.okta.com', okta_domain: 'x' },
		]);
		assert.equal(unknown.status, 400);
		assert.match(
			unknown.body.Message,
			/'okta_domain' could not be mapped to any \.NET member contained in type 'Control'/,
		);
		const nested = await client.post('Control', [
			{ okta_sitemappings: [{ siteid: 'two', group_name: 'A' }] },
		]);
		assert.equal(nested.status, 400);
		assert.match(nested.body.Message, /OktaMapping/);
		const notArray = await client.post('Control', { okta_url: 'https://x.okta.com' });
		assert.equal(notArray.status, 400);
		assert.equal((await client.get('Control')).body.okta_url, 'https://acme.okta.com');
	});

	test('a token without the admin permission is refused with 403, for reads and writes', async () => {
		const answer = await requestToken(halo, { scope: 'read:users edit:users' });
		const client = api(halo, answer.body.access_token);
		assert.equal((await client.get('Control')).status, 403);
		assert.equal((await client.post('Control', [{ okta_url: 'https://x' }])).status, 403);
		assert.equal((await client.get('Users')).status, 200, 'other reads are unaffected');
		const admin = await requestToken(halo, { scope: 'admin' });
		assert.equal((await api(halo, admin.body.access_token).get('Control')).status, 200);
	});
});
