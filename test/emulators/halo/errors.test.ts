import assert from 'node:assert/strict';
import {
	HALO_SEED,
	startHaloEmulator,
	type HaloEmulator,
	type HaloErrorShape,
} from '../../../emulators/halo';
import { api, token, type Api } from './http';

describe('Halo emulator: error bodies', () => {
	let halo: HaloEmulator;
	let client: Api;
	beforeAll(async () => {
		halo = await startHaloEmulator();
		client = api(halo, await token(halo));
	});
	afterAll(() => halo.close());

	test('each shape where Halo uses it', async () => {
		const classMessage = await client.post('Users', [{ name: 'X', site_id: 404 }]);
		assert.deepEqual(Object.keys(classMessage.body).sort(), ['ClassName', 'Message']);
		const message = await client.get('Site/404');
		assert.deepEqual(Object.keys(message.body), ['Message']);
		const unknownPath = await client.get('NoSuchEntity');
		assert.equal(unknownPath.status, 404);
		assert.deepEqual(Object.keys(unknownPath.body), ['Message']);
		const error = await api(halo, 'bad').get('Users');
		assert.equal(typeof error.body.error, 'string');
		const resultCode = await client.post('Tickets', [{ summary: 'x' }]);
		assert.deepEqual(Object.keys(resultCode.body).sort(), ['errorMessage', 'resultCode']);
		const text = await client.post('Tickets', [
			{ summary: 'x', tickettype_id: HALO_SEED.ticketTypes.change },
		]);
		assert.equal(typeof text.body, 'string');
	});

	test('injectError forces any shape and status on matching requests', async () => {
		const cases: Array<[HaloErrorShape, (body: any) => void]> = [
			['resultCode', (b) => assert.deepEqual(b, { resultCode: 1, errorMessage: 'boom' })],
			['ClassName', (b) => assert.deepEqual(b, { ClassName: 'System.Exception', Message: 'boom' })],
			['Message', (b) => assert.deepEqual(b, { Message: 'boom' })],
			['error', (b) => assert.deepEqual(b, { error: 'boom' })],
			['text', (b) => assert.equal(b, 'boom')],
		];
		for (const [shape, check] of cases) {
			halo.injectError({
				shape,
				status: 500,
				message: 'boom',
				match: (r) => r.method === 'POST' && /\/Users$/i.test(r.path),
			});
			const answer = await client.post('Users', [{ name: 'Y', site_id: 1 }]);
			assert.equal(answer.status, 500, shape);
			check(answer.body);
		}
		assert.equal(halo.store.users.size, 0, 'an injected error stops the write');
		assert.equal(
			(await client.post('Users', [{ name: 'Y', site_id: 1 }])).status,
			200,
			'each injection answers once by default',
		);
	});

	test('injectError honours skip and times, and leaves other requests alone', async () => {
		halo.injectError({
			shape: 'Message',
			status: 503,
			skip: 1,
			times: 2,
			match: (r) => /\/Team$/i.test(r.path),
		});
		assert.equal((await client.get('Site')).status, 200);
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await client.get('Team')).status);
		assert.deepEqual(statuses, [200, 503, 503, 200]);
		halo.injectError({ shape: 'text', times: 5 });
		halo.clearInjectedErrors();
		assert.equal((await client.get('Team')).status, 200);
	});
});
