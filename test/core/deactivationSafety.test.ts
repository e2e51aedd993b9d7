/**
 * Deactivate Missing never overreaches: the guard's share is over the records
 * Okta manages (those with an Okta id, `oktaid` on full records or `okta_id`
 * on list answers), its always-allowed minimum never allows deactivating all
 * of them, and a person whose input item failed upstream is never deactivated.
 */
import assert from 'node:assert/strict';

import type { HaloRecord, MappedItem } from '../../lib/core/types';
import { planUpsert } from '../../lib/core/upsertPlan';

function item(id: string): MappedItem {
	return {
		target: 'user',
		okta: { id, status: 'ACTIVE', login: `${id}@corp.com`, groups: [], profile: {} },
		active: true,
		record: { name: id, emailaddress: `${id}@corp.com`, oktaid: id },
		createOnly: [],
		warnings: [],
	};
}

function halo(id: number, oktaId: string | null, key: 'oktaid' | 'okta_id' = 'oktaid'): HaloRecord {
	return {
		id,
		name: `p${id}`,
		emailaddress: `p${id}@corp.com`,
		[key]: oktaId,
		inactive: false,
	};
}

const options = {
	target: 'user' as const,
	matchOn: ['oktaid', 'emailaddress'],
	deactivateMissing: true,
};

describe('the guard counts Okta-managed records only', () => {
	test('2,000 active users, 150 from Okta, Okta returned 1: the guard stops the run', () => {
		const existing: HaloRecord[] = [];
		for (let i = 1; i <= 1850; i++) existing.push(halo(i, null));
		for (let i = 1; i <= 150; i++)
			existing.push(halo(10_000 + i, `00u${i}`, i % 2 ? 'oktaid' : 'okta_id'));
		const plan = planUpsert([item('00u1')], existing, options);
		assert.equal(plan.counts.deactivated, 149);
		assert.ok(plan.guardError, 'the guard trips');
		assert.match(plan.guardError!, /149 of 150/);
	});

	test('the always-allowed minimum never allows deactivating every Okta-managed record', () => {
		const existing = [1, 2, 3].map((i) => halo(i, `00u${i}`));
		const plan = planUpsert([], existing, { ...options, guard: { minCount: 10 } });
		assert.equal(plan.counts.deactivated, 3);
		assert.ok(plan.guardError);
		const some = planUpsert([item('00u1')], existing, { ...options, guard: { minCount: 10 } });
		assert.equal(some.counts.deactivated, 2);
		assert.equal(some.guardError, undefined);
	});
});

describe('failed items protect their people', () => {
	const existing = [1, 2, 3, 4].map((i) => halo(i, `00u${i}`));

	test('a person whose item failed upstream is not deactivated; the plan says how many and why', () => {
		const plan = planUpsert([item('00u1')], existing, {
			...options,
			failedUpstream: { oktaIds: ['00u2'], unidentified: 0 },
		});
		assert.deepEqual(
			plan.entries.filter((e) => e.action === 'deactivated').map((e) => e.haloId),
			[3, 4],
		);
		assert.equal(plan.leftAlone?.count, 1);
		assert.match(plan.leftAlone!.reason, /failed/);
	});

	test('a failed item whose person is unknown: nobody is deactivated', () => {
		const plan = planUpsert([item('00u1')], existing, {
			...options,
			failedUpstream: { oktaIds: [], unidentified: 1 },
		});
		assert.equal(plan.counts.deactivated, 0);
		assert.equal(plan.leftAlone?.count, 3);
		assert.match(plan.leftAlone!.reason, /1 input item failed/);
	});
});
