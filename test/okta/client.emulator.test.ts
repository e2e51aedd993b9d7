import assert from 'node:assert/strict';

import { startOktaEmulator } from '../../emulators/okta';
import type { OktaEmulator } from '../../emulators/okta';
import { OktaApiError } from '../../lib/okta/OktaApiError';
import { OktaClient } from '../../lib/okta/OktaClient';
import { fetchRequestFn, withApiToken } from './helpers/fetchRequestFn';
import { requestBound } from './helpers/emulator';

const api = (okta: OktaEmulator, retry = {}) =>
	new OktaClient({
		orgUrl: okta.url,
		request: withApiToken(fetchRequestFn(), 'okta-test-token'),
		retry,
	});

describe('OktaClient against the Okta emulator (1,000 users)', () => {
	let okta: OktaEmulator;
	beforeAll(
		async () =>
			(okta = await startOktaEmulator({ org: { users: 1000, groups: 12, apps: 3, seed: 7 } })),
	);
	afterAll(() => okta.close());

	test('pages through every user, DEPROVISIONED included when statuses is empty, in ⌈users/200⌉ requests', async () => {
		const start = okta.server.log.length;
		const users = await api(okta).listUsers();
		const log = okta.server.log.slice(start);
		assert.equal(users.length, okta.store.users.length);
		assert.deepEqual(
			new Set(users.map((u) => u.id)).size,
			users.length,
			'no duplicates across pages',
		);
		const deprovisioned = okta.store.users.filter((u) => u.status === 'DEPROVISIONED').length;
		assert.ok(deprovisioned > 0, 'the generated org has deprovisioned users');
		assert.equal(users.filter((u) => u.status === 'DEPROVISIONED').length, deprovisioned);
		assert.equal(log.length, Math.ceil(okta.store.users.length / 200));
		assert.ok(
			log.slice(1).every((r) => r.query.after),
			'later pages follow the Link cursor',
		);
	});

	test('a plain listing (no search) would hide DEPROVISIONED users: the emulator behaves like Okta', async () => {
		const client = api(okta);
		const plain = await (async () => {
			const out = [];
			for await (const page of client.pages<{ status: string }>('/api/v1/users', { limit: 200 }))
				out.push(...page);
			return out;
		})();
		assert.equal(plain.filter((u) => u.status === 'DEPROVISIONED').length, 0);
		assert.ok(plain.length < okta.store.users.length);
	});

	test('statuses narrow; limit stops early', async () => {
		const client = api(okta);
		const suspended = await client.listUsers({ statuses: ['SUSPENDED', 'LOCKED_OUT'] });
		assert.equal(
			suspended.length,
			okta.store.users.filter((u) => u.status === 'SUSPENDED' || u.status === 'LOCKED_OUT').length,
		);
		assert.ok(suspended.every((u) => u.status === 'SUSPENDED' || u.status === 'LOCKED_OUT'));
		const start = okta.server.log.length;
		assert.equal((await client.listUsers({ limit: 30 })).length, 30);
		assert.equal(okta.server.log.length - start, 1);
	});

	test('updated-since reads only changed users (deactivations included)', async () => {
		const client = api(okta);
		// Okta stamps whole seconds; start just before this second.
		const since = new Date(Math.floor(okta.store.now() / 1000) * 1000 - 1).toISOString();
		const changed = okta.store.users.slice(0, 3);
		okta.store.updateUser(changed[0].id, { profile: { title: 'Chief Tester' } });
		okta.store.updateUser(changed[1].id, { status: 'DEPROVISIONED' });
		okta.store.updateUser(changed[2].id, { status: 'SUSPENDED' });
		const start = okta.server.log.length;
		const users = await client.listUsers({ updatedSince: since });
		assert.deepEqual(users.map((u) => u.id).sort(), changed.map((u) => u.id).sort());
		assert.equal(okta.server.log.length - start, 1);
	});

	test("getUser by id and by login; 404 is an OktaApiError with Okta's summary", async () => {
		const client = api(okta);
		const someone = okta.store.users[5];
		assert.equal((await client.getUser(someone.id)).id, someone.id);
		assert.equal((await client.getUser(someone.profile.login)).id, someone.id);
		await assert.rejects(
			client.getUser('00unobody'),
			(e: unknown) =>
				e instanceof OktaApiError &&
				e.status === 404 &&
				e.errorCode === 'E0000007' &&
				/Not found/.test(e.message),
		);
	});

	test('groups, members (1000 a page), user groups, apps and app users', async () => {
		const client = api(okta);
		const groups = await client.listGroups();
		assert.equal(groups.length, okta.store.groups.length);
		const everyone = groups.find((g) => g.profile.name === 'Everyone')!;
		const start = okta.server.log.length;
		const members = await client.listGroupMembers(everyone.id);
		assert.equal(members.length, okta.store.users.length);
		assert.equal(okta.server.log.length - start, 1, '1,000 members in one page');
		const user = okta.store.users[10];
		assert.deepEqual(
			(await client.listUserGroups(user.id)).map((g) => g.id).sort(),
			okta.store
				.groupsOf(user.id)
				.map((g) => g.id)
				.sort(),
		);
		const apps = await client.listApps();
		assert.equal(apps.length, okta.store.apps.length);
		const appUsers = await client.listAppUsers(apps[0].id);
		assert.equal(appUsers.length, okta.store.appUsersOf(apps[0].id).length);
		const page = await client.groupsPage('Every');
		assert.deepEqual(
			page.items.map((g) => g.profile.name),
			['Everyone'],
		);
	});

	test("attachGroups gives every user exactly the store's memberships", async () => {
		const client = api(okta);
		const users = await client.attachGroups(await client.listUsers());
		for (const user of users.slice(0, 200)) {
			const expected = okta.store
				.groupsOf(user.id)
				.map((g) => g.id)
				.sort();
			assert.deepEqual(user.groups!.map((g) => g.id).sort(), expected, user.id);
		}
	});

	test('a bad search expression is a 400 OktaApiError with errorCauses', async () => {
		await assert.rejects(
			api(okta).listUsers({ search: 'profile.login zz "x"' }),
			(e: unknown) => e instanceof OktaApiError && e.status === 400 && e.errorCode === 'E0000031',
		);
	});
});

