import assert from 'node:assert/strict';

import { chunk } from '../../lib/core/chunk';
import { checkGuard, planUpsert, type PlanOptions } from '../../lib/core/upsertPlan';
import type { HaloRecord, MappedItem, OktaStatus, Target } from '../../lib/core/types';
import { applyWrites } from './coreFixtures';

const ACTIVE_STATUSES: OktaStatus[] = ['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY'];

interface ItemSpec {
	id: string;
	status?: OktaStatus;
	record?: HaloRecord;
	createOnly?: string[];
	userRoleId?: number;
	target?: Target;
}

/** A mapped item as Map to Halo emits it (users by default; email from the Okta id). */
function item({
	id,
	status = 'ACTIVE',
	record = {},
	createOnly = [],
	userRoleId,
	target = 'user',
}: ItemSpec): MappedItem {
	const emailField = target === 'user' ? 'emailaddress' : 'email';
	return {
		target,
		okta: { id, status, login: `${id}@example.com`, groups: [], profile: {} },
		active: ACTIVE_STATUSES.includes(status),
		record: { name: `Person ${id}`, [emailField]: `${id}@example.com`, oktaid: id, ...record },
		createOnly,
		...(userRoleId !== undefined ? { userRoleId } : {}),
		warnings: [],
	};
}

const users: PlanOptions = { target: 'user', matchOn: ['oktaid', 'emailaddress'] };
const agents: PlanOptions = { target: 'agent', matchOn: ['oktaid', 'email'] };

/** A Halo user for Okta user `who` (its oktaid unless `extra` overrides it, e.g. `oktaid: null` for one not yet adopted). */
function halo(id: number, who: string, extra: HaloRecord = {}): HaloRecord {
	return {
		id,
		name: `Person ${who}`,
		emailaddress: `${who}@example.com`,
		oktaid: who,
		inactive: false,
		...extra,
	};
}

