/**
 * Create Onboarding Ticket in n8n's engine against the Halo emulator: one
 * ticket per person across runs and repeated items, client and site from the
 * user, templates and custom fields, the CAB-approval refusal explained, and
 * the calls each run makes.
 */
import assert from 'node:assert/strict';

import type { IDataObject } from 'n8n-workflow';

import { HALO_SEED, startHaloEmulator } from '../../../emulators/halo';
import type { HaloEmulator, HaloSeed } from '../../../emulators/halo';
import type { UpsertResultItem } from '../../../lib/core/types';
import { assertHaloRequestBody } from '../../helpers/haloSpec';
import { runWorkflow } from '../../helpers/n8nEngine';

const S = HALO_SEED;
const NODE = 'Create Onboarding Ticket';
const ONBOARDING = { ticketTypeId: S.ticketTypes.onboarding, templateId: S.templates.newStarter };

const PEOPLE = [
	{ id: 30, name: 'Ada Lovelace', site_id: S.sites.branchOffice },
	{ id: 31, name: 'Alan Turing', site_id: S.sites.headOffice },
	{ id: 32, name: 'Grace Hopper', site_id: S.sites.remoteWorkers },
	{ id: 33, name: 'Carl Cab', site_id: S.sites.headOffice },
];

function person(
	id: number,
	action: UpsertResultItem['action'] = 'created',
	record: IDataObject = {},
): UpsertResultItem {
	const seeded = PEOPLE.find((p) => p.id === id)!;
	const [first, last] = seeded.name.split(' ');
	return {
		action,
		target: 'user',
		haloId: id,
		changes: {},
		okta: {
			id: `00u${id}`,
			status: 'ACTIVE',
			login: `${first.toLowerCase()}@example.com`,
			groups: [],
			profile: {
				firstName: first,
				lastName: last,
				department: 'Engineering',
				startDate: '2025-04-01',
			},
		},
		// As the Upsert leaves a created user: the mapped fields plus Halo's answer (client and site).
		record: { name: seeded.name, site_id: seeded.site_id, client_id: S.clientId, ...record },
	};
}

let halo: HaloEmulator;

function workflow(parameters: IDataObject, settings: IDataObject = {}) {
	return {
		name: 'onboarding',
		nodes: [
			{
				id: '1',
				name: NODE,
				type: 'n8n-nodes-okta-halo.haloOnboardingTicket',
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials: { haloApi: { id: 'halo', name: 'Halo (emulator)' } },
				...settings,
			},
		],
		connections: {},
	};
}

const json = (onboarding: IDataObject = ONBOARDING, extra: IDataObject = {}) => ({
	configSource: 'json',
	configJson: JSON.stringify({ onboarding }),
	...extra,
});

