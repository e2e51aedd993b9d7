import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	generateOrg,
	OktaStore,
	startOktaEmulator,
	type OktaFixture,
} from '../../../emulators/okta';
import { get, readAll } from './http';

describe('Okta emulator: generated org and store', () => {
	test('10,000 users generate and serve quickly; every page is read in well under a second', async () => {
		// CPU time of this process (emulator and client both run here), not wall time:
		// other processes on a shared machine do not move it.
		const cpuMs = (since: NodeJS.CpuUsage) => {
			const used = process.cpuUsage(since);
			return (used.user + used.system) / 1000;
		};
		const started = process.cpuUsage();
		const okta = await startOktaEmulator({ org: { users: 10_000, groups: 50, apps: 5, seed: 42 } });
		const startMs = cpuMs(started);
		try {
			assert.equal(okta.store.users.length, 10_000);
			assert.equal(okta.store.groups.length, 51);
			const listStarted = process.cpuUsage();
			const { items, requests } = await readAll(`${okta.url}/api/v1/users`);
			const listMs = cpuMs(listStarted);
			assert.equal(
				items.length,
				okta.store.users.filter((user) => user.status !== 'DEPROVISIONED').length,
			);
			assert.equal(requests, Math.ceil(items.length / 200));
			// Typical figures are ~0.5 s of CPU to start and ~1 s to list.
			assert.ok(startMs < 5000, `start took ${startMs} ms of CPU`);
			assert.ok(listMs < 10_000, `listing took ${listMs} ms of CPU`);
		} finally {
			await okta.close();
		}
	});

	test('the same seed gives the same org; another seed another', () => {
		const a = generateOrg({ users: 300, groups: 10, seed: 7 });
		const b = generateOrg({ users: 300, groups: 10, seed: 7 });
		const c = generateOrg({ users: 300, groups: 10, seed: 8 });
		assert.deepEqual(a.users, b.users);
		assert.deepEqual([...a.memberships], [...b.memberships]);
		assert.deepEqual(a.groups, b.groups);
		assert.notDeepEqual(
			a.users.map((user) => user.id),
			c.users.map((user) => user.id),
		);
	});

	test('status mix: mostly ACTIVE, every other lifecycle state present; fields agree with the status', () => {
		const { users } = generateOrg({ users: 10_000, groups: 5, seed: 3 });
		const counts = new Map<string, number>();
		for (const user of users) counts.set(user.status, (counts.get(user.status) ?? 0) + 1);
		assert.ok(
			counts.get('ACTIVE')! > 7000 && counts.get('ACTIVE')! < 9000,
			String(counts.get('ACTIVE')),
		);
		for (const status of [
			'SUSPENDED',
			'DEPROVISIONED',
			'PASSWORD_EXPIRED',
			'LOCKED_OUT',
			'STAGED',
			'PROVISIONED',
			'RECOVERY',
		]) {
			assert.ok((counts.get(status) ?? 0) > 0, status);
		}
		for (const user of users) {
			if (user.status === 'STAGED')
				assert.deepEqual(
					[user.activated, user.passwordChanged, user.lastLogin, user.credentials.password],
					[null, null, null, undefined],
				);
			if (user.status === 'PROVISIONED') assert.ok(user.activated && !user.credentials.password);
			if (user.status === 'ACTIVE')
				assert.ok(user.activated && user.passwordChanged && user.credentials.password);
			assert.ok(user.lastUpdated >= user.created);
		}
	});

	test("ids, logins and profiles look like Okta's; logins are unique", () => {
		const { users, groups, apps } = generateOrg({ users: 3000, groups: 20, apps: 12, seed: 1 });
		assert.ok(users.every((user) => /^00u[0-9A-Za-z]{17}$/.test(user.id)));
		assert.ok(groups.every((group) => /^00g[0-9A-Za-z]{17}$/.test(group.id)));
		assert.ok(apps.every((app) => /^0oa[0-9A-Za-z]{17}$/.test(app.id)));
		assert.equal(new Set(users.map((user) => user.profile.login.toLowerCase())).size, users.length);
		const sample = users[0].profile;
		for (const field of [
			'firstName',
			'lastName',
			'email',
			'login',
			'title',
			'department',
			'mobilePhone',
			'primaryPhone',
			'city',
			'employeeNumber',
		]) {
			assert.ok(field in sample, field);
		}
		assert.ok(
			users.every(
				(user) =>
					user.profile.email === user.profile.login &&
					/^[a-z.]+\d*@example\.com$/.test(user.profile.login),
			),
		);
		assert.ok(new Set(users.map((user) => user.profile.department)).size >= 10);
		assert.ok(
			users.filter((user) => user.profile.mobilePhone === null).length > 0,
			'some users have no mobile',
		);
		assert.ok(
			users.some((user) => user.created < '2020-01-01') &&
				users.every((user) => user.lastUpdated < '2026-01-01'),
		);
	});

	test('memberships: every group has members, users sit in several groups, Everyone holds all; apps have users', () => {
		for (const [users, groupCount] of [
			[1000, 50],
			[40, 60],
			[5000, 3],
		] as const) {
			const store = new OktaStore(generateOrg({ users, groups: groupCount, apps: 3, seed: users }));
			for (const group of store.groups)
				assert.ok(
					store.memberIdsOf(group.id).length > 0,
					`${group.profile.name} of ${users}/${groupCount}`,
				);
			const everyone = store.groupByName('Everyone')!;
			assert.equal(store.memberIdsOf(everyone.id).length, users);
			for (const user of store.users)
				assert.ok(
					store.groupsOf(user.id).length >= 3,
					`${user.profile.login} is in Everyone and two more`,
				);
			for (const app of store.apps) {
				const assigned = store.appUsersOf(app.id);
				assert.ok(assigned.length > 0);
				assert.ok(
					assigned.every((assignment) => store.user(assignment.id)!.status !== 'DEPROVISIONED'),
				);
			}
		}
		const departmentGroup = new OktaStore(generateOrg({ users: 500, groups: 12, seed: 2 }));
		const engineering = departmentGroup.groupByName('Engineering')!;
		assert.ok(
			departmentGroup
				.membersOf(engineering.id)
				.every((user) => user.profile.department === 'Engineering'),
		);
	});

	test('store helpers: membership changes bump lastMembershipUpdated; deactivation removes app assignments', () => {
		const store = new OktaStore(generateOrg({ users: 200, groups: 5, apps: 2, seed: 6 }));
		const group = store.groups.find((candidate) => candidate.type === 'OKTA_GROUP')!;
		const outsider = store.users.find((user) => !store.memberIdsOf(group.id).includes(user.id))!;
		const before = group.lastMembershipUpdated;
		store.addMember(group.id, outsider.profile.login);
		assert.ok(store.memberIdsOf(group.id).includes(outsider.id));
		assert.ok(group.lastMembershipUpdated > before);
		assert.ok(store.groupsOf(outsider.id).some((candidate) => candidate.id === group.id));
		store.removeMember(group.id, outsider.id);
		assert.ok(!store.memberIdsOf(group.id).includes(outsider.id));

		const app = store.apps[0];
		const assigned = store.assignApp(app.id, outsider.id);
		assert.equal(assigned.credentials.userName, outsider.profile.login);
		const stamp = outsider.lastUpdated;
		store.updateUser(outsider.id, { status: 'DEPROVISIONED' });
		assert.ok(!store.appUsersOf(app.id).some((assignment) => assignment.id === outsider.id));
		assert.ok(outsider.lastUpdated > stamp);
		store.updateUser(outsider.id, { profile: { login: 'renamed.person@example.com' } });
		assert.equal(store.user('RENAMED.PERSON@example.com')?.id, outsider.id);
		assert.throws(
			() => store.createUser({ email: 'renamed.person@example.com' }),
			/already exists/,
		);
		const created = store.createGroup('Halo Agents', 'People who work tickets');
		assert.equal(store.groupByName('Halo Agents')?.id, created.id);
	});

	test('a fixture (object or JSON file) defines the org instead', async () => {
		const fixture: OktaFixture = {
			users: [
				{ profile: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' } },
				{
					profile: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' },
					status: 'SUSPENDED',
				},
				{
					id: '00uFixedId0000000001',
					profile: {
						firstName: 'Alan',
						lastName: 'Turing',
						email: 'alan@example.com',
						login: 'alan' + '@example.com',
					},
					status: 'DEPROVISIONED',
				},
			],
			groups: [
				{ name: 'Service Desk Agents', members: ['ada@example.com', '00uFixedId0000000001'] },
			],
			apps: [{ label: 'Halo', users: ['grace@example.com'] }],
		};
		const folder = mkdtempSync(join(tmpdir(), 'okta-fixture-'));
		const path = join(folder, 'org.json');
		writeFileSync(path, JSON.stringify(fixture));
		const okta = await startOktaEmulator({ fixture: path });
		try {
			assert.equal(okta.store.users.length, 3);
			const listed = (
				await get<Array<{ profile: { login: string } }>>(`${okta.url}/api/v1/users`)
			).body
				.map((user) => user.profile.login)
				.sort();
			assert.deepEqual(listed, ['ada@example.com', 'grace@example.com']);
			const agents = okta.store.groupByName('Service Desk Agents')!;
			assert.deepEqual(
				okta.store
					.membersOf(agents.id)
					.map((user) => user.profile.firstName)
					.sort(),
				['Ada', 'Alan'],
			);
			assert.equal(okta.store.user('00uFixedId0000000001')?.status, 'DEPROVISIONED');
			assert.equal(
				okta.store.appUsersOf(okta.store.apps[0].id)[0].credentials.userName,
				'grace@example.com',
			);
			assert.equal(okta.store.groups.length, 2, 'plus Everyone');
		} finally {
			await okta.close();
			rmSync(folder, { recursive: true, force: true });
		}
	});
});