describe('planUpsert: one item', () => {
	const cases: Array<{
		name: string;
		item: MappedItem;
		existing: HaloRecord[];
		options?: PlanOptions;
		action: string;
		write?: HaloRecord;
		haloId?: number | null;
	}> = [
		{
			name: 'active, no match → created (no id in payload)',
			item: item({ id: 'a' }),
			existing: [],
			action: 'created',
			write: { name: 'Person a', emailaddress: 'a@example.com', oktaid: 'a', okta_id: 'a' },
			haloId: null,
		},
		{
			name: 'created user gets its user role',
			item: item({ id: 'a', userRoleId: 4 }),
			existing: [],
			action: 'created',
			write: {
				name: 'Person a',
				emailaddress: 'a@example.com',
				oktaid: 'a',
				okta_id: 'a',
				roles: [{ id: 4 }],
			},
		},
		{
			name: 'same values → unchanged, no write',
			item: item({ id: 'a' }),
			existing: [halo(1, 'a')],
			action: 'unchanged',
			haloId: 1,
		},
		{
			name: 'changed name → updated with id and only the change',
			item: item({ id: 'a', record: { name: 'New' } }),
			existing: [halo(1, 'a', { title: 'x' })],
			action: 'updated',
			write: { id: 1, name: 'New' },
		},
		{
			name: 'create-only field differs → unchanged',
			item: item({ id: 'a', record: { login: 'new' }, createOnly: ['login'] }),
			existing: [halo(1, 'a', { login: 'old' })],
			action: 'unchanged',
		},
		{
			name: 'user role is for creates only',
			item: item({ id: 'a', userRoleId: 4 }),
			existing: [halo(1, 'a')],
			action: 'unchanged',
		},
		{
			name: 'not active, record active → deactivated (inactive: true)',
			item: item({ id: 'a', status: 'SUSPENDED', record: { name: 'Changed' } }),
			existing: [halo(1, 'a')],
			action: 'deactivated',
			write: { id: 1, inactive: true },
		},
		{
			name: 'not active, already inactive → unchanged',
			item: item({ id: 'a', status: 'DEPROVISIONED' }),
			existing: [halo(1, 'a', { inactive: true })],
			action: 'unchanged',
		},
		{
			name: 'not active, no record → skipped, never created',
			item: item({ id: 'a', status: 'DEPROVISIONED' }),
			existing: [],
			action: 'skipped',
		},
		{
			name: 'active again → reactivated with its changes',
			item: item({ id: 'a', record: { name: 'Back' } }),
			existing: [halo(1, 'a', { inactive: true })],
			action: 'reactivated',
			write: { id: 1, name: 'Back', inactive: false },
		},
		{
			name: 'agent deactivated with isdisabled',
			item: item({ id: 'a', status: 'SUSPENDED', target: 'agent' }),
			existing: [{ id: 7, email: 'a@example.com', oktaid: 'a', isdisabled: false }],
			options: agents,
			action: 'deactivated',
			write: { id: 7, isdisabled: true },
		},
		{
			name: 'agent reactivated with isdisabled: false',
			item: item({ id: 'a', target: 'agent' }),
			existing: [
				{ id: 7, name: 'Person a', email: 'a@example.com', oktaid: 'a', isdisabled: true },
			],
			options: agents,
			action: 'reactivated',
			write: { id: 7, isdisabled: false },
		},
		{
			name: 'email differing in case is adopted: gets the Okta id in both fields, and the exact email',
			item: item({ id: 'a' }),
			existing: [halo(1, 'a', { oktaid: null, emailaddress: 'A@Example.COM' })],
			action: 'updated',
			write: { id: 1, emailaddress: 'a@example.com', oktaid: 'a', okta_id: 'a' },
		},
		{
			name: 'adopted and deactivated at once carries the Okta id in both fields',
			item: item({ id: 'a', status: 'SUSPENDED' }),
			existing: [halo(1, 'a', { oktaid: null })],
			action: 'deactivated',
			write: { id: 1, inactive: true, oktaid: 'a', okta_id: 'a' },
		},
		{
			name: 'a list record (okta_id only, as Halo lists it) matches by Okta id: unchanged',
			item: item({ id: 'a' }),
			existing: [
				halo(1, 'x', {
					oktaid: undefined,
					okta_id: 'a',
					name: 'Person a',
					emailaddress: 'a@example.com',
				}),
			],
			action: 'unchanged',
			haloId: 1,
		},
		{
			name: 'a full record with oktaid only matches by Okta id: unchanged',
			item: item({ id: 'a' }),
			existing: [halo(1, 'a', { okta_id: null })],
			action: 'unchanged',
			haloId: 1,
		},
		{
			name: 'okta_id owned by another Okta user → skipped, not adopted',
			item: item({ id: 'a' }),
			existing: [
				halo(1, 'zzz', { oktaid: undefined, okta_id: 'zzz', emailaddress: 'a@example.com' }),
			],
			action: 'skipped',
			haloId: 1,
		},
		{
			name: 'unmatched: skip → skipped with its reason, never created',
			item: { ...item({ id: 'a' }), skip: 'no site rule takes this user (user.unmatched: skip)' },
			existing: [],
			action: 'skipped',
			haloId: null,
		},
		{
			name: 'unmatched: skip → an existing record is not updated either',
			item: {
				...item({ id: 'a', record: { name: 'New' } }),
				skip: 'no site rule takes this user (user.unmatched: skip)',
			},
			existing: [halo(1, 'a')],
			action: 'skipped',
			haloId: 1,
		},
		{
			name: 'unmatched: skip does not spare a person who is not active: deactivated',
			item: { ...item({ id: 'a', status: 'SUSPENDED' }), skip: 'no site rule takes this user' },
			existing: [halo(1, 'a')],
			action: 'deactivated',
			write: { id: 1, inactive: true },
		},
		{
			name: 'email match owned by another Okta user → skipped, not adopted',
			item: item({ id: 'a' }),
			existing: [halo(1, 'zzz', { emailaddress: 'a@example.com' })],
			action: 'skipped',
			haloId: 1,
		},
	];
	for (const { name, item: input, existing, options = users, action, write, haloId } of cases) {
		test(name, () => {
			const plan = planUpsert([input], existing, options);
			const [entry] = plan.entries;
			assert.equal(entry.action, action);
			assert.equal(entry.index, 0);
			assert.deepEqual(entry.write, write);
			assert.equal(plan.writes.length, write ? 1 : 0);
			if (haloId !== undefined) assert.equal(entry.haloId, haloId);
			if (action === 'skipped') assert.ok(entry.reason && entry.reason.length > 10);
		});
	}

	test('the skip reason for a foreign oktaid says why and what to do', () => {
		const plan = planUpsert(
			[item({ id: 'a' })],
			[halo(1, 'zzz', { emailaddress: 'A@example.com' })],
			users,
		);
		assert.equal(
			plan.entries[0].reason,
			'Halo user 1 has emailaddress "a@example.com" but belongs to another Okta user (oktaid zzz); not adopted. ' +
				"Fix the duplicate in Okta or Halo, or clear that record's oktaid to let it be adopted.",
		);
	});

	test('changes show from and to; the entry record is the record after the write', () => {
		const plan = planUpsert(
			[item({ id: 'a', record: { name: 'New' } })],
			[halo(1, 'a', { title: 'x' })],
			users,
		);
		assert.deepEqual(plan.entries[0].changes, { name: { from: 'Person a', to: 'New' } });
		assert.deepEqual(plan.entries[0].record, { ...halo(1, 'a', { title: 'x' }), name: 'New' });
	});

	test('an oktaid not mapped is still set from the Okta id', () => {
		const input = item({ id: 'a' });
		delete input.record.oktaid;
		const plan = planUpsert([input], [], users);
		assert.equal(plan.entries[0].write?.oktaid, 'a');
	});
});

