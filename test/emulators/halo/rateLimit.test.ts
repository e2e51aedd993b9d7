import assert from 'node:assert/strict';
import { startHaloEmulator, rateLimitMessage, type HaloEmulator } from '../../../emulators/halo';
import { RollingWindowLimiter } from '../../../emulators/halo/rateLimit';
import { api, fakeClock, token } from './http';

describe('RollingWindowLimiter', () => {
	test('allows max per rolling window; each request leaves the window on its own', () => {
		const clock = fakeClock(0);
		const limiter = new RollingWindowLimiter({ max: 3, windowMs: 1000 }, clock.now);
		assert.equal(limiter.tryTake(), true); // t=0
		clock.advance(400);
		assert.equal(limiter.tryTake(), true); // t=400
		assert.equal(limiter.tryTake(), true); // t=400
		assert.equal(limiter.tryTake(), false);
		clock.advance(599); // t=999: the t=0 request is still inside
		assert.equal(limiter.tryTake(), false);
		clock.advance(1); // t=1000: it left; one slot
		assert.equal(limiter.tryTake(), true);
		assert.equal(limiter.tryTake(), false);
		clock.advance(400); // t=1400: both t=400 requests left
		assert.equal(limiter.tryTake(), true);
		assert.equal(limiter.tryTake(), true);
		assert.equal(limiter.tryTake(), false);
	});

	test('refused requests do not count', () => {
		const clock = fakeClock(0);
		const limiter = new RollingWindowLimiter({ max: 1, windowMs: 100 }, clock.now);
		assert.equal(limiter.tryTake(), true);
		for (let i = 0; i < 10; i++) assert.equal(limiter.tryTake(), false);
		clock.advance(100);
		assert.equal(limiter.tryTake(), true);
	});

	test("the message is Halo's", () => {
		assert.equal(
			rateLimitMessage({ max: 300, windowMs: 300_000 }),
			'Rate Limit Reached - 300 Requests per rolling 5 minute window',
		);
		assert.equal(
			rateLimitMessage({ max: 700, windowMs: 300_000 }),
			'Rate Limit Reached - 700 Requests per rolling 5 minute window',
		);
	});
});

describe('Halo emulator: rate limit over HTTP', () => {
	const emulators: HaloEmulator[] = [];
	afterAll(() => Promise.all(emulators.map((e) => e.close())));

	test('after N requests in the window: plain-text 429 without rate-limit headers; recovers as the window rolls', async () => {
		const clock = fakeClock();
		const halo = await startHaloEmulator({
			rateLimit: { max: 5, windowMs: 60_000 },
			now: clock.now,
		});
		emulators.push(halo);
		const client = api(halo, await token(halo));
		for (let i = 0; i < 5; i++) {
			const ok = await client.get('Users');
			assert.equal(ok.status, 200, `request ${i + 1}`);
			clock.advance(1000);
		}
		const refused = await client.get('Users');
		assert.equal(refused.status, 429);
		assert.equal(refused.body, 'Rate Limit Reached - 5 Requests per rolling 1 minute window');
		assert.match(refused.headers.get('content-type') ?? '', /^text\/plain/);
		const headerNames = [...refused.headers.keys()];
		assert.ok(
			!headerNames.some((h) => /rate|retry/i.test(h)),
			`no rate-limit headers: ${headerNames.join(', ')}`,
		);
		assert.equal(
			(await client.post('Users', [{ name: 'X', site_id: 1 }])).status,
			429,
			'writes are limited too',
		);
		assert.equal(halo.store.users.size, 0);
		// The first request was at t=0; at t=60000 it has left the window, the second (t=1000) has not.
		clock.advance(55_000);
		assert.equal((await client.get('Users')).status, 200);
		assert.equal((await client.get('Users')).status, 429);
		clock.advance(1000);
		assert.equal((await client.get('Users')).status, 200);
	});

	test('the token endpoint is not counted; unauthenticated /api calls are', async () => {
		const clock = fakeClock();
		const halo = await startHaloEmulator({
			rateLimit: { max: 2, windowMs: 10_000 },
			now: clock.now,
		});
		emulators.push(halo);
		for (let i = 0; i < 5; i++) await token(halo);
		assert.equal((await fetch(`${halo.url}/api/Users`)).status, 401);
		assert.equal((await fetch(`${halo.url}/api/authinfo`)).status, 200);
		assert.equal((await fetch(`${halo.url}/api/authinfo`)).status, 429);
		halo.resetRateLimit();
		assert.equal((await fetch(`${halo.url}/api/authinfo`)).status, 200);
	});

	test('the real clock rolls the window too', async () => {
		const halo = await startHaloEmulator({ rateLimit: { max: 2, windowMs: 300 } });
		emulators.push(halo);
		const client = api(halo, await token(halo));
		assert.equal((await client.get('Team')).status, 200);
		assert.equal((await client.get('Team')).status, 200);
		assert.equal((await client.get('Team')).status, 429);
		await new Promise((r) => setTimeout(r, 350));
		assert.equal((await client.get('Team')).status, 200);
	});

	test('default: 300 per 5 minutes', async () => {
		const clock = fakeClock();
		const halo = await startHaloEmulator({ now: clock.now });
		emulators.push(halo);
		const client = api(halo, await token(halo));
		const statuses = await Promise.all(
			Array.from({ length: 301 }, () => client.get('Team').then((a) => a.status)),
		);
		assert.equal(statuses.filter((s) => s === 200).length, 300);
		const refused = await client.get('Team');
		assert.equal(refused.body, 'Rate Limit Reached - 300 Requests per rolling 5 minute window');
		clock.advance(300_000);
		assert.equal((await client.get('Team')).status, 200);
	});
});
