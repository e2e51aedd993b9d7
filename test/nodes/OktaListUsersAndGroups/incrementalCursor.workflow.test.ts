/**
 * The incremental cursor moves only when the run's Halo writes succeeded. n8n
 * saves workflow static data even when an execution fails, so a List node that
 * moved its `lastUpdated` cursor before the writes would make the next run
 * start after the leavers of a failed run. examples/okta-halo-incremental-sync.json
 * in n8n's engine: a good run, 8 leavers (under the guard), a run that fails on Halo (the write
 * refused), then a good run: every leaver of the failed window is deactivated.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { Emulators } from '../../helpers/emulators';
import { startEmulators } from '../../helpers/emulators';
import { PACKAGE_DIR, runWorkflow } from '../../helpers/n8nEngine';

describe('incremental cursor (n8n engine)', () => {
	let emulators: Emulators;
	beforeAll(async () => {
		emulators = await startEmulators({
			okta: { org: { users: 40, groups: 10, apps: 1, seed: 5 } },
			halo: { rateLimit: { max: 100_000, windowMs: 300_000 } },
		});
	});
	afterAll(async () => emulators?.close());

	test('a failed run keeps its window: the next good run applies every change of it', async () => {
		const workflow = JSON.parse(
			readFileSync(path.join(PACKAGE_DIR, 'examples', 'okta-halo-incremental-sync.json'), 'utf8'),
		) as IDataObject;
		const credentials = emulators.credentials();
		const staticData: IDataObject = {};
		const first = await runWorkflow(workflow, { credentials, staticData });
		assert.equal(first.status, 'success', String(first.error));

		const okta = emulators.okta.store;
		const halo = emulators.halo.store;
		const activeInHalo = (oktaId: string) =>
			halo.users.all().some((u) => u.oktaid === oktaId && u.inactive !== true);
		const leavers = okta.users
			.filter((u) => u.status === 'ACTIVE' && activeInHalo(u.id))
			.slice(0, 8);
		assert.equal(leavers.length, 8);
		// The leavers left five minutes ago; someone else changed just now, so the failed run's
		// cursor (latest change minus one minute of overlap) lies after the leavers.
		const realNow = okta.now.bind(okta);
		okta.now = () => Date.now() - 5 * 60_000;
		for (const leaver of leavers) okta.updateUser(leaver.id, { status: 'SUSPENDED' });
		okta.now = realNow;
		const other = okta.users.find((u) => u.status === 'ACTIVE' && !leavers.includes(u))!;
		okta.updateUser(other.id, { profile: { title: 'Changed just now' } });

		emulators.halo.server.addFault({
			match: (req) => /^\/api\/users$/i.test(req.path) && req.method === 'POST',
			answer: {
				status: 400,
				body: { ClassName: 'HaloException', Message: 'Refused for the test' },
			},
			times: 1,
		});
		const failed = await runWorkflow(workflow, { credentials, staticData });
		assert.equal(failed.status, 'error');
		assert.equal(
			leavers.filter((l) => activeInHalo(l.id)).length,
			8,
			'the failed run wrote nothing',
		);

		emulators.halo.server.clearFaults();
		const good = await runWorkflow(workflow, { credentials, staticData });
		assert.equal(good.status, 'success', String(good.error));
		assert.deepEqual(
			leavers.filter((l) => activeInHalo(l.id)).map((l) => l.profile.login),
			[],
			'every leaver of the failed window is deactivated',
		);
	});
});
