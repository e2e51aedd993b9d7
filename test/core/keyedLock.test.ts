import assert from 'node:assert/strict';

import { KeyedLock } from '../../lib/core/keyedLock';

const tick = async (ms = 5): Promise<void> =>
	await new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('KeyedLock', () => {
	test('holders of one key run one after the other, in arrival order; other keys run alongside', async () => {
		const lock = new KeyedLock(tick);
		const log: string[] = [];
		const job = (name: string, keys: string[], ms: number) =>
			lock.run(keys, async () => {
				log.push(`${name}+`);
				await tick(ms);
				log.push(`${name}-`);
			});
		await Promise.all([job('a', ['p1'], 20), job('b', ['p1'], 5), job('c', ['p2'], 5)]);
		assert.deepEqual(log, ['a+', 'c+', 'c-', 'a-', 'b+', 'b-']);
		assert.equal(lock.size, 0);
	});

	test('runs sharing keys in any order cannot deadlock (keys taken sorted)', async () => {
		const lock = new KeyedLock(tick);
		let inside = 0;
		let most = 0;
		const job = (keys: string[]) =>
			lock.run(keys, async () => {
				inside++;
				most = Math.max(most, inside);
				await tick(3);
				inside--;
			});
		await Promise.all([job(['x', 'y']), job(['y', 'x']), job(['y', 'z', 'x']), job(['x'])]);
		assert.equal(most, 1);
		assert.equal(lock.size, 0);
	});

	test('released when the work throws', async () => {
		const lock = new KeyedLock(tick);
		await assert.rejects(
			lock.run(['k'], async () => {
				throw new Error('boom');
			}),
			/boom/,
		);
		const held = await lock.acquire(['k'], { timeoutMs: 50 });
		assert.equal(held.exclusive, true);
		held.release();
		held.release();
		assert.equal(lock.size, 0);
	});

	test('a waiter goes on without the lock after the timeout, and says so', async () => {
		const lock = new KeyedLock(tick);
		const stuck = await lock.acquire(['k']);
		const started = Date.now();
		const late = await lock.acquire(['k'], { timeoutMs: 30 });
		assert.equal(late.exclusive, false);
		assert.ok(Date.now() - started >= 25);
		late.release();
		stuck.release();
		// Both gone: the next holder gets the key at once.
		const next = await lock.acquire(['k'], { timeoutMs: 30 });
		assert.equal(next.exclusive, true);
		next.release();
		assert.equal(lock.size, 0);
	});

	test('duplicate keys in one request are taken once', async () => {
		const lock = new KeyedLock(tick);
		const held = await lock.acquire(['a', 'a', 'b'], { timeoutMs: 30 });
		assert.equal(held.exclusive, true);
		held.release();
	});
});
