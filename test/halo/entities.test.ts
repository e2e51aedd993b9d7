import assert from 'node:assert/strict';

import { chunk } from '../../lib/core/chunk';
import { alignSaved, batchSizeOf, unwrapList } from '../../lib/halo/entities';

describe('list answers', () => {
	test('bare arrays and the four wrappers unwrap', () => {
		assert.deepEqual(unwrapList([{ id: 1 }]), { records: [{ id: 1 }] });
		for (const key of ['users', 'sites', 'clients', 'tickets']) {
			assert.deepEqual(unwrapList({ record_count: 7, [key]: [{ id: 2 }] }), {
				records: [{ id: 2 }],
				total: 7,
			});
		}
	});

	test('record_count without a list is an empty page; junk is no list', () => {
		assert.deepEqual(unwrapList({ record_count: 0 }), { records: [], total: 0 });
		assert.equal(unwrapList('nope'), undefined);
		assert.equal(unwrapList({ a: 1 }), undefined);
		assert.equal(unwrapList(null), undefined);
	});
});

describe('batches', () => {
	test('chunk', () => {
		assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
		assert.deepEqual(chunk([], 50), []);
		assert.deepEqual(chunk([1], batchSizeOf(0)), [[1]]);
	});

	test('answers align in input order', () => {
		assert.deepEqual(alignSaved([{ name: 'a' }, { name: 'b' }], [{ id: 1 }, { id: 2 }]), [
			{ id: 1 },
			{ id: 2 },
		]);
		assert.deepEqual(alignSaved([{ name: 'a' }], { id: 9, name: 'a' }), [{ id: 9, name: 'a' }]);
	});

	test('a short answer is matched by id for updates and in order for creates', () => {
		const sent = [{ name: 'new1' }, { id: 5, name: 'upd' }, { name: 'new2' }];
		const answer = [
			{ id: 5, name: 'upd' },
			{ id: 10, name: 'new1' },
		];
		assert.deepEqual(alignSaved(sent, answer), [
			{ id: 10, name: 'new1' },
			{ id: 5, name: 'upd' },
			undefined,
		]);
	});
});
