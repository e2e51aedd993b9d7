/**
 * Two n8n processes (queue-mode workers) creating the same new starter in the
 * same instant: the in-process person lock does not reach across processes,
 * so each loads its own copy of lib/halo/upsert.ts here (jest.isolateModules:
 * its own lock). Halo numbers records in save order; the run whose record came
 * second deletes it and points at the first (docs/concurrency.md).
 */
import assert from 'node:assert/strict';

import { startHaloEmulator } from '../../emulators/halo';
import type { HaloEmulator } from '../../emulators/halo';
import { mapOktaUser } from '../../lib/core/mapUser';
import type { OktaUser } from '../../lib/core/types';
import type * as UpsertModule from '../../lib/halo/upsert';
import { fillHalo } from '../helpers/bigHalo';
import { emulatorClient } from './support/emulatorClient';
import { resolved } from './support/haloSync';

function loadUpsert(): typeof UpsertModule {
	let loaded: typeof UpsertModule | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = require('../../lib/halo/upsert') as typeof UpsertModule;
	});
	return loaded!;
}

function starter(i: number): OktaUser {
	const email = `twin.starter${i}@example.com`;
	return {
		id: `00utwin${i}`,
		status: 'ACTIVE',
		created: new Date().toISOString(),
		profile: { firstName: 'Twin', lastName: `Starter ${i}`, email, login: email },
		groups: [],
	} as unknown as OktaUser;
}

describe('runUpsert in two processes at once', () => {
	let halo: HaloEmulator;
	beforeEach(async () => {
		halo = await startHaloEmulator({ rateLimit: { max: 100_000, windowMs: 300_000 } });
		fillHalo(halo, { users: 2_000, tickets: 0 });
	});
	afterEach(async () => await halo.close());

	test('the same 6 new starters created by both: one Halo user each, one "created" item each', async () => {
		// Slow enough that both processes read Halo before either writes.
		halo.server.latencyMs = 100;
		const config = resolved();
		const inputs = Array.from({ length: 6 }, (_, i) => ({
			index: i,
			item: mapOktaUser(starter(i), 'user', config),
		}));
		const options = { matchOn: { user: config.user.matchOn, agent: config.agent.matchOn } };
		const [first, second] = [loadUpsert(), loadUpsert()];
		assert.notEqual(first, second, 'two module copies, two locks');
		const before = halo.store.users.all().length;
		const runs = await Promise.all([
			first.runUpsert(emulatorClient(halo), inputs, options),
			second.runUpsert(emulatorClient(halo), inputs, options),
		]);

		for (let i = 0; i < 6; i++) {
			const records = halo.store.users.all().filter((u) => u.oktaid === `00utwin${i}`);
			assert.equal(records.length, 1, `one Halo user for starter ${i}`);
			const outcomes = runs.map((run) => run.outcomes[i]);
			assert.deepEqual(
				outcomes.map((o) => o.haloId),
				[records[0].id, records[0].id],
				'both runs point at the kept record',
			);
			assert.equal(
				outcomes.filter((o) => o.action === 'created').length,
				1,
				'only one run reports it created (so only one onboarding ticket)',
			);
		}
		assert.equal(halo.store.users.all().length, before + 6);
	});
});
