/**
 * A large Halo for the small-run cost tests and the event bench: `users`
 * existing end users (with Okta ids, spread over the seed's sites) and
 * `tickets` onboarding tickets of the seed's onboarding type, put straight
 * into the emulator's store (what years of Halo use leave behind).
 */
import { HALO_SEED } from '../../emulators/halo';
import type { HaloEmulator } from '../../emulators/halo';

export function fillHalo(halo: HaloEmulator, counts: { users: number; tickets: number }): void {
	const { store } = halo;
	const sites = store.sites.all();
	const standard = store.userRoles.get(HALO_SEED.userRoles.standard);
	const ids: number[] = [];
	for (let i = 0; i < counts.users; i++) {
		const site = sites[i % sites.length];
		const user = store.users.put({
			id: store.users.newId(),
			name: `Existing Person ${i}`,
			firstname: 'Existing',
			surname: `Person ${i}`,
			emailaddress: `existing.person${i}@example.org`,
			login: `existing.person${i}@example.org`,
			// Both of Halo's Okta id fields, as our Upsert writes them (lists show `okta_id`).
			oktaid: `00uexisting${String(i).padStart(8, '0')}`,
			okta_id: `00uexisting${String(i).padStart(8, '0')}`,
			site_id: site.id,
			site_name: site.name,
			client_id: site.client_id,
			inactive: i % 10 === 9,
			roles: standard ? [{ id: standard.id, name: standard.name }] : [],
		});
		ids.push(user.id as number);
	}
	for (let i = 0; i < counts.tickets; i++) {
		store.tickets.put({
			id: store.tickets.newId(),
			summary: `New starter: Existing Person ${i}`,
			tickettype_id: HALO_SEED.ticketTypes.onboarding,
			user_id: ids[i % Math.max(1, ids.length)],
		});
	}
}
