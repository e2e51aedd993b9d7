import assert from 'node:assert/strict';

import { startOktaEmulator, type OktaEmulator } from '../../../emulators/okta';
import { get, nextLink, readAll, withQuery } from './http';

interface Group {
	id: string;
	type: string;
	lastUpdated: string;
	profile: { name: string; description: string | null };
	_embedded?: { stats: { usersCount: number } };
	_links: { users: { href: string } };
}
interface AppUser {
	id: string;
	scope: string;
	status: string;
	credentials: { userName: string };
	_links: { app: { href: string }; user: { href: string } };
	_embedded?: { user: { id: string; profile: { login: string } } };
}

describe('Okta emulator: groups, members, apps, app users', () => {
	let okta: OktaEmulator;
	let groups: string;

	beforeAll(async () => {
		okta = await startOktaEmulator({ org: { users: 2500, groups: 30, apps: 4, seed: 5 } });
		groups = `${okta.url}/api/v1/groups`;
	});
	afterAll(() => okta.close());

	test('every group, Everyone included, pages with limit and absolute next links', async () => {
		const { items, requests } = await readAll<Group>(withQuery(groups, { limit: 7 }));
		assert.deepEqual(
			items.map((group) => group.id),
			okta.store.groups.map((group) => group.id),
		);
		assert.equal(items.length, 31);
		assert.equal(requests, Math.ceil(31 / 7));
		assert.equal(
			items
				.filter((group) => group.type === 'BUILT_IN')
				.map((group) => group.profile.name)
				.join(),
			'Everyone',
		);
		const plain = await get<Group[]>(groups);
		assert.equal(plain.body.length, 31, 'the default limit holds a whole small org');
		assert.equal(nextLink(plain.headers), undefined);
		assert.equal(
			plain.body[0]._links.users.href,
			`${okta.url}/api/v1/groups/${plain.body[0].id}/users`,
		);
	});

	test('q (name prefix, no paging), search (case-insensitive, co on name), filter (type, dates)', async () => {
		const byQ = await get<Group[]>(withQuery(groups, { q: 'office' }));
		assert.deepEqual(
			byQ.body.map((group) => group.profile.name).sort(),
			okta.store.groups
				.filter((group) => group.profile.name.toLowerCase().startsWith('office'))
				.map((group) => group.profile.name)
				.sort(),
		);
		assert.ok(byQ.body.length > 0);
		const contains = await readAll<Group>(withQuery(groups, { search: 'profile.name co "desk"' }));
		assert.deepEqual(contains.items.map((group) => group.profile.name).sort(), [
			'Service Desk Admins',
			'Service Desk Agents',
		]);
		const builtIn = await readAll<Group>(withQuery(groups, { filter: 'type eq "BUILT_IN"' }));
		assert.deepEqual(
			builtIn.items.map((group) => group.profile.name),
			['Everyone'],
		);
		const cutoff = okta.store.groups[5].lastUpdated;
		const recent = await readAll<Group>(
			withQuery(groups, { filter: `type eq "OKTA_GROUP" and lastUpdated ge "${cutoff}"` }),
		);
		assert.deepEqual(
			recent.items.map((group) => group.id),
			okta.store.groups
				.filter((group) => group.type === 'OKTA_GROUP' && group.lastUpdated >= cutoff)
				.map((group) => group.id),
		);
		const refused = await get<{ errorCode: string }>(
			withQuery(groups, { filter: 'profile.name eq "Sales"' }),
		);
		assert.equal(refused.status, 400);
		assert.equal(refused.body.errorCode, 'E0000031');
	});

	test('expand=stats gives each group its member count', async () => {
		const answer = await get<Group[]>(withQuery(groups, { expand: 'stats' }));
		for (const group of answer.body)
			assert.equal(group._embedded?.stats.usersCount, okta.store.memberIdsOf(group.id).length);
	});

	test('members: limit capped at 1000, sorted by id, every group has members, users sit in several groups', async () => {
		const everyone = okta.store.groupByName('Everyone')!;
		const { items, pageSizes } = await readAll<{
			id: string;
			status: string;
			_links: { self: { href: string } };
		}>(`${groups}/${everyone.id}/users?limit=5000`);
		assert.deepEqual(pageSizes, [1000, 1000, 500]);
		assert.deepEqual(
			items.map((user) => user.id),
			okta.store.users.map((user) => user.id),
		);
		assert.ok(
			items.some((user) => user.status === 'DEPROVISIONED'),
			'deactivated users stay members',
		);
		assert.deepEqual(Object.keys(items[0]._links), ['self']);

		for (const group of okta.store.groups) {
			const members = await readAll<{ id: string }>(`${groups}/${group.id}/users`);
			assert.ok(members.items.length > 0, `${group.profile.name} has members`);
			assert.deepEqual(
				members.items.map((user) => user.id),
				[...okta.store.memberIdsOf(group.id)],
			);
		}
		for (const user of okta.store.users) {
			assert.ok(
				okta.store.groupsOf(user.id).filter((group) => group.type === 'OKTA_GROUP').length >= 2,
				user.profile.login,
			);
		}
	});

	test('one group; unknown group 404 E0000007', async () => {
		const group = okta.store.groups[2];
		assert.equal((await get<Group>(`${groups}/${group.id}`)).body.profile.name, group.profile.name);
		const missing = await get<{ errorCode: string }>(`${groups}/00gNope/users`);
		assert.equal(missing.status, 404);
		assert.equal(missing.body.errorCode, 'E0000007');
	});

	test('apps: paging, q, filter by status and by assigned user', async () => {
		const apps = `${okta.url}/api/v1/apps`;
		const { items, requests } = await readAll<{ id: string; label: string; name: string }>(
			withQuery(apps, { limit: 3 }),
		);
		assert.deepEqual(
			items.map((app) => app.id),
			okta.store.apps.map((app) => app.id),
		);
		assert.equal(requests, 2);
		const slack = await get<Array<{ name: string }>>(withQuery(apps, { q: 'Sla' }));
		assert.deepEqual(
			slack.body.map((app) => app.name),
			['slack'],
		);
		const active = await get<unknown[]>(withQuery(apps, { filter: 'status eq "ACTIVE"' }));
		assert.equal(active.body.length, okta.store.apps.length);
		const user = okta.store.appUsersOf(okta.store.apps[0].id)[0];
		const assigned = await get<Array<{ id: string }>>(
			withQuery(apps, { filter: `user.id eq "${user.id}"` }),
		);
		assert.deepEqual(
			assigned.body.map((app) => app.id),
			okta.store.apps
				.filter((app) =>
					okta.store.appUsersOf(app.id).some((assignment) => assignment.id === user.id),
				)
				.map((app) => app.id),
		);
	});

	test('app users: Okta shape, 50 a page by default, at most 500, q, expand=user; no deactivated users assigned', async () => {
		const app = okta.store.apps[0];
		const url = `${okta.url}/api/v1/apps/${app.id}/users`;
		const assignments = okta.store.appUsersOf(app.id);
		assert.ok(assignments.length > 500);
		const first = await get<AppUser[]>(url);
		assert.equal(first.body.length, 50);
		assert.ok(nextLink(first.headers)?.startsWith(`${url}?after=`));
		const { items, pageSizes } = await readAll<AppUser>(withQuery(url, { limit: 9999 }));
		assert.equal(pageSizes[0], 500);
		assert.deepEqual(
			items.map((assignment) => assignment.id),
			assignments.map((assignment) => assignment.id),
		);
		const sample = items[0];
		assert.equal(sample.scope, 'USER');
		assert.equal(sample.credentials.userName, okta.store.user(sample.id)!.profile.login);
		assert.equal(sample._links.user.href, `${okta.url}/api/v1/users/${sample.id}`);
		assert.equal(sample._links.app.href, `${okta.url}/api/v1/apps/${app.id}`);
		assert.ok(
			items.every((assignment) => okta.store.user(assignment.id)!.status !== 'DEPROVISIONED'),
		);

		const embedded = await get<AppUser[]>(withQuery(url, { expand: 'user', limit: 2 }));
		assert.equal(embedded.body[0]._embedded?.user.id, embedded.body[0].id);
		const login = okta.store.user(sample.id)!.profile.login;
		const byQ = await get<AppUser[]>(withQuery(url, { q: login }));
		assert.ok(byQ.body.some((assignment) => assignment.id === sample.id));
	});
});
