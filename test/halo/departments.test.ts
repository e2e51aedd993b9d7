/**
 * A `department` mapping (item 9 of the Halo-shapes work): the value names a
 * Halo department (`Tree`, `GET /api/TopLevel`), the Upsert resolves it and
 * writes a `departments` membership; memberships Halo already has are kept;
 * an unknown name is a warning; a repeat run writes nothing, though Halo's
 * user list carries no memberships (they come from `department_id` reads).
 */
import assert from 'node:assert/strict';

import { HALO_SEED, startHaloEmulator, type HaloEmulator } from '../../emulators/halo';
import type { MappingConfig, OktaUser } from '../../lib/core/types';
import { assertBodiesValid } from './support/bodies';
import { syncUsers } from './support/haloSync';
import { generateOktaUsers } from './support/oktaUsers';

const D = HALO_SEED.departments;
const CONFIG: MappingConfig = {
	user: { fields: [{ halo: 'department', okta: 'profile.department' }], defaultSiteId: 1 },
};

describe('department mapping: resolved to the Halo department by name', () => {
	let halo: HaloEmulator;
	const users: OktaUser[] = generateOktaUsers(4, 5).map((user, i) => ({
		...user,
		status: 'ACTIVE',
		profile: { ...user.profile, department: ['HR', ' it ', 'Finance', 'Nowhere'][i] },
	}));
	const departmentsOf = (oktaId: string) =>
		(halo.store.users.all().find((u) => u.okta_id === oktaId)?.departments ?? [])
			.map((m) => m.department_id)
			.sort();

	beforeAll(async () => {
		halo = await startHaloEmulator({ rateLimit: { max: 100_000, windowMs: 300_000 } });
	});
	afterAll(() => halo.close());

	test('first run: memberships by name, any case; an unknown name warns and writes nothing', async () => {
		const first = await syncUsers(halo, users, { config: CONFIG });
		assertBodiesValid(first.sent);
		assert.deepEqual(departmentsOf(users[0].id), [D.hr]);
		assert.deepEqual(departmentsOf(users[1].id), [D.it]);
		assert.deepEqual(departmentsOf(users[2].id), [D.finance]);
		assert.deepEqual(departmentsOf(users[3].id), []);
		const nowhere = first.run.outcomes.find((o) => o.okta?.id === users[3].id)!;
		assert.deepEqual(nowhere.warnings, [
			'Okta value "Nowhere" for field department matches no Halo department',
		]);
		assert.ok(first.postedRecords.every((record) => !('department' in record)));
	});

	test('repeat run writes nothing; reads: users, departments, and each department’s members once', async () => {
		const start = halo.server.log.length;
		const again = await syncUsers(halo, users, { config: CONFIG });
		assert.equal(again.posts, 0);
		const paths = halo.server.log
			.slice(start)
			.filter((e) => e.method === 'GET' && /^\/api\//i.test(e.path) && !/authinfo/i.test(e.path))
			.map((e) => e.path);
		assert.deepEqual(
			paths.map((p) => p.replace(/^\/api\//i, '')),
			['TopLevel', 'Users', ...Array(4).fill('Users')],
		);
	});

	test('a moved person gains the new department; memberships made in Halo stay', async () => {
		const moved = users.map((user, i) =>
			i === 0 ? { ...user, profile: { ...user.profile, department: 'Finance' } } : user,
		);
		const run = await syncUsers(halo, moved, { config: CONFIG });
		assert.equal(run.posts, 1);
		assert.deepEqual(run.postedRecords.length, 1);
		assert.deepEqual(departmentsOf(users[0].id), [D.hr, D.finance].sort());
		const again = await syncUsers(halo, moved, { config: CONFIG });
		assert.equal(again.posts, 0);
	});
});