describe('planUpsert: matching', () => {
	test('first matchOn field wins: oktaid before email', () => {
		const byId = halo(1, 'a', { emailaddress: 'old@example.com' });
		const byEmail = halo(2, 'a', { oktaid: null });
		const plan = planUpsert([item({ id: 'a' })], [byEmail, byId], users);
		assert.equal(plan.entries[0].haloId, 1);
		assert.deepEqual(plan.entries[0].write, { id: 1, emailaddress: 'a@example.com' });
	});

	test('between two Halo records with one email the active one is matched', () => {
		const plan = planUpsert(
			[item({ id: 'a' })],
			[halo(1, 'a', { oktaid: null, inactive: true }), halo(2, 'a', { oktaid: null })],
			users,
		);
		assert.equal(plan.entries[0].haloId, 2);
	});

	test('custom matchOn: only the listed fields match', () => {
		const plan = planUpsert(
			[item({ id: 'a', record: { login: 'ADA' } })],
			[halo(1, 'a', { oktaid: null, emailaddress: 'other', login: 'ada' })],
			{
				target: 'user',
				matchOn: ['login'],
			},
		);
		assert.equal(plan.entries[0].action, 'updated');
		assert.equal(plan.entries[0].haloId, 1);
	});
});

describe('planUpsert: duplicates', () => {
	test('the same Okta user twice: the second is skipped', () => {
		const plan = planUpsert(
			[item({ id: 'a' }), item({ id: 'a', record: { name: 'Other' } })],
			[],
			users,
		);
		assert.deepEqual(
			plan.entries.map((e) => e.action),
			['created', 'skipped'],
		);
		assert.match(
			plan.entries[1].reason!,
			/duplicate input: Okta user a is already planned at item 0/,
		);
		assert.equal(plan.writes.length, 1);
	});

	test('two Okta users with one email and no Halo record: one create, the other skipped', () => {
		const plan = planUpsert(
			[
				item({ id: 'a', record: { emailaddress: 'x@example.com' } }),
				item({ id: 'b', record: { emailaddress: 'X@example.com' } }),
			],
			[],
			users,
		);
		assert.deepEqual(
			plan.entries.map((e) => e.action),
			['created', 'skipped'],
		);
		assert.match(
			plan.entries[1].reason!,
			/planned for creation .*belongs to another Okta user \(oktaid a\)/,
		);
	});

	test('two Okta users matching one unowned Halo record: the first adopts it, the second is skipped', () => {
		const existing = [halo(1, 'x', { oktaid: null })];
		const plan = planUpsert(
			[
				item({ id: 'a', record: { emailaddress: 'x@example.com' } }),
				item({ id: 'b', record: { emailaddress: 'x@example.com' } }),
			],
			existing,
			users,
		);
		assert.deepEqual(
			plan.entries.map((e) => e.action),
			['updated', 'skipped'],
		);
		assert.match(
			plan.entries[1].reason!,
			/duplicate: Halo user 1 \(matched by emailaddress\) is already planned for item 0/,
		);
	});
});

describe('planUpsert: deactivateMissing', () => {
	const existing = [
		halo(1, 'a'),
		halo(2, 'gone'),
		halo(3, 'manual', { oktaid: null }),
		halo(4, 'gone-before', { inactive: true }),
	];

	test('deactivates active records whose Okta user is in no input item', () => {
		const plan = planUpsert([item({ id: 'a' })], existing, { ...users, deactivateMissing: true });
		assert.deepEqual(
			plan.entries.map((e) => [e.index, e.action, e.haloId]),
			[
				[0, 'unchanged', 1],
				[null, 'deactivated', 2],
			],
		);
		assert.deepEqual(plan.entries[1].write, { id: 2, inactive: true });
		assert.equal(plan.entries[1].okta, null);
		assert.match(plan.entries[1].reason!, /no input item carries Okta user gone/);
	});

	test('an inactive input item counts as carried', () => {
		const plan = planUpsert([item({ id: 'gone', status: 'DEPROVISIONED' })], existing.slice(1, 2), {
			...users,
			deactivateMissing: true,
		});
		assert.deepEqual(
			plan.entries.map((e) => e.action),
			['deactivated'],
		);
	});

	test('off by default', () => {
		assert.equal(planUpsert([item({ id: 'a' })], existing, users).entries.length, 1);
	});
});

