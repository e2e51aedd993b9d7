/**
 * Okta-shaped users for the Halo sync tests: deterministic (seeded), fast for
 * 10,000 users, with the mix of statuses, groups and profile fields the
 * mapping reads. Kept here so these tests depend only on the Halo side.
 */
import type { OktaStatus, OktaUser } from '../../../lib/core/types';

export const GROUPS = [
	{ id: '00g0000000000000001', name: 'Head Office Staff' },
	{ id: '00g0000000000000002', name: 'Branch Office Staff' },
	{ id: '00g0000000000000003', name: 'Remote Workers' },
	{ id: '00g0000000000000004', name: 'Engineering' },
	{ id: '00g0000000000000005', name: 'Service Desk' },
];

const FIRST = [
	'Ada',
	'Alan',
	'Grace',
	'Linus',
	'Margaret',
	'Ken',
	'Barbara',
	'Dennis',
	'Frances',
	'Edsger',
	'Radia',
	'Tim',
];
const LAST = [
	'Lovelace',
	'Turing',
	'Hopper',
	'Torvalds',
	'Hamilton',
	'Thompson',
	'Liskov',
	'Ritchie',
	'Allen',
	'Dijkstra',
	'Perlman',
	'Berners-Lee',
];
const TITLES = ['Engineer', 'Analyst', 'Manager', 'Technician', 'Designer'];

/** Mostly ACTIVE, with the other states Okta has. */
const STATUS_CYCLE: OktaStatus[] = [
	...Array<OktaStatus>(16).fill('ACTIVE'),
	'PASSWORD_EXPIRED',
	'SUSPENDED',
	'DEPROVISIONED',
	'STAGED',
];

/** A tiny deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function oktaId(n: number): string {
	return `00u${n.toString(36).padStart(17, '0')}`;
}

export function generateOktaUsers(count: number, seed = 7): OktaUser[] {
	const next = random(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
	const users: OktaUser[] = [];
	for (let n = 1; n <= count; n++) {
		const firstName = pick(FIRST);
		const lastName = pick(LAST);
		const login = `${firstName}.${lastName}.${n}@example.com`.toLowerCase();
		const site = GROUPS[n % 3];
		const groups = [
			site,
			...(next() < 0.3 ? [GROUPS[3]] : []),
			...(n % 17 === 0 ? [GROUPS[4]] : []),
		];
		users.push({
			id: oktaId(n),
			status: STATUS_CYCLE[n % STATUS_CYCLE.length],
			created: '2024-01-01T00:00:00.000Z',
			lastUpdated: '2024-01-02T00:00:00.000Z',
			profile: {
				login,
				email: login,
				firstName,
				lastName,
				title: pick(TITLES),
				mobilePhone: next() < 0.5 ? `+44 7700 ${String(n).padStart(6, '0')}` : null,
				primaryPhone: null,
				department: groups.includes(GROUPS[4]) ? 'Service Desk' : 'Operations',
			},
			groups,
		});
	}
	return users;
}
