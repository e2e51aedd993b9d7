/**
 * lib/halo/lookup.ts against the Halo emulator: which reads a run makes, by
 * estimated cost, and that both paths find the same people. Each test starts
 * its own emulator (its own URL), so the per-process size memory of one test
 * never decides another's reads.
 */
import assert from 'node:assert/strict';

import { HALO_SEED, startHaloEmulator } from '../../emulators/halo';
import type { HaloEmulator } from '../../emulators/halo';
import type { MappedItem } from '../../lib/core/types';
import { existingUsersFor, readPolicy, ticketsOfType } from '../../lib/halo/lookup';
import { fillHalo } from '../helpers/bigHalo';
import { emulatorClient } from './support/emulatorClient';

const MATCH_ON = ['oktaid', 'emailaddress'];

function person(oktaid: string, email: string): MappedItem {
	return {
		target: 'user',
		okta: { id: oktaid, status: 'ACTIVE', login: email, groups: [], profile: { email } },
		active: true,
		record: { oktaid, emailaddress: email, name: email },
		createOnly: [],
		warnings: [],
	};
}

/** The API requests since `mark`, as `GET Users search=… page=…` lines. */
function requests(halo: HaloEmulator, mark: number): string[] {
	return halo.server.log
		.slice(mark)
		.filter((entry) => entry.path.startsWith('/api/') && entry.path !== '/api/authinfo')
		.map((entry) => {
			const q = entry.query as Record<string, string>;
			const parts = [entry.method, entry.path.replace('/api/', '')];
			for (const key of ['search', 'user_id', 'page_no', 'page_size'])
				if (q[key] !== undefined) parts.push(`${key}=${q[key]}`);
			return parts.join(' ');
		});
}

async function bigHalo(): Promise<HaloEmulator> {
	const halo = await startHaloEmulator({ rateLimit: { max: 100_000, windowMs: 300_000 } });
	fillHalo(halo, { users: 1_000, tickets: 500 });
	return halo;
}

describe('existingUsersFor', () => {
	test('a small run on a large Halo: page 1, then one search per email; the next run skips page 1', async () => {
		const halo = await bigHalo();
		try {
			const client = emulatorClient(halo);
			const known = person('00uexisting00000042', 'existing.person42@example.org');
			const newcomer = person('00unewcomer', 'new.comer@example.com');
			let mark = halo.server.log.length;
			const found = await existingUsersFor(client, [known, newcomer], MATCH_ON);
			assert.equal(found.path, 'lookups');
			assert.deepEqual(requests(halo, mark), [
				'GET Users page_no=1 page_size=100',
				'GET Users search=existing.person42@example.org page_no=1 page_size=100',
				'GET Users search=new.comer@example.com page_no=1 page_size=100',
			]);
			// Candidates only: the exact match is the planner's; the person is among them, the newcomer is not.
			assert.ok(found.records.some((r) => r.emailaddress === 'existing.person42@example.org'));
			assert.ok(!found.records.some((r) => r.emailaddress === 'new.comer@example.com'));

			mark = halo.server.log.length;
			assert.equal((await existingUsersFor(client, [newcomer], MATCH_ON)).path, 'lookups');
			assert.deepEqual(requests(halo, mark), [
				'GET Users search=new.comer@example.com page_no=1 page_size=100',
			]);
		} finally {
			await halo.close();
		}
	});

	test('pages when they are fewer, when a matchOn field cannot be searched, with allPages, and under readPolicy pages', async () => {
		const halo = await bigHalo();
		try {
			const client = emulatorClient(halo);
			const many = Array.from({ length: 10 }, (_, i) =>
				person(`00umany${i}`, `many${i}@example.com`),
			);
			let mark = halo.server.log.length;
			// 10 terms, no fewer than the pages after page 1 (1,000 users and the seed ones, 100 a page).
			const byPages = await existingUsersFor(client, many, MATCH_ON);
			assert.equal(byPages.path, 'pages');
			assert.equal(requests(halo, mark).length, Math.ceil(halo.store.users.size / 100));
			assert.equal(byPages.records.length, halo.store.users.size);

			for (const [label, run] of [
				['name', () => existingUsersFor(client, [many[0]], ['oktaid', 'name'])],
				['allPages', () => existingUsersFor(client, [many[0]], MATCH_ON, { allPages: true })],
			] as const) {
				assert.equal((await run()).path, 'pages', label);
			}
			readPolicy.mode = 'pages';
			try {
				mark = halo.server.log.length;
				assert.equal((await existingUsersFor(client, [many[0]], MATCH_ON)).path, 'pages');
				assert.ok(requests(halo, mark).every((line) => !line.includes('search=')));
			} finally {
				readPolicy.mode = 'auto';
			}
		} finally {
			await halo.close();
		}
	});

	test('a small Halo: page 1 is everything, no search', async () => {
		const halo = await startHaloEmulator({ rateLimit: { max: 100_000, windowMs: 300_000 } });
		try {
			const mark = halo.server.log.length;
			const found = await existingUsersFor(
				emulatorClient(halo),
				[person('00ux', 'x@example.com')],
				MATCH_ON,
			);
			assert.equal(found.path, 'pages');
			assert.deepEqual(requests(halo, mark), ['GET Users page_no=1 page_size=100']);
		} finally {
			await halo.close();
		}
	});
});

describe('ticketsOfType', () => {
	test('one person: one user_id look-up; several on a large type: page 1 then per person; exact per user', async () => {
		const halo = await bigHalo();
		try {
			const client = emulatorClient(halo);
			const type = HALO_SEED.ticketTypes.onboarding;
			const holder = Number(halo.store.tickets.all()[0].user_id);
			const nobody = Number(halo.store.users.all().at(-1)!.id);
			let mark = halo.server.log.length;
			const one = await ticketsOfType(client, type, [holder]);
			assert.deepEqual(requests(halo, mark), [
				`GET Tickets user_id=${holder} page_no=1 page_size=100`,
			]);
			assert.ok(one.length > 0 && one.every((t) => Number(t.user_id) === holder));

			mark = halo.server.log.length;
			const two = await ticketsOfType(client, type, [holder, nobody]);
			assert.deepEqual(requests(halo, mark), [
				'GET Tickets page_no=1 page_size=100',
				`GET Tickets user_id=${holder} page_no=1 page_size=100`,
				`GET Tickets user_id=${nobody} page_no=1 page_size=100`,
			]);
			assert.deepEqual(
				two.map((t) => t.id),
				one.map((t) => t.id),
			);
		} finally {
			await halo.close();
		}
	});
});
