import assert from 'node:assert/strict';

import { startOktaEmulator, type OktaEmulator, type OktaUserRecord } from '../../../emulators/okta';
import { get, nextLink, readAll, selfLink, withQuery } from './http';

type User = OktaUserRecord & { _links: Record<string, { href: string; method?: string }> };

describe('Okta emulator: /api/v1/users', () => {
	let okta: OktaEmulator;
	let users: string;

	beforeAll(async () => {
		okta = await startOktaEmulator({ org: { users: 1200, groups: 15, apps: 3, seed: 11 } });
		users = `${okta.url}/api/v1/users`;
	});
	afterAll(() => okta.close());

	const ids = (list: Array<{ id: string }>): string[] => list.map((user) => user.id);
	const storeIds = (accept: (user: OktaUserRecord) => boolean): string[] =>
		okta.store.users.filter(accept).map((user) => user.id);

	test('pages every user but DEPROVISIONED ones, 200 at a time, sorted by id, with absolute next links', async () => {
		const { items, pageSizes } = await readAll<User>(users);
		const visible = storeIds((user) => user.status !== 'DEPROVISIONED');
		assert.deepEqual(ids(items), visible);
		assert.ok(visible.length < okta.store.users.length, 'the org has DEPROVISIONED users');
		assert.deepEqual(pageSizes.slice(0, -1), new Array(pageSizes.length - 1).fill(200));
		assert.equal(pageSizes.length, Math.ceil(visible.length / 200));
		assert.ok(
			items.every(
				(user) =>
					user._links.self.href === `${okta.url}/api/v1/users/${user.id}` &&
					Object.keys(user._links).length === 1,
			),
		);
	});

	test('Link headers: self is the request as made, next carries the filter, `after` and `limit`, both absolute', async () => {
		const filter = 'status eq "ACTIVE"';
		const first = await get<User[]>(withQuery(users, { limit: 7, filter }));
		assert.equal(first.body.length, 7);
		const self = selfLink(first.headers)!;
		const next = nextLink(first.headers)!;
		assert.ok(self.startsWith(`${okta.url}/api/v1/users?`), self);
		assert.equal(new URL(self).searchParams.get('limit'), '7');
		assert.ok(next.startsWith(`${okta.url}/api/v1/users?`), next);
		const nextUrl = new URL(next);
		assert.equal(nextUrl.searchParams.get('after'), first.body[6].id);
		assert.equal(nextUrl.searchParams.get('limit'), '7');
		assert.equal(nextUrl.searchParams.get('filter'), filter);
		const second = await get<User[]>(next);
		assert.deepEqual(ids(second.body), storeIds((user) => user.status === 'ACTIVE').slice(7, 14));
	});

	test('limit above 200 is capped at 200; the last page has no next link', async () => {
		const answer = await get<User[]>(withQuery(users, { limit: 1000 }));
		assert.equal(answer.body.length, 200);
		const last = await get<User[]>(
			withQuery(users, { filter: `id eq "${okta.store.users[0].id}"` }),
		);
		assert.equal(last.body.length, 1);
		assert.equal(nextLink(last.headers), undefined);
	});

	test('DEPROVISIONED users appear with filter or search, never in the plain list', async () => {
		const deprovisioned = storeIds((user) => user.status === 'DEPROVISIONED');
		assert.ok(deprovisioned.length > 20);
		const plain = await readAll<User>(users);
		assert.equal(plain.items.filter((user) => user.status === 'DEPROVISIONED').length, 0);
		const filtered = await readAll<User>(withQuery(users, { filter: 'status eq "DEPROVISIONED"' }));
		assert.deepEqual(ids(filtered.items), deprovisioned);
		const searched = await readAll<User>(withQuery(users, { search: 'status eq "DEPROVISIONED"' }));
		assert.deepEqual(ids(searched.items), deprovisioned);
		const everyone = await readAll<User>(withQuery(users, { search: 'id pr' }));
		assert.equal(everyone.items.length, okta.store.users.length);
	});

	describe('filter grammar', () => {
		const sample = (): OktaUserRecord => okta.store.users.find((user) => user.status === 'ACTIVE')!;
		const at = (iso: string): number => Date.parse(iso);
		const rows: Array<{
			name: string;
			filter: () => string;
			expect: (user: OktaUserRecord) => boolean;
		}> = [
			{
				name: 'status eq',
				filter: () => 'status eq "SUSPENDED"',
				expect: (u) => u.status === 'SUSPENDED',
			},
			{
				name: 'operators are case-insensitive',
				filter: () => 'status EQ "LOCKED_OUT"',
				expect: (u) => u.status === 'LOCKED_OUT',
			},
			{
				name: 'filter values are case-sensitive',
				filter: () => 'status eq "active"',
				expect: () => false,
			},
			{
				name: 'or',
				filter: () => 'status eq "STAGED" or status eq "PROVISIONED"',
				expect: (u) => u.status === 'STAGED' || u.status === 'PROVISIONED',
			},
			{
				name: 'id eq',
				filter: () => `id eq "${sample().id}"`,
				expect: (u) => u.id === sample().id,
			},
			{
				name: 'profile.login eq',
				filter: () => `profile.login eq "${sample().profile.login}"`,
				expect: (u) => u.id === sample().id,
			},
			{
				name: 'profile.email eq',
				filter: () => `profile.email eq "${sample().profile.email}"`,
				expect: (u) => u.profile.email === sample().profile.email,
			},
			{
				name: 'profile.firstName eq',
				filter: () => 'profile.firstName eq "Maria"',
				expect: (u) => u.profile.firstName === 'Maria',
			},
			{
				name: 'profile.lastName eq',
				filter: () => 'profile.lastName eq "Smith"',
				expect: (u) => u.profile.lastName === 'Smith',
			},
			{
				name: 'lastUpdated gt',
				filter: () => 'lastUpdated gt "2024-06-01T00:00:00.000Z"',
				expect: (u) => at(u.lastUpdated) > at('2024-06-01T00:00:00.000Z'),
			},
			{
				name: 'lastUpdated ge (boundary included)',
				filter: () => `lastUpdated ge "${sample().lastUpdated}"`,
				expect: (u) => at(u.lastUpdated) >= at(sample().lastUpdated),
			},
			{
				name: 'lastUpdated gt (boundary excluded)',
				filter: () => `lastUpdated gt "${sample().lastUpdated}"`,
				expect: (u) => at(u.lastUpdated) > at(sample().lastUpdated),
			},
			{
				name: 'lastUpdated lt',
				filter: () => 'lastUpdated lt "2021-01-01T00:00:00.000Z"',
				expect: (u) => at(u.lastUpdated) < at('2021-01-01T00:00:00.000Z'),
			},
			{
				name: 'lastUpdated le',
				filter: () => `lastUpdated le "${sample().lastUpdated}"`,
				expect: (u) => at(u.lastUpdated) <= at(sample().lastUpdated),
			},
			{
				name: 'date range with and',
				filter: () =>
					'lastUpdated gt "2023-01-01T00:00:00.000Z" and lastUpdated lt "2024-01-01T00:00:00.000Z"',
				expect: (u) =>
					at(u.lastUpdated) > at('2023-01-01T00:00:00.000Z') &&
					at(u.lastUpdated) < at('2024-01-01T00:00:00.000Z'),
			},
			{
				name: 'and binds tighter than or',
				filter: () =>
					'status eq "STAGED" or status eq "ACTIVE" and lastUpdated lt "2021-01-01T00:00:00.000Z"',
				expect: (u) =>
					u.status === 'STAGED' ||
					(u.status === 'ACTIVE' && at(u.lastUpdated) < at('2021-01-01T00:00:00.000Z')),
			},
			{
				name: 'parentheses',
				filter: () =>
					'(status eq "STAGED" or status eq "ACTIVE") and lastUpdated lt "2021-01-01T00:00:00.000Z"',
				expect: (u) =>
					(u.status === 'STAGED' || u.status === 'ACTIVE') &&
					at(u.lastUpdated) < at('2021-01-01T00:00:00.000Z'),
			},
		];
		for (const row of rows) {
			test(row.name, async () => {
				const { items } = await readAll<User>(withQuery(users, { filter: row.filter() }));
				assert.deepEqual(ids(items), storeIds(row.expect));
			});
		}

		const invalid: Array<[string, Record<string, string>]> = [
			['unquoted string', { filter: 'status eq ACTIVE' }],
			['operator not allowed in filter', { filter: 'profile.login sw "a"' }],
			['attribute not allowed in filter', { filter: 'profile.department eq "IT"' }],
			['property names are case-sensitive', { filter: 'Status eq "ACTIVE"' }],
			['comparison on a non-date attribute', { filter: 'status gt "ACTIVE"' }],
			['bad date', { filter: 'lastUpdated gt "yesterday"' }],
			['dangling and', { filter: 'status eq "ACTIVE" and' }],
			['unclosed parenthesis', { filter: '(status eq "ACTIVE"' }],
			['not is unsupported', { filter: 'not status eq "ACTIVE"' }],
			['search has no ne', { search: 'status ne "ACTIVE"' }],
			['search co only on name and email attributes', { search: 'profile.department co "Eng"' }],
		];
		for (const [name, query] of invalid) {
			test(`400 E0000031: ${name}`, async () => {
				const answer = await get<{
					errorCode: string;
					errorSummary: string;
					errorCauses: unknown[];
				}>(withQuery(users, query));
				assert.equal(answer.status, 400);
				assert.equal(answer.body.errorCode, 'E0000031');
				assert.equal(answer.body.errorSummary, 'Invalid search criteria.');
			});
		}
	});

	describe('search', () => {
		const rows: Array<[string, (user: OktaUserRecord) => boolean]> = [
			['profile.department eq "engineering"', (u) => u.profile.department === 'Engineering'],
			[
				'profile.lastName sw "sm"',
				(u) => String(u.profile.lastName).toLowerCase().startsWith('sm'),
			],
			['profile.email co "smith"', (u) => u.profile.email.includes('smith')],
			['status lt "STAGED" or status gt "STAGED"', (u) => u.status !== 'STAGED'],
			[
				'created lt "2020-01-01T00:00:00.000Z" and profile.city eq "London"',
				(u) =>
					Date.parse(u.created) < Date.parse('2020-01-01T00:00:00.000Z') &&
					u.profile.city === 'London',
			],
			[
				'type.id eq "{userType}" and profile.userType eq "contractor"',
				(u) => u.profile.userType === 'Contractor',
			],
		];
		for (const [template, expect] of rows) {
			test(template, async () => {
				const expression = template.replace('{userType}', okta.store.userTypeId);
				const { items } = await readAll<User>(withQuery(users, { search: expression }));
				assert.deepEqual(ids(items), storeIds(expect));
			});
		}

		test('sortBy orders by the property, ties by id, and pages on', async () => {
			const { items, requests } = await readAll<User>(
				withQuery(users, {
					search: 'profile.department eq "Sales"',
					sortBy: 'profile.lastName',
					limit: 50,
				}),
			);
			const expected = okta.store.users
				.filter((user) => user.profile.department === 'Sales')
				.sort(
					(a, b) =>
						String(a.profile.lastName)
							.toLowerCase()
							.localeCompare(String(b.profile.lastName).toLowerCase()) || (a.id < b.id ? -1 : 1),
				);
			assert.deepEqual(ids(items), ids(expected));
			assert.ok(requests > 1);
		});
	});

	test('q: first 10 by default, startsWith on first name, last name or email, no DEPROVISIONED, no paging', async () => {
		const answer = await get<User[]>(withQuery(users, { q: 'ma' }));
		const expected = storeIds(
			(u) =>
				u.status !== 'DEPROVISIONED' &&
				[u.profile.firstName, u.profile.lastName, u.profile.email].some((v) =>
					String(v).toLowerCase().startsWith('ma'),
				),
		);
		assert.ok(expected.length > 10);
		assert.deepEqual(ids(answer.body), expected.slice(0, 10));
		assert.equal(nextLink(answer.headers), undefined);
	});

	test('one user by id, by login (any case) and by unique short login, with the links of its status', async () => {
		const active = okta.store.users.find((user) => user.status === 'ACTIVE')!;
		const byId = await get<User>(`${users}/${active.id}`);
		assert.equal(byId.status, 200);
		assert.deepEqual(Object.keys(byId.body._links).sort(), [
			'changePassword',
			'changeRecoveryQuestion',
			'deactivate',
			'expirePassword',
			'forgotPassword',
			'resetFactors',
			'resetPassword',
			'schema',
			'self',
			'suspend',
			'type',
		]);
		assert.equal(
			byId.body._links.suspend.href,
			`${okta.url}/api/v1/users/${active.id}/lifecycle/suspend`,
		);
		assert.equal(byId.body._links.suspend.method, 'POST');
		const byLogin = await get<User>(
			`${users}/${encodeURIComponent(active.profile.login.toUpperCase())}`,
		);
		assert.equal(byLogin.body.id, active.id);
		const unique = okta.store.users.find(
			(user) =>
				okta.store.users.filter(
					(other) => other.profile.login.split('@')[0] === user.profile.login.split('@')[0],
				).length === 1,
		)!;
		assert.equal(
			(await get<User>(`${users}/${unique.profile.login.split('@')[0]}`)).body.id,
			unique.id,
		);

		const gone = okta.store.users.find((user) => user.status === 'DEPROVISIONED')!;
		const goneAnswer = await get<User>(`${users}/${gone.id}`);
		assert.deepEqual(Object.keys(goneAnswer.body._links).sort(), [
			'activate',
			'schema',
			'self',
			'type',
		]);
		const suspended = okta.store.users.find((user) => user.status === 'SUSPENDED')!;
		assert.ok('unsuspend' in (await get<User>(`${users}/${suspended.id}`)).body._links);
	});

	test('unknown user: 404 E0000007', async () => {
		const answer = await get<{ errorCode: string; errorSummary: string }>(
			`${users}/00uDoesNotExist00000`,
		);
		assert.equal(answer.status, 404);
		assert.equal(answer.body.errorCode, 'E0000007');
		assert.equal(
			answer.body.errorSummary,
			'Not found: Resource not found: 00uDoesNotExist00000 (User)',
		);
	});

	test('/users/me is the API token owner; /users/{id}/groups lists the groups, Everyone included', async () => {
		const me = await get<User>(`${users}/me`);
		assert.equal(me.body.id, okta.store.adminUser()!.id);
		const member = okta.store.users[3];
		const groups = await get<Array<{ id: string; profile: { name: string } }>>(
			`${users}/${member.id}/groups`,
		);
		assert.deepEqual(ids(groups.body), ids(okta.store.groupsOf(member.id)));
		assert.ok(groups.body.some((group) => group.profile.name === 'Everyone'));
		assert.ok(groups.body.length >= 3);
	});

	test('store changes show up: updateUser bumps lastUpdated past every earlier change; createUser lists and joins Everyone', async () => {
		const newest = okta.store.users.reduce(
			(max, user) => (user.lastUpdated > max ? user.lastUpdated : max),
			'',
		);
		const target = okta.store.users.find(
			(user) => user.status === 'ACTIVE' && user.profile.title !== 'Chief Happiness Officer',
		)!;
		okta.store.updateUser(target.id, { profile: { title: 'Chief Happiness Officer' } });
		const suspended = okta.store.users.find(
			(user) => user.status === 'ACTIVE' && user.id !== target.id,
		)!;
		okta.store.updateUser(suspended.id, { status: 'SUSPENDED' });
		const created = okta.store.createUser({
			firstName: 'Nova',
			lastName: 'Starter',
			email: 'nova.starter@example.com',
		});
		const changed = await readAll<User>(withQuery(users, { filter: `lastUpdated gt "${newest}"` }));
		assert.deepEqual(ids(changed.items).sort(), [target.id, suspended.id, created.id].sort());
		const suspendedNow = changed.items.find((user) => user.id === suspended.id)!;
		assert.equal(suspendedNow.status, 'SUSPENDED');
		assert.equal(suspendedNow.statusChanged, suspendedNow.lastUpdated);
		assert.equal(
			changed.items.find((user) => user.id === target.id)!.profile.title,
			'Chief Happiness Officer',
		);
		const everyone = okta.store.groupByName('Everyone')!;
		assert.ok(okta.store.memberIdsOf(everyone.id).includes(created.id));
		assert.equal(created.status, 'ACTIVE');
		assert.deepEqual(created.credentials, {
			password: {},
			provider: { type: 'OKTA', name: 'OKTA' },
		});
	});
});
