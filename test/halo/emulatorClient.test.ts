/** The Halo client against the emulator: every list shape, token discovery, rate-limit back-off, error shapes, writes. */
import assert from 'node:assert/strict';

import { HALO_SEED, startHaloEmulator } from '../../emulators/halo';
import type { HaloEmulator, HaloErrorShape } from '../../emulators/halo';
import { HaloApiError } from '../../lib/halo/HaloApiError';
import { HaloClient } from '../../lib/halo/HaloClient';
import { haloBearerRequestFn, requestHaloToken } from '../../lib/halo/auth';
import type { HttpRequest } from '../../lib/http/types';
import { fetchRequestFn } from '../helpers/fetchRequestFn';
import { assertBodiesValid } from './support/bodies';

const creds = { clientId: 'halo-client', clientSecret: 'halo-secret' };

function clientFor(
	halo: HaloEmulator,
	sent: HttpRequest[] = [],
	extra: { sleep?: (ms: number) => Promise<void>; pageSize?: number } = {},
) {
	const sleep = extra.sleep ?? (async () => {});
	const send = haloBearerRequestFn(
		fetchRequestFn((r) => sent.push(r)),
		{ url: halo.url, ...creds },
		{ sleep },
	);
	return new HaloClient({
		baseUrl: halo.url,
		send,
		pageSize: extra.pageSize ?? 2,
		retry: { sleep },
	});
}

describe('HaloClient against the emulator', () => {
	let halo: HaloEmulator;
	beforeAll(async () => {
		halo = await startHaloEmulator({ rateLimit: { max: 100_000, windowMs: 300_000 } });
	});
	afterAll(() => halo.close());

	test('reads every entity the nodes need, unwrapping wrappers and bare arrays, paging where Halo pages', async () => {
		const client = clientFor(halo);
		assert.deepEqual((await client.listSites()).map((s) => s.id).sort(), [1, 2, 3]);
		assert.equal((await client.listClients()).length, 1);
		assert.equal((await client.listTeams()).length, 4);
		const roles = await client.listAgentRoles();
		assert.ok(roles.some((r) => r.id === HALO_SEED.agentRoles.technician));
		assert.equal((await client.listUserRoles()).length, 3);
		assert.equal((await client.listCabs()).length, 2);
		assert.ok(Array.isArray(await client.listCabMembers()));
		assert.equal((await client.listTicketTypes()).length, 4);
		assert.equal((await client.listTemplates()).length, 2);
		assert.equal(
			(await client.listTemplates({ ticketTypeId: HALO_SEED.ticketTypes.onboarding })).length,
			1,
		);
		assert.deepEqual(
			await client.listTickets({ ticketTypeId: HALO_SEED.ticketTypes.onboarding }),
			[],
		);
		assert.equal((await client.getAgentMe()).id, HALO_SEED.apiAgentId);
	});

	test('users and agents: inactive/disabled only when asked; users paged', async () => {
		const sent: HttpRequest[] = [];
		const client = clientFor(halo, sent);
		const saved = await client.save('Users', [
			{ name: 'A One', site_id: 1, emailaddress: 'a@x.test' },
			{ name: 'B Two', site_id: 1, emailaddress: 'b@x.test', inactive: true },
			{ name: 'C Three', site_id: 2, emailaddress: 'c@x.test' },
		]);
		assert.deepEqual(
			saved.map((u) => u.name),
			['A One', 'B Two', 'C Three'],
		);
		assert.ok(saved.every((u) => typeof u.id === 'number'));
		assert.equal((await client.listUsers()).length, 2);
		assert.equal((await client.listUsers({ includeInactive: true })).length, 3);
		const userPages = sent.filter((r) => r.method === 'GET' && r.url.endsWith('/api/Users'));
		assert.equal(
			userPages.length,
			1 + 2,
			'page size 2: one page of 2 active users, two pages of 3 users',
		);

		await client.save('Agent', [
			{ name: 'Agent On', email: 'on@x.test' },
			{
				name: 'Agent Off',
				email: 'off@x.test',
				isdisabled: true,
				roles: [{ id: HALO_SEED.agentRoles.technician }],
			},
		]);
		assert.equal((await client.listAgents()).length, 1);
		const all = await client.listAgents({ includeDisabled: true, includeRoles: true });
		assert.equal(all.length, 2);
		assert.deepEqual(
			(all.find((a) => a.name === 'Agent Off')?.roles as Array<{ id: string }>).map((r) => r.id),
			[HALO_SEED.agentRoles.technician],
		);
		assertBodiesValid(sent);
	});

	test('every Halo error shape becomes one sentence with Halo’s words', async () => {
		const shapes: HaloErrorShape[] = ['resultCode', 'ClassName', 'Message', 'error', 'text'];
		const client = clientFor(halo);
		for (const shape of shapes) {
			halo.injectError({
				shape,
				status: 400,
				message: `Refused as ${shape}`,
				match: (r) => /\/api\/Team$/i.test(r.path),
			});
			await assert.rejects(client.listTeams(), (e: unknown) => {
				assert.ok(e instanceof HaloApiError);
				assert.equal(e.message, `Halo answered 400 to GET /api/Team: Refused as ${shape}.`);
				return true;
			});
		}
		// A real refusal: a user without a site.
		await assert.rejects(
			client.save('Users', [{ name: 'No Site' }]),
			/Halo answered 400 to POST \/api\/Users: Please select a site for the user\./,
		);
	});
});

describe('token and rate limit against the emulator', () => {
	test('authinfo points to a moved auth server; the tenant is sent; the secret never shows in errors', async () => {
		const halo = await startHaloEmulator({ authPath: '/identity', tenant: 'acme' });
		try {
			const send = fetchRequestFn();
			const token = await requestHaloToken(send, { url: halo.url, tenant: 'acme', ...creds });
			assert.ok(token.accessToken.length > 10);
			await assert.rejects(
				requestHaloToken(send, { url: halo.url, ...creds }),
				/Unknown or missing tenant/,
			);
			await assert.rejects(
				requestHaloToken(send, {
					url: halo.url,
					tenant: 'acme',
					clientId: 'halo-client',
					clientSecret: 'wrong-secret-value',
				}),
				(e: Error) => {
					assert.match(
						e.message,
						/^Halo answered 401 to request an access token: invalid_client\.$/,
					);
					assert.doesNotMatch(e.message + String(e.stack), /wrong-secret-value/);
					return true;
				},
			);
		} finally {
			await halo.close();
		}
	});

	test('a plain-text 429 with no headers is backed off and the read completes', async () => {
		let clock = 1_000_000;
		const halo = await startHaloEmulator({
			rateLimit: { max: 2, windowMs: 60_000 },
			now: () => clock,
		});
		try {
			const waits: number[] = [];
			const sleep = async (ms: number) => {
				waits.push(ms);
				clock += ms;
			};
			const client = clientFor(halo, [], { sleep, pageSize: 1 });
			const sites = await client.listSites();
			assert.equal(sites.length, 3);
			assert.ok(waits.length > 0, 'backed off');
			assert.ok(halo.server.log.some((e) => e.status === 429));
			assert.equal(client.stats.retries, waits.length);
		} finally {
			await halo.close();
		}
	});
});
