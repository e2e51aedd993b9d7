/** The onboarding dropdowns against the Halo emulator: ticket types, and templates of the chosen type. */
import assert from 'node:assert/strict';

import { HALO_SEED, startHaloEmulator } from '../../../emulators/halo';
import type { HaloEmulator } from '../../../emulators/halo';
import { loadOptions } from '../../../nodes/HaloOnboardingTicket/loadOptions';
import { haloToken, loadOptionsContext } from '../HaloApplyRoleMappings/support/loadOptionsContext';

describe('Create Onboarding Ticket dropdowns', () => {
	let halo: HaloEmulator;
	let authorization: Record<string, string>;
	beforeAll(async () => {
		halo = await startHaloEmulator();
		authorization = { haloApi: `Bearer ${await haloToken(halo.url)}` };
	});
	afterAll(async () => halo?.close());

	const context = (parameters: Record<string, unknown>) =>
		loadOptionsContext({
			parameters,
			credentials: {
				haloApi: { url: halo.url, clientId: 'halo-client', clientSecret: 'halo-secret' },
			},
			authorization,
		});

	test('ticket types', async () => {
		const types = await loadOptions.getHaloTicketTypes.call(context({}));
		assert.ok(types.some((t) => t.value === HALO_SEED.ticketTypes.onboarding));
	});

	test('templates of the chosen ticket type, after "none"; all of them before a type is chosen', async () => {
		const ofOnboarding = await loadOptions.getTemplatesOfType.call(
			context({ ticketTypeId: HALO_SEED.ticketTypes.onboarding }),
		);
		assert.deepEqual(ofOnboarding, [
			{ name: '- None -', value: '' },
			{ name: 'New Starter', value: HALO_SEED.templates.newStarter },
		]);
		const all = await loadOptions.getTemplatesOfType.call(context({ ticketTypeId: '' }));
		assert.equal(all.length, 3);
	});
});
