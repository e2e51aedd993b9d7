/**
 * The process-wide locks that keep overlapping executions from creating a
 * person or an onboarding ticket twice (docs/concurrency.md, "Overlapping
 * deliveries"). Keys name the Halo instance, so two Halo tenants never wait
 * for each other.
 */
import { sleep } from 'n8n-workflow';

import { KeyedLock } from '../core/keyedLock';

/** Held from a person's look-up until their record is written (Upsert). */
export const personLock = new KeyedLock(sleep);

/** Held from the check for a person's onboarding ticket until it is logged. */
export const onboardingLock = new KeyedLock(sleep);

export function personLockKey(haloBaseUrl: string, oktaId: string): string {
	return `${haloBaseUrl}\n${oktaId}`;
}

export function onboardingLockKey(
	haloBaseUrl: string,
	ticketTypeId: number,
	haloUserId: number,
): string {
	return `${haloBaseUrl}\n${ticketTypeId}\n${haloUserId}`;
}
