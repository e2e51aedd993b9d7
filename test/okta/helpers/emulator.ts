/** Okta emulator helpers for the client tests: request counting and service-app keys. */
import { generateKeyPairSync } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';

import type { LoggedRequest } from '../../../emulators/server';
import type { OktaEmulator } from '../../../emulators/okta';

/** API and OAuth requests the emulator saw since `from` (an index into its log). */
export function requestsSince(okta: OktaEmulator, from: number): LoggedRequest[] {
	return okta.server.log.slice(from);
}

/** The bound for listing users with groups: ⌈users/200⌉ + Σ⌈members/1000⌉ + ⌈groups/200⌉ + 3. */
export function requestBound(okta: OktaEmulator): number {
	const users = okta.store.users.length;
	const groups = okta.store.groups;
	const members = groups.reduce(
		(sum, group) => sum + Math.ceil(okta.store.memberIdsOf(group.id).length / 1000),
		0,
	);
	return Math.ceil(users / 200) + members + Math.ceil(groups.length / 200) + 3;
}

export interface ServiceAppKeys {
	privateKeyPem: string;
	privateJwk: JsonWebKey;
	publicJwk: JsonWebKey;
}

export function serviceAppKeys(kind: 'rsa' | 'ec' = 'rsa'): ServiceAppKeys {
	const pair =
		kind === 'rsa'
			? generateKeyPairSync('rsa', { modulusLength: 2048 })
			: generateKeyPairSync('ec', { namedCurve: 'P-256' });
	return {
		privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
		privateJwk: pair.privateKey.export({ format: 'jwk' }),
		publicJwk: pair.publicKey.export({ format: 'jwk' }),
	};
}
