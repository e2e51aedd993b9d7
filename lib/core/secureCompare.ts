import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a received secret with the expected one in constant time.
 * Both sides are hashed first, so the buffers `timingSafeEqual` sees always have
 * the same length and neither the length nor a common prefix of the expected
 * secret leaks through timing. An empty expected secret never matches: a
 * credential without a secret must not accept unauthenticated calls.
 */
export function secretsEqual(expected: string, received: string | undefined): boolean {
	if (expected.length === 0 || typeof received !== 'string') return false;
	return timingSafeEqual(digest(expected), digest(received));
}

function digest(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}
