import assert from 'node:assert/strict';

import { startOktaEmulator, type OktaEmulator } from '../../../emulators/okta';
import { call, get } from './http';

interface OktaError {
	errorCode: string;
	errorSummary: string;
	errorLink: string;
	errorId: string;
	errorCauses: unknown[];
}

function assertOktaError(body: unknown, code: string, summary?: string): void {
	const error = body as OktaError;
	assert.equal(error.errorCode, code);
	assert.equal(error.errorLink, code);
	assert.match(error.errorId, /^oae[\w-]{22}$/);
	assert.ok(Array.isArray(error.errorCauses));
	if (summary) assert.equal(error.errorSummary, summary);
}

function rateHeaders(headers: Headers): { limit: number; remaining: number; reset: number } {
	return {
		limit: Number(headers.get('x-rate-limit-limit')),
		remaining: Number(headers.get('x-rate-limit-remaining')),
		reset: Number(headers.get('x-rate-limit-reset')),
	};
}

describe('Okta emulator: rate limits, errors, latency and faults', () => {
	let okta: OktaEmulator;
	const windowMs = 2000;
	/** Windows are aligned to the clock; start just after a boundary so a test's requests share one window. */
	const freshWindow = () =>
		new Promise((resolve) => setTimeout(resolve, windowMs - (Date.now() % windowMs) + 20));

	beforeAll(async () => {
		okta = await startOktaEmulator({
			org: { users: 20, groups: 3, seed: 2 },
			rateLimits: { users: 4, groups: 50 },
			rateLimitWindowMs: windowMs,
		});
	});
	afterAll(() => okta.close());

	test('X-Rate-Limit-* on every answer, per bucket, counting down; reset in epoch seconds at the window end', async () => {
		await freshWindow();
		const first = await get(`${okta.url}/api/v1/users`);
		const second = await get(`${okta.url}/api/v1/users/${okta.store.users[0].id}`);
		const groups = await get(`${okta.url}/api/v1/groups`);
		assert.deepEqual(
			[rateHeaders(first.headers).limit, rateHeaders(first.headers).remaining],
			[4, 3],
		);
		assert.equal(rateHeaders(second.headers).remaining, 2);
		assert.deepEqual(
			[rateHeaders(groups.headers).limit, rateHeaders(groups.headers).remaining],
			[50, 49],
		);
		const nowS = Date.now() / 1000;
		const reset = rateHeaders(first.headers).reset;
		assert.ok(
			reset >= nowS && reset <= nowS + windowMs / 1000 + 1,
			`reset ${reset} vs now ${nowS}`,
		);
		for (const answer of [
			await get(`${okta.url}/api/v1/apps/0oaNope`),
			await call(`${okta.url}/api/v1/groups`),
			await call(`${okta.url}/oauth2/v1/token`, {
				method: 'POST',
				form: { grant_type: 'client_credentials' },
			}),
		]) {
			assert.ok(answer.headers.get('x-rate-limit-limit'), `rate headers on a ${answer.status}`);
			assert.ok(answer.headers.get('x-okta-request-id'));
		}
	});

	test('an exhausted bucket answers 429 E0000047 until the window resets; other buckets go on', async () => {
		await freshWindow();
		for (let i = 0; i < 4; i++) assert.equal((await get(`${okta.url}/api/v1/users`)).status, 200);
		const limited = await get(`${okta.url}/api/v1/users`);
		assert.equal(limited.status, 429);
		assertOktaError(
			limited.body,
			'E0000047',
			'API call exceeded rate limit due to too many requests.',
		);
		const headers = rateHeaders(limited.headers);
		assert.equal(headers.remaining, 0);
		assert.equal((await get(`${okta.url}/api/v1/groups`)).status, 200);
		await new Promise((resolve) =>
			setTimeout(resolve, Math.max(0, headers.reset * 1000 - Date.now()) + 50),
		);
		assert.equal((await get(`${okta.url}/api/v1/users`)).status, 200);
	});

	test("an injected 429 gets Okta's body and a reset within about a second", async () => {
		okta.rateLimiter.reset();
		okta.server.addFault({ status: 429, match: (req) => req.path === '/api/v1/groups' });
		const answer = await get(`${okta.url}/api/v1/groups`);
		assert.equal(answer.status, 429);
		assertOktaError(answer.body, 'E0000047');
		const { remaining, reset } = rateHeaders(answer.headers);
		assert.equal(remaining, 0);
		assert.ok(reset - Date.now() / 1000 <= 1.01 && reset - Date.now() / 1000 > 0);
		assert.equal((await get(`${okta.url}/api/v1/groups`)).status, 200);
	});

	test("injected 5xx carry Okta's error body; a dropped connection is a network error", async () => {
		okta.rateLimiter.reset();
		okta.server.addFault({ status: 500 });
		const failed = await get(`${okta.url}/api/v1/groups`);
		assert.equal(failed.status, 500);
		assertOktaError(failed.body, 'E0000009', 'Internal Server Error');
		okta.server.addFault({ drop: 'before' });
		await assert.rejects(get(`${okta.url}/api/v1/groups`));
		assert.equal((await get(`${okta.url}/api/v1/groups`)).status, 200);
	});

	test('latency is added to every answer', async () => {
		okta.rateLimiter.reset();
		okta.server.latencyMs = 120;
		const started = Date.now();
		await get(`${okta.url}/api/v1/groups`);
		okta.server.latencyMs = 0;
		assert.ok(Date.now() - started >= 115);
	});

	test("auth and method errors in Okta's shape", async () => {
		okta.rateLimiter.reset();
		const noAuth = await call(`${okta.url}/api/v1/groups`);
		assert.equal(noAuth.status, 401);
		assertOktaError(noAuth.body, 'E0000005', 'Invalid session');
		const badToken = await get(`${okta.url}/api/v1/groups`, 'wrong-token');
		assert.equal(badToken.status, 401);
		assertOktaError(badToken.body, 'E0000011', 'Invalid token provided');
		const unknownBearer = await call(`${okta.url}/api/v1/groups`, {
			headers: { Authorization: 'Bearer not-a-token' },
		});
		assert.equal(unknownBearer.status, 401);
		assertOktaError(unknownBearer.body, 'E0000011');
		assert.match(
			unknownBearer.headers.get('www-authenticate') ?? '',
			/^Bearer .*error="invalid_token"/,
		);
		const wrongMethod = await call(`${okta.url}/api/v1/groups`, {
			method: 'DELETE',
			headers: { Authorization: 'SSWS okta-test-token' },
		});
		assert.equal(wrongMethod.status, 405);
		assertOktaError(wrongMethod.body, 'E0000022');
		const unknownPath = await get(`${okta.url}/api/v1/nothing-here`);
		assert.equal(unknownPath.status, 404);
		assertOktaError(unknownPath.body, 'E0000007');
		const malformed = await get(`${okta.url}/api/v1/users/%E0%A4%A`);
		assert.equal(malformed.status, 400, 'a malformed escape is refused, not a crash');
		assert.equal((await get(`${okta.url}/api/v1/groups`)).status, 200);
	});
});
