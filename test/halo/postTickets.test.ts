/**
 * Posting tickets so one refusal does not sink a batch, against the Halo
 * emulator (which saves a batch whole or not at all): the calls made and who
 * gets a ticket.
 */
import assert from 'node:assert/strict';

import { HALO_SEED, startHaloEmulator } from '../../emulators/halo';
import type { HaloEmulator, HaloSeed } from '../../emulators/halo';
import type { OnboardingTicket } from '../../lib/core/onboarding';
import { HaloClient } from '../../lib/halo/HaloClient';
import { haloBearerRequestFn } from '../../lib/halo/auth';
import type { HttpRequest } from '../../lib/http/types';
import { postTickets } from '../../lib/halo/postTickets';
import type { TicketJob } from '../../lib/halo/postTickets';
import { assertBodiesValid } from './support/bodies';
import { fetchRequestFn } from '../helpers/fetchRequestFn';

const S = HALO_SEED;
const USERS = [40, 41, 42, 43, 44];

let halo: HaloEmulator;
let sent: HttpRequest[];

function client(): HaloClient {
	const send = haloBearerRequestFn(
		fetchRequestFn((r) => sent.push(r)),
		{ url: halo.url, clientId: 'halo-client', clientSecret: 'halo-secret' },
	);
	return new HaloClient({ baseUrl: halo.url, send, retry: { sleep: async () => undefined } });
}

function job(
	index: number,
	userId: number,
	typeId: number,
	extra: Partial<OnboardingTicket> = {},
): TicketJob {
	return {
		index,
		ticket: {
			summary: `New starter ${userId}`,
			details: 'Welcome',
			tickettype_id: typeId,
			user_id: userId,
			...extra,
		},
	};
}

const ticketPosts = () =>
	sent
		.filter((r) => r.method === 'POST' && /\/api\/Tickets$/i.test(r.url))
		.map((r) => (r.body as unknown[]).length);
const explained = async (id: number) => new Error(`type ${id} needs CAB approval`);

describe('postTickets', () => {
	beforeEach(async () => {
		await halo?.close();
		halo = await startHaloEmulator({
			seed: {
				users: USERS.map((id) => ({ id, name: `User ${id}`, site_id: S.sites.headOffice })),
			} as unknown as Partial<HaloSeed>,
		});
		sent = [];
	});
	afterAll(async () => halo?.close());

	test('one call per batch when all is well', async () => {
		const results = await postTickets(
			client(),
			USERS.map((id, i) => job(i, id, S.ticketTypes.onboarding)),
			{
				batchSize: 2,
				continueOnError: true,
				cabRefusal: explained,
			},
		);
		assert.deepEqual(ticketPosts(), [2, 2, 1]);
		assert.equal([...results.values()].filter((r) => r.saved).length, 5);
		assertBodiesValid(sent);
	});

	test('CAB refusal: tickets without approvers fail without more calls, those naming approvers are posted singly', async () => {
		const jobs = [
			job(0, 40, S.ticketTypes.change),
			job(1, 41, S.ticketTypes.change, { approvers: [{ cab_id: S.cabs.changeBoard }] }),
			job(2, 42, S.ticketTypes.change),
			job(3, 43, S.ticketTypes.change),
			job(4, 44, S.ticketTypes.change),
		];
		const results = await postTickets(client(), jobs, {
			batchSize: 3,
			continueOnError: true,
			cabRefusal: explained,
		});
		// Batch 1 refused; its one ticket with approvers alone; batch 2 needs no call at all.
		assert.deepEqual(ticketPosts(), [3, 1]);
		assert.ok(results.get(1)?.saved);
		for (const index of [0, 2, 3, 4])
			assert.equal(results.get(index)?.error?.message, 'type 4 needs CAB approval');
		assert.equal(halo.store.tickets.size, 1);
		assertBodiesValid(sent);
	});

	test('another refusal: the batch is halved until the bad ticket stands alone', async () => {
		const jobs = [40, 41, 999, 43].map((id, i) => job(i, id, S.ticketTypes.onboarding));
		const results = await postTickets(client(), jobs, {
			batchSize: 4,
			continueOnError: true,
			cabRefusal: explained,
		});
		assert.deepEqual(ticketPosts(), [4, 2, 2, 1, 1]);
		assert.match(String(results.get(2)?.error?.message), /User 999 does not exist/);
		assert.equal([...results.values()].filter((r) => r.saved).length, 3);
	});

	test('without continue-on-fail the first refused batch ends the posting', async () => {
		const jobs = [999, 40, 41].map((id, i) => job(i, id, S.ticketTypes.onboarding));
		const results = await postTickets(client(), jobs, {
			batchSize: 1,
			continueOnError: false,
			cabRefusal: explained,
		});
		assert.deepEqual(ticketPosts(), [1]);
		assert.match(String(results.get(0)?.error?.message), /User 999 does not exist/);
		assert.equal(results.size, 1);
		assert.equal(halo.store.tickets.size, 0);
	});
});
