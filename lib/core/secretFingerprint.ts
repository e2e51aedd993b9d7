import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * A fingerprint of a secret that can be stored where the secret may not be
 * (n8n's workflow static data is saved unencrypted with the workflow), to tell
 * later whether the secret changed. Salted scrypt rather than a plain hash: a
 * short, human-chosen secret must not be recoverable by hashing guesses.
 * Format: `scrypt:<N>:<salt>:<hash>` (base64url).
 */
const SCHEME = 'scrypt';
const COST = 16384;
const BLOCK_SIZE = 8;
const KEY_LENGTH = 32;

export function secretFingerprint(secret: string, salt: Buffer = randomBytes(16)): string {
	return [SCHEME, COST, salt.toString('base64url'), derive(secret, salt, COST)].join(':');
}

/** Whether `fingerprint` was made from `secret`; false for anything that is not a fingerprint. */
export function fingerprintMatches(fingerprint: unknown, secret: string): boolean {
	if (typeof fingerprint !== 'string') return false;
	const [scheme, cost, salt, hash, ...rest] = fingerprint.split(':');
	const n = Number(cost);
	// Only costs this code could have written: a tampered value must not make scrypt allocate at will.
	if (scheme !== SCHEME || rest.length > 0 || n !== COST || !salt || !hash) return false;
	const expected = Buffer.from(hash, 'base64url');
	const actual = Buffer.from(derive(secret, Buffer.from(salt, 'base64url'), n), 'base64url');
	return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function derive(secret: string, salt: Buffer, cost: number): string {
	return scryptSync(secret, salt, KEY_LENGTH, { N: cost, r: BLOCK_SIZE, p: 1 }).toString(
		'base64url',
	);
}