describe('mass-deactivation guard', () => {
	function population(active: number): HaloRecord[] {
		return Array.from({ length: active }, (_, i) => halo(i + 1, `u${i}`));
	}
	function leavers(count: number, total: number): MappedItem[] {
		return Array.from({ length: total }, (_, i) =>
			item({ id: `u${i}`, status: i < count ? 'DEPROVISIONED' : 'ACTIVE' }),
		);
	}

	const cases: Array<{
		name: string;
		active: number;
		leaving: number;
		guard?: PlanOptions['guard'];
		blocked: boolean;
	}> = [
		{ name: '30 % of 100 is stopped', active: 100, leaving: 30, blocked: true },
		{ name: '10 % of 100 passes', active: 100, leaving: 10, blocked: false },
		{ name: '11 % of 100 is stopped', active: 100, leaving: 11, blocked: true },
		{ name: 'at least 10: 10 of 20 passes', active: 20, leaving: 10, blocked: false },
		{ name: '11 of 20 is stopped', active: 20, leaving: 11, blocked: true },
		{
			name: 'raised share lets 30 % pass',
			active: 100,
			leaving: 30,
			guard: { maxShare: 0.3 },
			blocked: false,
		},
		{ name: 'guard off', active: 100, leaving: 90, guard: false, blocked: false },
	];
	for (const { name, active, leaving, guard, blocked } of cases) {
		test(name, () => {
			const plan = planUpsert(leavers(leaving, active), population(active), { ...users, guard });
			assert.equal(plan.counts.deactivated, leaving);
			assert.equal(plan.existingActive, active);
			assert.equal(plan.guardError !== undefined, blocked);
		});
	}

	test('the message says how many of how many, the share, the limit and how to override', () => {
		const plan = planUpsert(leavers(3000, 10_000), population(10_000), users);
		assert.equal(
			plan.guardError,
			'Mass-deactivation guard: this run would deactivate 3000 of 10000 active Okta-managed Halo users (30 %), more than the limit of 1000 ' +
				"(10 % of them, at least 10). Nothing was written. If this is intended, raise the guard's maximum share or minimum count, " +
				'or turn the guard off for this run.',
		);
		assert.equal(checkGuard(plan, 10_000, { maxShare: 0.5 }), undefined);
	});

	test('missing-record deactivations count too', () => {
		const plan = planUpsert([item({ id: 'u0' })], population(50), {
			...users,
			deactivateMissing: true,
		});
		assert.equal(plan.counts.deactivated, 49);
		assert.match(plan.guardError!, /49 of 50 active Okta-managed Halo users \(98 %\)/);
	});
});

describe('a second plan after applying the first writes nothing', () => {
	test('users: creates, updates, adoption, deactivation, reactivation, missing', () => {
		const existing = [
			halo(1, 'keep'),
			halo(2, 'rename', { name: 'Old Name' }),
			halo(3, 'adopt', { oktaid: null, emailaddress: 'ADOPT@example.com' }),
			halo(4, 'leave'),
			halo(5, 'back', { inactive: true }),
			halo(6, 'missing'),
		];
		const items = [
			item({ id: 'keep' }),
			item({ id: 'rename' }),
			item({ id: 'adopt' }),
			item({ id: 'leave', status: 'SUSPENDED' }),
			item({ id: 'back' }),
			item({ id: 'new', userRoleId: 3, record: { site_id: 2, login: 'n' }, createOnly: ['login'] }),
			item({ id: 'never', status: 'DEPROVISIONED' }),
		];
		const options = { ...users, deactivateMissing: true };
		const first = planUpsert(items, existing, options);
		assert.deepEqual(first.counts, {
			created: 1,
			updated: 2,
			unchanged: 1,
			deactivated: 2,
			reactivated: 1,
			skipped: 1,
		});
		const second = planUpsert(items, applyWrites(existing, first), options);
		assert.deepEqual(second.writes, []);
		assert.deepEqual(second.counts, {
			created: 0,
			updated: 0,
			unchanged: 6,
			deactivated: 0,
			reactivated: 0,
			skipped: 1,
		});
	});

	test('agents with team memberships', () => {
		const desk = {
			team_id: 1,
			team_name: 'Service Desk',
			fortickets: true,
			unassigned_access: true,
			otheragent_access: true,
		};
		const existing: HaloRecord[] = [
			{
				id: 1,
				name: 'Person a',
				email: 'a@example.com',
				oktaid: 'a',
				isdisabled: false,
				teams: [{ team_id: 9, team_name: 'Manual', fortickets: true }],
			},
		];
		const items = [
			item({ id: 'a', target: 'agent', record: { team: 'Service Desk', teams: [desk] } }),
			item({ id: 'b', target: 'agent', record: { team: 'Service Desk', teams: [desk] } }),
		];
		const first = planUpsert(items, existing, agents);
		assert.deepEqual(
			first.entries.map((e) => e.action),
			['updated', 'created'],
		);
		assert.deepEqual(first.entries[0].write?.teams, [
			{ team_id: 9, team_name: 'Manual', fortickets: true },
			desk,
		]);
		assert.deepEqual(planUpsert(items, applyWrites(existing, first), agents).writes, []);
	});
});