describe('10,000 users / 50 groups with groups attached', () => {
	let okta: OktaEmulator;
	beforeAll(
		async () =>
			(okta = await startOktaEmulator({ org: { users: 10_000, groups: 50, apps: 2, seed: 3 } })),
	);
	afterAll(() => okta.close());

	test('Okta requests ≤ ⌈users/200⌉ + Σ⌈members/1000⌉ + ⌈groups/200⌉ + 3, and nobody is read per user', async () => {
		const start = okta.server.log.length;
		const client = api(okta);
		const users = await client.includeGroups(await client.listUsers());
		const log = okta.server.log.slice(start);
		const bound = requestBound(okta);
		assert.equal(users.length, 10_000);
		assert.ok(log.length <= bound, `${log.length} requests > bound ${bound}`);
		assert.equal(
			log.filter((r) => /^\/api\/v1\/users\/[^/]+/.test(r.path)).length,
			0,
			'no per-user request',
		);
		const byPath = {
			users: log.filter((r) => r.path === '/api/v1/users').length,
			groups: log.filter((r) => r.path === '/api/v1/groups').length,
		};
		assert.equal(byPath.users, 50);
		assert.equal(byPath.groups, 1);
		console.log(
			`[okta] 10,000 users / ${okta.store.groups.length} groups: ${log.length} requests (bound ${bound}; users ${byPath.users}, groups 1, members ${log.length - 51})`,
		);
		const sample = users[1234];
		assert.deepEqual(
			sample.groups!.map((g) => g.id).sort(),
			okta.store
				.groupsOf(sample.id)
				.map((g) => g.id)
				.sort(),
		);
	});
});

describe('rate limits and faults', () => {
	let okta: OktaEmulator;
	beforeAll(
		async () => (okta = await startOktaEmulator({ org: { users: 1500, groups: 10, seed: 11 } })),
	);
	afterAll(() => okta.close());

	/** The output, with the emulator's own address (in `_links`) taken out so two emulators compare equal. */
	const snapshot = async (client: OktaClient) =>
		JSON.stringify(await client.includeGroups(await client.listUsers()))
			.split(client.orgUrl)
			.join('ORG');

	test('a storm of injected 429s, 503s and dropped connections ends with the same output as a clean run', async () => {
		const clean = await snapshot(api(okta));
		const start = okta.server.log.length;
		// Faults spread over the run by request number: a 429 every 4th API call, a 5xx every 7th, a drop every 11th.
		let n = 0;
		const every = (k: number, at: number) => (req: { path: string }) =>
			req.path.startsWith('/api/') && n % k === at;
		okta.server.addFault({ match: () => (n++, false), times: Number.MAX_SAFE_INTEGER });
		okta.server.addFault({ match: every(4, 1), status: 429, times: 12 });
		okta.server.addFault({ match: every(7, 3), status: 503, times: 4 });
		okta.server.addFault({ match: every(7, 5), status: 500, times: 2 });
		okta.server.addFault({ match: every(11, 6), drop: 'before', times: 3 });
		const waits: number[] = [];
		// Real waits are honoured (X-Rate-Limit-Reset is ≤ 1 s away for injected 429s); back-off shortened for the test.
		let stormy: string;
		try {
			stormy = await snapshot(
				api(okta, {
					policy: { baseDelayMs: 5, maxDelayMs: 20 },
					onRetry: (i: { delayMs: number }) => waits.push(i.delayMs),
				}),
			);
		} finally {
			okta.server.clearFaults();
		}
		const log = okta.server.log.slice(start);
		assert.equal(stormy, clean);
		const refused = log.filter((r) => r.status === 429).length;
		const failed = log.filter((r) => r.status >= 500).length;
		const dropped = log.filter((r) => r.dropped).length;
		assert.ok(
			refused >= 5 && failed >= 2 && dropped >= 1,
			`429: ${refused}, 5xx: ${failed}, dropped: ${dropped}`,
		);
		assert.equal(waits.length, refused + failed + dropped, 'every fault was retried, nothing else');
	});

	test('a real exhausted bucket: waits until X-Rate-Limit-Reset and finishes with the same output', async () => {
		const limited = await startOktaEmulator({
			org: { users: 1500, groups: 10, seed: 11 },
			rateLimits: { users: 3, groups: 4 },
			rateLimitWindowMs: 1000,
		});
		try {
			const clean = await snapshot(api(okta));
			const started = Date.now();
			const result = await snapshot(api(limited));
			assert.equal(result, clean);
			const refused = limited.server.log.filter((r) => r.status === 429);
			assert.ok(refused.length > 0, 'the bucket ran out');
			assert.ok(Date.now() - started < 15_000);
		} finally {
			await limited.close();
		}
	});
});
