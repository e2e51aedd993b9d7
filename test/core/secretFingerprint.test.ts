import assert from 'node:assert/strict';

import { fingerprintMatches, secretFingerprint } from '../../lib/core/secretFingerprint';

describe('secretFingerprint', () => {
	test('matches its own secret only, and never contains it', () => {
		const secret = 'hook-secret-5a1f';
		const fingerprint = secretFingerprint(secret);
		assert.ok(fingerprintMatches(fingerprint, secret));
		assert.ok(!fingerprintMatches(fingerprint, 'hook-secret-5a1g'));
		assert.ok(!fingerprintMatches(fingerprint, ''));
		assert.ok(!fingerprint.includes(secret));
		assert.ok(!fingerprint.includes(Buffer.from(secret).toString('base64url')));
		assert.match(fingerprint, /^scrypt:16384:[\w-]+:[\w-]+$/);
	});

	test('salted: the same secret gives different fingerprints, both matching', () => {
		const a = secretFingerprint('same');
		const b = secretFingerprint('same');
		assert.notEqual(a, b);
		assert.ok(fingerprintMatches(a, 'same') && fingerprintMatches(b, 'same'));
	});

	test('anything else is no match (missing, foreign scheme, other cost, tampered)', () => {
		const good = secretFingerprint('s');
		const [, , salt, hash] = good.split(':');
		for (const value of [
			undefined,
			null,
			42,
			'',
			's',
			`sha256:16384:${salt}:${hash}`,
			`scrypt:1048576:${salt}:${hash}`,
			`scrypt:16384:${salt}:${hash}:extra`,
			`scrypt:16384::${hash}`,
			`scrypt:16384:${salt}:${hash.slice(1)}`,
		])
			assert.ok(!fingerprintMatches(value, 's'), String(value));
	});
});