describe('planUpsert: shape and scale', () => {
	test('deterministic: the same input gives the same plan', () => {
		const items = [item({ id: 'a' }), item({ id: 'b', status: 'SUSPENDED' }), item({ id: 'c' })];
		const existing = [halo(1, 'b'), halo(2, 'c', { oktaid: null })];
		assert.deepEqual(planUpsert(items, existing, users), planUpsert(items, existing, users));
	});

	test('writes are in entry order and point at their entries', () => {
		const plan = planUpsert(
			[item({ id: 'a' }), item({ id: 'b' }), item({ id: 'c', record: { name: 'C' } })],
			[halo(1, 'b'), halo(2, 'c')],
			users,
		);
		assert.deepEqual(
			plan.writes.map((w) => [w.entry, w.kind]),
			[
				[0, 'create'],
				[2, 'update'],
			],
		);
		assert.equal(plan.writes[1].payload, plan.entries[2].write);
	});

	test('the input is not modified', () => {
		const items = [item({ id: 'a', record: { name: 'X' } })];
		const existing = [halo(1, 'a')];
		const copy = JSON.parse(JSON.stringify({ items, existing }));
		planUpsert(items, existing, users);
		assert.deepEqual({ items, existing }, copy);
	});

	test('10,000 items against 10,000 existing records plans in well under a second', () => {
		const existing = Array.from({ length: 10_000 }, (_, i) =>
			halo(i + 1, `u${i}`, {
				oktaid: i % 2 === 0 ? `u${i}` : null,
				// Even ones match by Okta id with the exact email; odd ones by email, ignoring case.
				emailaddress: i % 2 === 0 ? `u${i}@example.com` : `U${i}@Example.com`,
			}),
		);
		const items = Array.from({ length: 10_000 }, (_, i) =>
			item({ id: `u${i}`, record: i % 10 === 0 ? { name: 'Changed' } : {} }),
		);
		// Best of three, so a busy CI machine measures the planner rather than its neighbours.
		let best = Infinity;
		let plan = planUpsert(items, existing, { ...users, deactivateMissing: true });
		for (let run = 0; run < 3; run++) {
			const started = performance.now();
			plan = planUpsert(items, existing, { ...users, deactivateMissing: true });
			best = Math.min(best, performance.now() - started);
		}
		assert.equal(plan.entries.length, 10_000);
		assert.equal(plan.counts.created, 0);
		// Odd ones are adopted by email (Okta id and exact email written); every tenth also gets a new name.
		assert.equal(plan.counts.updated, 6_000);
		assert.equal(plan.writes.length, 6_000);
		assert.ok(best < 1000, `took ${best.toFixed(0)} ms`);
	});
});

describe('chunk', () => {
	const cases: Array<[number, number, number[]]> = [
		[0, 50, []],
		[50, 50, [50]],
		[51, 50, [50, 1]],
		[120, 50, [50, 50, 20]],
	];
	for (const [count, size, sizes] of cases) {
		test(`${count} in batches of ${size}`, () => {
			const batches = chunk(
				Array.from({ length: count }, (_, i) => i),
				size,
			);
			assert.deepEqual(
				batches.map((b) => b.length),
				sizes,
			);
			assert.deepEqual(
				batches.flat(),
				Array.from({ length: count }, (_, i) => i),
			);
		});
	}
	test('refuses a batch size below 1', () => {
		assert.throws(() => chunk([1], 0), RangeError);
		assert.throws(() => chunk([1], 1.5), RangeError);
	});
});
