/**
 * Bounded waits in the Okta client: a `next` link that repeats stops with an
 * error, a far-future `X-Rate-Limit-Reset` cannot hold a request past its
 * time budget, and a cancelled execution stops waiting.
 */
import assert from 'node:assert/strict';

import type { HttpRequest, HttpResponse } from '../../lib/http/types';
import { OktaClient } from '../../lib/okta/OktaClient';

const ORG = 'https://acme.okta.com';

/** A virtual clock: sleeping moves it, nothing really waits. */
function virtualTime() {
	let now = Date.parse('2026-01-01T00:00:00Z');
	return {
		now: () => now,
		sleep: async (ms: number) => {
			now += ms;
		},
		elapsed: (start: number) => now - start,
	};
}

describe('Okta waits and loops are bounded', () => {
	test('a next link that repeats stops with an error instead of looping', async () => {
		let calls = 0;
		const client = new OktaClient({
			orgUrl: ORG,
			request: async (): Promise<HttpResponse> => {
				calls++;
				if (calls > 50) throw new Error('looped');
				return {
					status: 200,
					headers: { link: `<${ORG}/api/v1/users?after=same>; rel="next"` },
					body: [{ id: `u${calls}`, status: 'ACTIVE', profile: {} }],
				};
			},
		});
		await assert.rejects(client.listUsers(), (e: Error) => {
			assert.match(e.message, /same next page/i);
			assert.match(e.message, /after=same/);
			return true;
		});
		assert.equal(calls, 2);
	});

	test('a far-future X-Rate-Limit-Reset fails at the 5-minute budget with the reason', async () => {
		const time = virtualTime();
		const start = time.now();
		let calls = 0;
		const client = new OktaClient({
			orgUrl: ORG,
			request: async (): Promise<HttpResponse> => {
				calls++;
				return {
					status: 429,
					headers: { 'x-rate-limit-reset': String(Math.floor(time.now() / 1000) + 3600) },
					body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit' },
				};
			},
			retry: { sleep: time.sleep, now: time.now },
		});
		await assert.rejects(client.listUsers(), (e: Error) => {
			assert.equal(e.name, 'RequestBudgetError');
			assert.match(e.message, /5 min/);
			assert.match(e.message, /429/);
			return true;
		});
		assert.ok(time.elapsed(start) <= 300_000, `waited ${time.elapsed(start)} ms`);
		assert.ok(calls >= 2);
	});

	test('a smaller budget is honoured, and every attempt carries the deadline', async () => {
		const time = virtualTime();
		const start = time.now();
		const sent: HttpRequest[] = [];
		const client = new OktaClient({
			orgUrl: ORG,
			request: async (request): Promise<HttpResponse> => {
				sent.push(request);
				return { status: 503, headers: {}, body: {} };
			},
			retry: { sleep: time.sleep, now: time.now, budgetMs: 10_000 },
		});
		await assert.rejects(client.listUsers(), /10 s/);
		assert.ok(time.elapsed(start) <= 10_000);
		assert.ok(sent.every((r) => r.deadline === start + 10_000));
	});

	test('a cancelled execution stops waiting at once and sends nothing more', async () => {
		const controller = new AbortController();
		let calls = 0;
		const client = new OktaClient({
			orgUrl: ORG,
			request: async (): Promise<HttpResponse> => {
				calls++;
				return { status: 503, headers: {}, body: {} };
			},
			retry: { signal: controller.signal },
		});
		const started = Date.now();
		setTimeout(() => controller.abort(), 200);
		await assert.rejects(client.listUsers(), (e: Error) => {
			assert.equal(e.name, 'RequestCancelledError');
			return true;
		});
		assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
		const before = calls;
		await new Promise((r) => setTimeout(r, 300));
		assert.equal(calls, before);
	});
});
