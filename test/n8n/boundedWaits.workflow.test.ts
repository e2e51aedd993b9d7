/**
 * Bounded waits in n8n's engine: a rate-limit storm with a far-future
 * `X-Rate-Limit-Reset` ends at the node's Request Time Budget with the reason,
 * and a stopped execution stops waiting (n8n's cancel signal).
 */
import assert from 'node:assert/strict';

import type { Emulators } from '../helpers/emulators';
import { startEmulators } from '../helpers/emulators';
import { runWorkflow } from '../helpers/n8nEngine';
import { LIST, scheduledList } from '../nodes/OktaListUsersAndGroups/workflow';

describe('bounded waits (n8n engine)', () => {
	let emulators: Emulators;
	beforeAll(async () => {
		emulators = await startEmulators({ okta: { org: { users: 5, groups: 2, apps: 1, seed: 1 } } });
	});
	afterAll(async () => emulators?.close());
	beforeEach(() => {
		emulators.okta.server.clearFaults();
		emulators.clearLogs();
	});

	/** Every user listing is answered 429 with an X-Rate-Limit-Reset 15 minutes away. */
	async function assertRateLimitStorm() {
		emulators.okta.server.addFault({
			match: (req) => req.path === '/api/v1/users',
			answer: {
				status: 429,
				headers: { 'X-Rate-Limit-Reset': String(Math.floor(Date.now() / 1000) + 15 * 60) },
				body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit' },
			},
			times: 1000,
		});
		const answer = await fetch(`${emulators.okta.url}/api/v1/users`, {
			headers: { Authorization: 'SSWS okta-test-token' },
		});
		assert.equal(answer.status, 429);
		const reset = Number(answer.headers.get('x-rate-limit-reset')) * 1000;
		assert.ok(reset - Date.now() > 14 * 60_000, `resets in ${reset - Date.now()} ms`);
		emulators.clearLogs();
	}

	test('the Request Time Budget option ends a 15-minute rate-limit wait with the reason', async () => {
		await assertRateLimitStorm();
		const started = Date.now();
		const result = await runWorkflow(
			scheduledList({
				authentication: 'apiToken',
				resource: 'users',
				returnAll: true,
				options: { requestTimeBudget: 2 },
			}),
			{ credentials: emulators.credentials() },
		);
		assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
		assert.equal(result.status, 'error');
		assert.match(result.nodeErrors[LIST].message, /time budget of 2 s.*HTTP 429/);
	}, 30_000);

	test('a stopped execution stops waiting and sends nothing more', async () => {
		await assertRateLimitStorm();
		const started = Date.now();
		const result = await runWorkflow(
			scheduledList({ authentication: 'apiToken', resource: 'users', returnAll: true }),
			{ credentials: emulators.credentials(), cancelAfterMs: 500 },
		);
		const took = Date.now() - started;
		assert.ok(took < 5_000, `took ${took} ms`);
		assert.equal(result.status, 'canceled');
		const sent = emulators.okta.server.log.length;
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		assert.equal(emulators.okta.server.log.length, sent);
	}, 30_000);
});