async function run(
	items: UpsertResultItem[],
	parameters: IDataObject = json(),
	settings: IDataObject = {},
) {
	halo.server.clearLog();
	const result = await runWorkflow(workflow(parameters, settings), {
		credentials: {
			haloApi: { url: halo.url, clientId: 'halo-client', clientSecret: 'halo-secret' },
		},
		startItems: items.map((item) => ({ json: item as unknown as IDataObject })),
	});
	// /api/authinfo belongs to the credential's token fetch, not to the node.
	const api = halo.server.log.filter((r) => /^\/api\//i.test(r.path) && !/authinfo/i.test(r.path));
	const calls = api.map((r) => `${r.method} ${r.path.replace(/^\/api\//i, '')}`);
	for (const r of api) if (r.method === 'POST') assertHaloRequestBody(r.path, r.body);
	return { ...result, out: result.output[NODE] ?? [], calls };
}

const ticketsOf = (userId: number) => halo.store.tickets.all().filter((t) => t.user_id === userId);

describe('Create Onboarding Ticket (n8n engine, Halo emulator)', () => {
	beforeEach(async () => {
		await halo?.close();
		halo = await startHaloEmulator({
			seed: { users: PEOPLE.map((p) => ({ ...p })) } as unknown as Partial<HaloSeed>,
		});
	});
	afterAll(async () => halo?.close());

	test('across three runs each created person has exactly one onboarding ticket', async () => {
		const first = await run([person(30), person(31), person(32, 'updated')]);
		assert.equal(first.status, 'success');
		assert.deepEqual(
			first.calls,
			['GET Tickets', 'POST Tickets'],
			'existing tickets read once, one batched POST',
		);
		assert.equal(typeof first.out[0].ticketId, 'number');
		assert.deepEqual(first.out[0].ticket, {
			id: first.out[0].ticketId,
			summary: 'New starter: Ada Lovelace',
		});
		assert.match(String(first.out[2].skipped), /Not newly created/);

		// The same items again (a re-run over the same Upsert output): nobody gets a second ticket.
		const second = await run([person(30), person(31)]);
		assert.deepEqual(second.calls, ['GET Tickets']);
		assert.match(
			String(second.out[0].skipped),
			new RegExp(`Already has onboarding ticket ${String(first.out[0].ticketId)}`),
		);

		// Everyone, created or not: only Grace, who has none yet, gets one.
		const third = await run(
			[person(30, 'unchanged'), person(31, 'unchanged'), person(32, 'unchanged')],
			json(ONBOARDING, { onlyCreated: false }),
		);
		assert.deepEqual(third.calls, ['GET Tickets', 'POST Tickets']);
		assert.equal(third.out[2].ticket !== undefined, true);

		for (const id of [30, 31, 32])
			assert.equal(ticketsOf(id).length, 1, `user ${id} has exactly one onboarding ticket`);
		const ada = ticketsOf(30)[0];
		assert.equal(ada.client_id, S.clientId);
		assert.equal(ada.site_id, S.sites.branchOffice);
		assert.equal(ada.template_id, S.templates.newStarter);
		assert.equal(ada.tickettype_id, S.ticketTypes.onboarding);
	});

	test('a repeated input item does not create a second ticket', async () => {
		const { out, calls } = await run([person(30), person(30), person(31)]);
		assert.deepEqual(calls, ['GET Tickets', 'POST Tickets']);
		assert.equal(typeof out[0].ticketId, 'number');
		assert.match(String(out[1].skipped), /Repeated input/);
		assert.equal(out[1].ticketId, undefined);
		assert.equal(ticketsOf(30).length, 1);
		assert.deepEqual(
			out.map((o) => o.haloId),
			[30, 30, 31],
			'every item comes out, in order',
		);
	});

	test('templates, ticket fields and custom fields from the UI; client and site looked up when the item lacks them', async () => {
		const parameters = {
			configSource: 'ui',
			ticketTypeId: S.ticketTypes.onboarding,
			templateId: '',
			summary: 'Onboard {{record.name}} ({{okta.profile.department}})',
			details: 'Starts {{profile.startDate}}.',
			ticketFields: {
				mapping: [
					{ halo: 'CFStartDate', okta: 'okta.profile.startDate' },
					{ halo: 'customfield_12', okta: 'login' },
					{ halo: 'category_1', okta: 'profile.department' },
				],
			},
		};
		const { out, calls, status } = await run(
			[
				person(30, 'created', { client_id: undefined }),
				person(31, 'created', { client_id: undefined, site_id: undefined }),
			],
			parameters,
		);
		assert.equal(status, 'success');
		// Ada's site is known: the sites list gives its client; Alan's item has no site: his user is read.
		assert.deepEqual(calls, ['GET Tickets', 'GET Site', 'GET Users/31', 'POST Tickets']);
		const ticket = ticketsOf(30)[0];
		assert.equal(out[0].ticketId, ticket.id);
		assert.equal(ticket.summary, 'Onboard Ada Lovelace (Engineering)');
		assert.equal(ticket.details, 'Starts 2025-04-01.');
		assert.equal(ticket.category_1, 'Engineering');
		assert.deepEqual(ticket.customfields, [
			{ name: 'CFStartDate', value: '2025-04-01' },
			{ id: 12, value: 'ada@example.com' },
		]);
		assert.equal(ticket.client_id, S.clientId);
		assert.equal(ticketsOf(31)[0].site_id, S.sites.headOffice);
	});

	test('a ticket type that needs CAB approval: the refusal is explained', async () => {
		const { status, nodeErrors } = await run(
			[person(33)],
			json({ ticketTypeId: S.ticketTypes.change }),
		);
		assert.equal(status, 'error');
		assert.equal(
			nodeErrors[NODE].message,
			'Halo refused the ticket because ticket type "Change Request" (4) needs CAB approval: choose a ticket type without CAB approval, or set its approvers (CAB) in Halo.',
		);
		assert.equal(halo.store.tickets.size, 0);
	});

	test('with Continue On Fail the others still get theirs', async () => {
		// The ticket type is an n8n expression per item: Carl's needs CAB approval, the others' does not.
		const parameters = {
			configSource: 'ui',
			ticketTypeId: `={{ $json.haloId === 33 ? ${S.ticketTypes.change} : ${S.ticketTypes.onboarding} }}`,
		};
		const { out, status, calls } = await run([person(30), person(33), person(31)], parameters, {
			onError: 'continueRegularOutput',
		});
		assert.equal(status, 'success');
		assert.equal(typeof out[0].ticketId, 'number');
		assert.equal(typeof out[2].ticketId, 'number');
		assert.match(String(out[1].error), /ticket type "Change Request" \(4\) needs CAB approval/);
		assert.equal(out[1].action, 'created', "the Upsert's action stays");
		assert.equal(ticketsOf(30).length + ticketsOf(31).length, 2);
		assert.deepEqual(calls, [
			'GET Tickets',
			'GET Tickets',
			'POST Tickets',
			'POST Tickets',
			'GET TicketType',
		]);
	});

	test('a person Halo does not know fails alone; the others in the batch get theirs', async () => {
		const ghost = {
			...person(31, 'created', { site_id: undefined, client_id: undefined }),
			haloId: 99,
		};
		const { out, status, calls } = await run([person(30), ghost, person(32)], json(), {
			onError: 'continueRegularOutput',
		});
		assert.equal(status, 'success');
		assert.match(String(out[1].error), /User 99 does not exist/);
		assert.equal(typeof out[0].ticketId, 'number');
		assert.equal(typeof out[2].ticketId, 'number');
		// [30, 99, 32] refused → [30, 99] refused → [30], [99]; then [32].
		assert.deepEqual(calls, [
			'GET Tickets',
			'GET Users/99',
			'POST Tickets',
			'POST Tickets',
			'POST Tickets',
			'POST Tickets',
			'POST Tickets',
		]);
	});

	test('agents and failed upserts are skipped without a call', async () => {
		const agent = { ...person(30), target: 'agent' as const };
		const failed = { ...person(31), action: 'failed' as const, error: 'boom' };
		const { out, calls } = await run([agent, failed]);
		assert.deepEqual(calls, []);
		assert.match(String(out[0].skipped), /Agents are not Halo end users/);
		assert.match(String(out[1].skipped), /failed/);
	});

	test('a configuration without an onboarding section names what is missing', async () => {
		const { status, nodeErrors } = await run([person(30)], {
			configSource: 'json',
			configJson: '{"roleMappings": []}',
		});
		assert.equal(status, 'error');
		assert.match(nodeErrors[NODE].message, /onboarding\.ticketTypeId/);
	});
});
