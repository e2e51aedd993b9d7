import assert from 'node:assert/strict';
import crypto from 'node:crypto';

import { secretsEqual } from '../../lib/core/secureCompare';

describe('secretsEqual', () => {
	const cases: Array<[string, string, string | undefined, boolean]> = [
		['equal', 's3cret-value', 's3cret-value', true],
		['different, same length', 's3cret-value', 's3cret-valuf', false],
		['prefix of the secret', 's3cret-value', 's3cret', false],
		['longer than the secret', 's3cret-value', 's3cret-value-and-more', false],
		['missing', 's3cret-value', undefined, false],
		['empty received', 's3cret-value', '', false],
		['empty expected never matches', '', '', false],
		['unicode', 'pässwörd✓', 'pässwörd✓', true],
		['case matters', 'Secret', 'secret', false],
	];
	for (const [name, expected, received, result] of cases) {
		test(name, () => assert.equal(secretsEqual(expected, received), result));
	}

	test('compares with crypto.timingSafeEqual on equal-length buffers, whatever the input lengths', () => {
		const calls: Array<[number, number]> = [];
		const original = crypto.timingSafeEqual;
		const spy = jest
			.spyOn(crypto, 'timingSafeEqual')
			.mockImplementation((a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
				calls.push([a.byteLength, b.byteLength]);
				return original(a, b);
			});
		try {
			secretsEqual('short', 'a much longer received value');
			secretsEqual('a much longer expected value', 'x');
		} finally {
			spy.mockRestore();
		}
		assert.equal(calls.length, 2);
		for (const [a, b] of calls) assert.equal(a, b);
	});
});
