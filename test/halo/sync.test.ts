/**
 * The full user sync against the Halo emulator with 10,000 generated Okta
 * users: call counts, idempotence, exact change sets, adoption by email,
 * recovery after a dropped connection, dry run and the deactivation guard.
 */
import assert from 'node:assert/strict';

import { startHaloEmulator } from '../../emulators/halo';
import type { HaloEmulator } from '../../emulators/halo';
import type { OktaStatus, OktaUser } from '../../lib/core/types';
import { HaloConnectionError } from '../../lib/halo/HaloConnectionError';
import { UpsertGuardError } from '../../lib/halo/UpsertGuardError';
import { GROUPS, generateOktaUsers } from './support/oktaUsers';
import { syncUsers } from './support/haloSync';
import type { SyncResult } from './support/haloSync';
import { assertBodiesValid } from './support/bodies';

const ACTIVE = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY']);
const BATCH = 50;
const PAGE = 100;
const NO_RATE_LIMIT = { max: 1_000_000, windowMs: 300_000 };

function clone<T>(value: T): T {
	return structuredClone(value);
}

function haloUsersByOktaId(halo: HaloEmulator) {
	const map = new Map<string, Array<Record<string, unknown>>>();
	for (const user of halo.store.users.all() as Array<Record<string, unknown>>) {
		const key = String(user.oktaid ?? '');
		if (!key) continue;
		map.set(key, [...(map.get(key) ?? []), user]);
	}
	return map;
}

/** Every active Okta user has exactly one Halo user with its name, email and site; every other one is absent or inactive. */
function assertHaloMatches(halo: HaloEmulator, users: readonly OktaUser[]) {
	const byOktaId = haloUsersByOktaId(halo);
	for (const user of users) {
		const found = byOktaId.get(user.id) ?? [];
		assert.ok(found.length <= 1, `duplicate Halo users for ${user.id}`);
		const record = found[0];
		if (!ACTIVE.has(user.status)) {
			assert.ok(
				!record || record.inactive === true,
				`${user.id} (${user.status}) must not be active in Halo`,
			);
			continue;
		}
		assert.ok(record, `active Okta user ${user.id} missing in Halo`);
		assert.equal(record.inactive, false);
		assert.equal(record.name, `${user.profile.firstName} ${user.profile.lastName}`);
		assert.equal(
			String(record.emailaddress).toLowerCase(),
			String(user.profile.email).toLowerCase(),
		);
		const site =
			GROUPS.slice(0, 3).findIndex((g) => user.groups?.some((ug) => ug.name === g.name)) + 1;
		assert.equal(record.site_id, site, `${user.id} site`);
	}
}

describe('user sync, 10,000 Okta users', () => {
	let halo: HaloEmulator;
	const users = generateOktaUsers(10_000);
	const activeCount = users.filter((u) => ACTIVE.has(u.status)).length;
	const runs: SyncResult[] = [];

	beforeAll(async () => {
		halo = await startHaloEmulator({ rateLimit: NO_RATE_LIMIT });
	});
	afterAll(() => halo.close());

	test('run 1 creates exactly the active users within the call budget', async () => {
		const result = await syncUsers(halo, users, { batchSize: BATCH, pageSize: PAGE });
		runs.push(result);
		const { counts } = result.run.summary;
		assert.equal(counts.created, activeCount);
		assert.equal(counts.skipped, users.length - activeCount);
		assert.equal(counts.failed, 0);
		const pageReads = result.sent.filter(
			(r) => r.method === 'GET' && /\/api\/Users$/.test(r.url),
		).length;
		const budget = pageReads + Math.ceil(activeCount / BATCH) + 5;
		assert.ok(result.calls <= budget, `calls ${result.calls} > budget ${budget}`);
		assert.equal(result.posts, Math.ceil(activeCount / BATCH));
		assertHaloMatches(halo, users);
		// Output: one item per input, in order, with the new Halo id on creates.
		assert.equal(result.run.outcomes.length, users.length);
		result.run.outcomes.forEach((o, i) => assert.equal(o.index, i));
		assert.ok(
			result.run.outcomes
				.filter((o) => o.action === 'created')
				.every((o) => typeof o.haloId === 'number'),
		);
		assertBodiesValid(result.sent);
	});

	test('run 2 writes nothing', async () => {
		const result = await syncUsers(halo, users, { batchSize: BATCH, pageSize: PAGE });
		runs.push(result);
		assert.equal(result.posts, 0);
		assert.equal(result.run.summary.counts.unchanged, activeCount);
		assert.equal(result.reads, Math.ceil(activeCount / PAGE) + 1 /* authinfo */);
	});

	test('run 3 writes exactly the 20 users that changed (status, name, group → site)', async () => {
		const changed = clone(users);
		const touched = new Set<string>();
		const activeUsers = changed.filter((u) => u.status === 'ACTIVE');
		for (const user of activeUsers.slice(0, 7)) {
			user.status = 'SUSPENDED';
			touched.add(user.id);
		}
		for (const user of activeUsers.slice(7, 14)) {
			user.profile.lastName = `${user.profile.lastName}-Smith`;
			touched.add(user.id);
		}
		for (const user of activeUsers.slice(14, 20)) {
			const siteGroup = GROUPS.findIndex((g) => user.groups![0].id === g.id);
			user.groups = [GROUPS[(siteGroup + 1) % 3], ...user.groups!.slice(1)];
			touched.add(user.id);
		}
		const result = await syncUsers(halo, changed, { batchSize: BATCH, pageSize: PAGE });
		runs.push(result);
		const written = new Set(
			result.postedRecords.map((r) => String(halo.store.users.get(r.id)?.oktaid)),
		);
		assert.deepEqual([...written].sort(), [...touched].sort());
		assert.equal(result.postedRecords.length, 20);
		assert.equal(result.posts, 1);
		assert.equal(result.run.summary.counts.deactivated, 7);
		assert.equal(result.run.summary.counts.updated, 13);
		assertHaloMatches(halo, changed);
		assertBodiesValid(result.sent);
	});

	afterAll(() => {
		const line = runs
			.map((r, i) => `run ${i + 1}: ${r.calls} calls (${r.reads} reads, ${r.posts} POSTs)`)
			.join('; ');
		process.stdout.write(`# Halo call counts — ${line}\n`);
	});
});

