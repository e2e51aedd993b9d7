/**
 * Email look-alikes are never adopted: addresses are compared after NFKC
 * normalisation, and an email adopts a Halo record only when both addresses
 * are plain ASCII and equal (case-insensitively). A look-alike (the Kelvin sign
 * U+212A folds to "k") gets a warning on its item instead of a match.
 */
import assert from 'node:assert/strict';

import { emailMatchKey } from '../../lib/core/email';
import type { MappedItem } from '../../lib/core/types';
import { planUpsert } from '../../lib/core/upsertPlan';

function item(id: string, email: string): MappedItem {
	return {
		target: 'user',
		okta: { id, status: 'ACTIVE', login: email, groups: [], profile: {} },
		active: true,
		record: { name: `Person ${id}`, emailaddress: email, oktaid: id },
		createOnly: [],
		warnings: [],
	};
}

const kim = { id: 7, name: 'Kim', emailaddress: 'kim@corp.com', oktaid: null, inactive: false };

describe('email look-alikes', () => {
	test('keys: ASCII addresses case-insensitively; anything else has no key', () => {
		assert.equal(emailMatchKey(' Kim@Corp.com '), 'kim@corp.com');
		assert.equal(emailMatchKey('\u212Aim@corp.com'), undefined);
		assert.equal(emailMatchKey('kim@corp.com\u200B'), undefined);
		assert.equal(emailMatchKey('ｋim@corp.com'), undefined);
	});

	test('the Kelvin sign does not adopt kim@corp.com; the item carries a warning naming both', () => {
		const plan = planUpsert([item('00u1', '\u212Aim@corp.com')], [kim], {
			target: 'user',
			matchOn: ['oktaid', 'emailaddress'],
		});
		const [entry] = plan.entries;
		assert.notEqual(entry.haloId, 7);
		assert.ok(!plan.writes.some((w) => w.payload.id === 7), 'Halo user 7 is not written');
		assert.equal(entry.warnings?.length, 1);
		assert.match(entry.warnings![0], /kim@corp\.com/);
		assert.match(entry.warnings![0], /U\+212A/);
	});

	test('a plain ASCII address still adopts, whatever its case', () => {
		const plan = planUpsert([item('00u2', 'KIM@corp.com')], [kim], {
			target: 'user',
			matchOn: ['oktaid', 'emailaddress'],
		});
		assert.equal(plan.entries[0].haloId, 7);
		assert.equal(plan.entries[0].warnings, undefined);
	});
});
