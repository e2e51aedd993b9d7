import assert from 'node:assert/strict';
import { startHaloEmulator, type HaloEmulator } from '../../../emulators/halo';
import { api, token, type Api } from './http';

describe('Halo emulator: faults, latency and the request log', () => {
	let halo: HaloEmulator;
	let client: Api;
	beforeAll(async () => {
		halo = await startHaloEmulator();
		client = api(halo, await token(halo));
	});
	afterAll(() => halo.close());

	test('dropping the connection after K writes leaves the K+1th write applied (a crash mid-run)', async () => {
		halo.server.clearLog();
		halo.server.addFault({ match: (r) => r.method === 'POST', skip: 2, drop: 'after' });
		for (const name of ['One', 'Two'])
			assert.equal((await client.post('Users', [{ name, site_id: 1 }])).status, 200);
		await assert.rejects(client.post('Users', [{ name: 'Three', site_id: 1 }]));
		assert.deepEqual(
			halo.store.users
				.all()
				.map((u) => u.name)
				.sort(),
			['One', 'Three', 'Two'],
		);
		const posts = halo.server.log.filter((e) => e.method === 'POST');
		assert.equal(posts.length, 3);
		assert.equal(posts[2].dropped, true);
		assert.equal(posts[2].status, 200);
		assert.equal(
			(await client.post('Users', [{ name: 'Four', site_id: 1 }])).status,
			200,
			'the fault was used up',
		);
	});

	test('dropping before handling leaves nothing written', async () => {
		const before = halo.store.users.size;
		halo.server.addFault({ match: (r) => r.method === 'POST', drop: 'before' });
		await assert.rejects(client.post('Users', [{ name: 'Never', site_id: 1 }]));
		assert.equal(halo.store.users.size, before);
	});

	test('a status fault answers instead of the handler', async () => {
		halo.server.addFault({ match: (r) => /\/Site$/i.test(r.path), status: 503 });
		assert.equal((await client.get('Site')).status, 503);
		assert.equal((await client.get('Site')).status, 200);
	});

	test('latency delays every answer', async () => {
		halo.server.latencyMs = 60;
		const start = Date.now();
		await client.get('Team');
		assert.ok(Date.now() - start >= 55, `took ${Date.now() - start} ms`);
		halo.server.latencyMs = 0;
	});

	test('the log records method, path, query, body and status', async () => {
		halo.server.clearLog();
		await client.get('Users', { pageinate: true, page_size: 10, page_no: 1 });
		await client.post('Users', [{ name: 'Logged', site_id: 1 }]);
		assert.deepEqual(
			halo.server.log.map((e) => [e.method, e.path, e.status]),
			[
				['GET', '/api/Users', 200],
				['POST', '/api/Users', 200],
			],
		);
		assert.deepEqual(halo.server.log[0].query, {
			pageinate: 'true',
			page_size: '10',
			page_no: '1',
		});
		assert.deepEqual(halo.server.log[1].body, [{ name: 'Logged', site_id: 1 }]);
	});
});