describe('adoption, recovery, dry run, guard', () => {
	test('an existing Halo user whose email differs only in case is adopted, not duplicated', async () => {
		const users = generateOktaUsers(30, 11).map((u) => ({ ...u, status: 'ACTIVE' as OktaStatus }));
		const target = users[4];
		const halo = await startHaloEmulator({
			rateLimit: NO_RATE_LIMIT,
			seed: {
				users: [
					{
						id: 500,
						name: 'Old Name',
						site_id: 1,
						emailaddress: String(target.profile.email).toUpperCase(),
						inactive: false,
						roles: [],
					},
				],
			},
		});
		try {
			const result = await syncUsers(halo, users);
			assert.equal(result.run.summary.counts.created, 29);
			assert.equal(result.run.outcomes[4].action, 'updated');
			assert.equal(result.run.outcomes[4].haloId, 500);
			const same = halo.store.users
				.all()
				.filter(
					(u) =>
						String(u.emailaddress).toLowerCase() === String(target.profile.email).toLowerCase(),
				);
			assert.equal(same.length, 1);
			assert.equal(same[0].oktaid, target.id);
			assert.equal(same[0].id, 500);
			assertBodiesValid(result.sent);
		} finally {
			await halo.close();
		}
	});

	test('a connection dropped after K writes: the rerun ends with no duplicate and the full state', async () => {
		const users = generateOktaUsers(1_000, 5);
		const halo = await startHaloEmulator({ rateLimit: NO_RATE_LIMIT });
		try {
			const K = 3;
			halo.server.addFault({
				match: (r) => r.method === 'POST' && /\/api\/users$/i.test(r.path),
				drop: 'after',
				skip: K,
			});
			await assert.rejects(syncUsers(halo, users, { batchSize: BATCH }), (e: unknown) => {
				assert.ok(e instanceof HaloConnectionError, String(e));
				return true;
			});
			// The dropped batch was applied by Halo but never retried: K + 1 batches exist.
			const posts = halo.server.log.filter((e) => e.method === 'POST' && /^\/api\//i.test(e.path));
			assert.equal(posts.length, K + 1);
			assert.equal(halo.store.users.all().length, (K + 1) * BATCH);

			const rerun = await syncUsers(halo, users, { batchSize: BATCH });
			assert.equal(rerun.run.summary.counts.unchanged, (K + 1) * BATCH);
			assertHaloMatches(halo, users);
			assert.equal(halo.store.users.all().length, users.filter((u) => ACTIVE.has(u.status)).length);
			assertBodiesValid(rerun.sent);
		} finally {
			await halo.close();
		}
	});

	test('dry run plans and writes nothing', async () => {
		const users = generateOktaUsers(200, 3);
		const halo = await startHaloEmulator({ rateLimit: NO_RATE_LIMIT });
		try {
			const result = await syncUsers(halo, users, { dryRun: true });
			assert.equal(result.posts, 0);
			assert.equal(halo.store.users.all().length, 0);
			assert.equal(result.run.summary.dryRun, true);
			assert.equal(
				result.run.summary.counts.created,
				users.filter((u) => ACTIVE.has(u.status)).length,
			);
		} finally {
			await halo.close();
		}
	});

	test('the guard stops a run that would deactivate 30 % of users, before any write', async () => {
		const users = generateOktaUsers(300, 9).map((u) => ({ ...u, status: 'ACTIVE' as OktaStatus }));
		const halo = await startHaloEmulator({ rateLimit: NO_RATE_LIMIT });
		try {
			await syncUsers(halo, users);
			const leaving = clone(users);
			for (let i = 0; i < 90; i++) leaving[i * 3].status = 'DEPROVISIONED';
			const start = halo.server.log.length;
			await assert.rejects(syncUsers(halo, leaving), (e: unknown) => {
				assert.ok(e instanceof UpsertGuardError);
				assert.match(e.message, /deactivate 90 of 300 active Okta-managed Halo users \(30 %\)/);
				return true;
			});
			assert.equal(
				halo.server.log.slice(start).filter((e) => e.method === 'POST' && /^\/api\//i.test(e.path))
					.length,
				0,
			);
			assert.equal(halo.store.users.all().filter((u) => u.inactive).length, 0);
			// With the guard overridden the same run goes through.
			const forced = await syncUsers(halo, leaving, { guard: false });
			assert.equal(forced.run.summary.counts.deactivated, 90);
		} finally {
			await halo.close();
		}
	});
});
