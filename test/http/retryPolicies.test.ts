/**
 * Okta and Halo each have their own retry policy (lib/okta/retryPolicy.ts,
 * lib/halo/retryPolicy.ts) over the shared mechanics in lib/http: changing one
 * cannot change the other.
 */
import assert from 'node:assert/strict';

import { HaloClient } from '../../lib/halo/HaloClient';
import { HALO_RETRY_POLICY } from '../../lib/halo/retryPolicy';
import type { HttpResponse } from '../../lib/http/types';
import { OktaClient } from '../../lib/okta/OktaClient';
import { OKTA_RETRY_POLICY } from '../../lib/okta/retryPolicy';

const noWait = { sleep: async () => {} };
const unavailable = async (): Promise<HttpResponse> => ({ status: 503, headers: {}, body: {} });

async function oktaAttempts(): Promise<number> {
	let calls = 0;
	const client = new OktaClient({
		orgUrl: 'https://acme.okta.com',
		request: async () => {
			calls++;
			return unavailable();
		},
		retry: noWait,
	});
	await assert.rejects(client.listUsers());
	return calls;
}

async function haloAttempts(policy?: { maxRetries: number }): Promise<number> {
	let calls = 0;
	const client = new HaloClient({
		baseUrl: 'https://acme.halopsa.com',
		send: async () => {
			calls++;
			return unavailable();
		},
		retry: { ...noWait, policy },
	});
	await assert.rejects(client.listAll('Team'));
	return calls;
}

describe('retry policies per API', () => {
	test('two separate, frozen policies', () => {
		assert.notEqual(OKTA_RETRY_POLICY, HALO_RETRY_POLICY);
		assert.ok(Object.isFrozen(OKTA_RETRY_POLICY));
		assert.ok(Object.isFrozen(HALO_RETRY_POLICY));
		assert.throws(() => {
			(HALO_RETRY_POLICY as { maxRetries: number }).maxRetries = 0;
		});
	});

	test("each client retries by its own policy; overriding Halo's leaves Okta's alone", async () => {
		assert.equal(await oktaAttempts(), OKTA_RETRY_POLICY.maxRetries + 1);
		assert.equal(await haloAttempts(), HALO_RETRY_POLICY.maxRetries + 1);
		assert.equal(await haloAttempts({ maxRetries: 1 }), 2);
		assert.equal(await oktaAttempts(), OKTA_RETRY_POLICY.maxRetries + 1);
	});
});
