/**
 * A small run's search (lib/halo/lookup.ts) finds people by their current
 * Okta values only. Someone established in Okta whose email changed is not
 * found that way when Halo's search does not index the Okta id (the
 * emulator's does not), so the Upsert reads every page before creating them:
 * they are updated, never created twice. A new starter stays cheap.
 */
import assert from 'node:assert/strict';

import { startHaloEmulator } from '../../emulators/halo';
import type { HaloEmulator } from '../../emulators/halo';
import type { OktaUser } from '../../lib/core/types';
import { fillHalo } from '../helpers/bigHalo';
import { syncUsers } from './support/haloSync';

const DAY = 86_400_000;

function oktaUser(id: string, email: string, createdDaysAgo: number): OktaUser {
	return {
		id,
		status: 'ACTIVE',
		created: new Date(Date.now() - createdDaysAgo * DAY).toISOString(),
		profile: { firstName: 'Sam', lastName: 'Rivers', email, login: email },
		groups: [],
	} as unknown as OktaUser;
}

describe('runUpsert: a small run on a large Halo', () => {
	let halo: HaloEmulator;
	beforeEach(async () => {
		halo = await startHaloEmulator({ rateLimit: { max: 100_000, windowMs: 300_000 } });
		fillHalo(halo, { users: 2_000, tickets: 0 });
	});
	afterEach(async () => await halo.close());

	test('someone established in Okta whose email changed is updated from a full read, not created again', async () => {
		const before = halo.store.users.all().length;
		const renamed = oktaUser('00uexisting00000042', 'sam.rivers@example.org', 400);
		const result = await syncUsers(halo, [renamed]);
		assert.equal(result.run.outcomes[0].action, 'updated');
		assert.equal(halo.store.users.all().length, before);
		const record = halo.store.users
			.all()
			.find((u) => (u as Record<string, unknown>).oktaid === '00uexisting00000042');
		assert.equal((record as Record<string, unknown>).emailaddress, 'sam.rivers@example.org');
		// Page 1, the searches, then every page: the price of never creating them twice.
		assert.ok(result.reads > 20, `${result.reads} reads`);
	});

	test('a new starter is searched, not read page by page, and created once', async () => {
		const before = halo.store.users.all().length;
		const starter = oktaUser('00unewstarter0001', 'new.starter@example.com', 0);
		const result = await syncUsers(halo, [starter]);
		assert.equal(result.run.outcomes[0].action, 'created');
		assert.equal(halo.store.users.all().length, before + 1);
		// Page 1 and one search per look-up term (Okta id, email): no further page.
		assert.ok(result.reads <= 4, `${result.reads} reads`);
	});
});
