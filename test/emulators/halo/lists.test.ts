import assert from 'node:assert/strict';
import { HALO_SEED, startHaloEmulator, type HaloEmulator } from '../../../emulators/halo';
import { api, token, type Api } from './http';

const S = HALO_SEED;

const users = [
	{
		id: 11,
		name: 'Alice Smith',
		emailaddress: 'alice.smith@acme.test',
		site_id: S.sites.headOffice,
	},
	{ id: 12, name: 'Bob Jones', emailaddress: 'bob@acme.test', site_id: S.sites.branchOffice },
	{ id: 13, name: 'Carol Smithers', emailaddress: 'carol@acme.test', site_id: S.sites.headOffice },
	{ id: 14, name: 'Dan Brown', emailaddress: 'dan@SMITH.test', site_id: S.sites.remoteWorkers },
	{
		id: 15,
		name: 'Eve Old',
		emailaddress: 'eve@acme.test',
		site_id: S.sites.headOffice,
		inactive: true,
	},
	{
		id: 16,
		name: 'Fay Gone',
		emailaddress: 'fay@acme.test',
		site_id: S.sites.branchOffice,
		inactive: true,
	},
	{ id: 17, name: 'Gus Green', emailaddress: 'gus@acme.test', site_id: S.sites.headOffice },
];
const agents = [
	{
		id: 21,
		name: 'Agent Active',
		email: 'active@acme.test',
		team: 'Service Desk',
		roles: [{ id: S.agentRoles.technician, name: '' }],
	},
	{
		id: 22,
		name: 'Agent Disabled',
		email: 'disabled@acme.test',
		team: 'Infrastructure',
		isdisabled: true,
	},
];

describe('Halo emulator: lists', () => {
	let halo: HaloEmulator;
	let client: Api;
	beforeAll(async () => {
		halo = await startHaloEmulator({
			seed: {
				users,
				agents,
				cabs: [
					{ id: 1, name: 'Change Advisory Board', members: [{ agent_id: 21 }] },
					{ id: 2, name: 'Emergency CAB' },
				],
			},
		});
		client = api(halo, await token(halo));
		const ticket = await client.post('Tickets', [
			{ summary: 'Onboard Alice', tickettype_id: S.ticketTypes.onboarding, user_id: 11 },
		]);
		assert.equal(ticket.status, 200);
		await client.post('Tickets', [
			{ summary: 'Broken laptop', tickettype_id: S.ticketTypes.incident, user_id: 12 },
		]);
	});
	afterAll(() => halo.close());

	test('Users, Site, Client and Tickets are wrapped with record_count; the rest are bare arrays', async () => {
		const wrapped: Record<string, string> = {
			Users: 'users',
			Site: 'sites',
			Client: 'clients',
			Tickets: 'tickets',
		};
		for (const [path, key] of Object.entries(wrapped)) {
			const answer = await client.get(path);
			assert.equal(answer.status, 200, path);
			assert.deepEqual(Object.keys(answer.body).sort(), ['record_count', key].sort(), path);
			assert.ok(Array.isArray(answer.body[key]), path);
			assert.equal(answer.body.record_count, answer.body[key].length, path);
		}
		for (const path of [
			'Agent',
			'Team',
			'Roles',
			'UserRoles',
			'CAB',
			'CABMember',
			'TicketType',
			'Template',
		]) {
			const answer = await client.get(path);
			assert.equal(answer.status, 200, path);
			assert.ok(Array.isArray(answer.body), `${path} answers a bare array`);
			assert.ok(answer.body.length > 0, `${path} has seeded records`);
		}
	});

	test('seeded reference data: 3 sites of one client, 4 teams, GUID agent roles, integer user roles', async () => {
		const sites = (await client.get('Site')).body.sites;
		assert.deepEqual(sites.map((s: any) => s.id).sort(), [1, 2, 3]);
		assert.ok(
			sites.every((s: any) => s.client_id === S.clientId && s.client_name === 'Acme Corporation'),
		);
		assert.equal((await client.get('Team')).body.length, 4);
		const roles = (await client.get('Roles')).body;
		assert.ok(roles.every((r: any) => /^[0-9a-f-]{36}$/.test(r.id)));
		const userRoles = (await client.get('UserRoles')).body;
		assert.ok(userRoles.every((r: any) => Number.isInteger(r.id)));
		const types = (await client.get('TicketType')).body;
		assert.ok(types.some((t: any) => t.id === S.ticketTypes.onboarding));
		// RequestType_List has no approval process; the full record has it.
		assert.equal(
			(await client.get(`TicketType/${S.ticketTypes.change}`)).body.approval_process_id,
			S.cabApprovalProcessId,
		);
	});

	test('pageinate=true pages 1-based with page_size, and record_count is the total', async () => {
		const seen: number[] = [];
		const q = { includeinactive: true, pageinate: true, page_size: 3 };
		for (const [page, size] of [
			[1, 3],
			[2, 3],
			[3, 1],
			[4, 0],
		]) {
			const answer = await client.get('Users', { ...q, page_no: page });
			assert.equal(answer.body.record_count, 7);
			assert.equal(answer.body.page_no, page);
			assert.equal(answer.body.page_size, 3);
			assert.equal(answer.body.users.length, size, `page ${page}`);
			seen.push(...answer.body.users.map((u: any) => u.id));
		}
		assert.deepEqual([...seen].sort(), [11, 12, 13, 14, 15, 16, 17]);
	});

	test('count=N answers the first N and the full record_count', async () => {
		const answer = await client.get('Users', { count: 2 });
		assert.equal(answer.body.users.length, 2);
		assert.equal(answer.body.record_count, 5);
		assert.deepEqual(Object.keys(answer.body).sort(), ['record_count', 'users']);
	});

	test('search matches name or email, any case', async () => {
		const answer = await client.get('Users', { search: 'smith' });
		assert.deepEqual(answer.body.users.map((u: any) => u.id).sort(), [11, 13, 14]);
		const agentsFound = await client.get('Agent', { search: 'ACTIVE@' });
		assert.deepEqual(
			agentsFound.body.map((a: any) => a.id),
			[21],
		);
	});

	test('inactive users are left out unless includeinactive=true', async () => {
		const active = (await client.get('Users')).body.users.map((u: any) => u.id);
		assert.ok(!active.includes(15) && !active.includes(16));
		assert.equal(active.length, 5);
		const all = (await client.get('Users', { includeinactive: true })).body;
		assert.equal(all.record_count, 7);
		const onlyInactive = (
			await client.get('Users', { includeinactive: true, includeactive: false })
		).body;
		assert.deepEqual(onlyInactive.users.map((u: any) => u.id).sort(), [15, 16]);
	});

	test('users filter by site_id and client_id, and carry site and client names', async () => {
		const answer = await client.get('Users', { site_id: S.sites.headOffice });
		assert.deepEqual(answer.body.users.map((u: any) => u.id).sort(), [11, 13, 17]);
		const alice = answer.body.users.find((u: any) => u.id === 11);
		assert.equal(alice.site_name, 'Head Office');
		assert.equal(alice.client_id, S.clientId);
		assert.equal(alice.client_name, 'Acme Corporation');
		assert.equal(alice.inactive, false);
		// Users_List has no roles; the full record has them.
		assert.equal(alice.roles, undefined);
		assert.deepEqual((await client.get('Users/11')).body.roles, []);
		assert.equal((await client.get('Users', { client_id: 99 })).body.record_count, 0);
	});

	test('disabled agents need includedisabled=true; the API agent needs includeapiagents=true', async () => {
		const ids = async (q: Record<string, string | boolean> = {}) =>
			(await client.get('Agent', q)).body.map((a: any) => a.id).sort();
		assert.deepEqual(await ids(), [21]);
		assert.deepEqual(await ids({ includedisabled: true }), [21, 22]);
		assert.deepEqual(await ids({ includedisabled: true, includeenabled: false }), [22]);
		assert.deepEqual(await ids({ includeapiagents: true }), [S.apiAgentId, 21]);
	});

	test('agent lists carry roles only with includeroles=true; GET by id always', async () => {
		const plain = (await client.get('Agent')).body[0];
		assert.equal(plain.roles, undefined);
		assert.equal(plain.team, 'Service Desk');
		assert.deepEqual(
			plain.teams.map((t: any) => [
				t.team_id,
				t.team_name,
				t.fortickets,
				t.unassigned_access,
				t.otheragent_access,
			]),
			[[S.teams.serviceDesk, 'Service Desk', true, false, false]],
		);
		const withRoles = (await client.get('Agent', { includeroles: true })).body[0];
		assert.deepEqual(withRoles.roles, [{ id: S.agentRoles.technician, name: 'Technician' }]);
		assert.deepEqual((await client.get('Agent/21')).body.roles, [
			{ id: S.agentRoles.technician, name: 'Technician' },
		]);
		assert.deepEqual(
			(
				await client.get('Agent', { team_id: S.teams.infrastructure, includedisabled: true })
			).body.map((a: any) => a.id),
			[22],
		);
	});

	test('CAB lists members only with includemembers=true; CABMember lists every membership', async () => {
		const plain = (await client.get('CAB')).body;
		assert.ok(plain.every((c: any) => c.members === undefined));
		const withMembers = (await client.get('CAB', { includemembers: true })).body;
		assert.deepEqual(
			withMembers.find((c: any) => c.id === 1).members.map((m: any) => m.agent_id),
			[21],
		);
		const members = (await client.get('CABMember')).body;
		assert.deepEqual(
			members.map((m: any) => [m.cab_id, m.agent_id, m.member_name]),
			[[1, 21, 'Agent Active']],
		);
		assert.equal((await client.get('CAB/1')).body.members.length, 1);
	});

	test('tickets filter by requesttype_id (the ticket type) and user_id', async () => {
		const onboarding = (await client.get('Tickets', { requesttype_id: S.ticketTypes.onboarding }))
			.body;
		assert.equal(onboarding.record_count, 1);
		assert.equal(onboarding.tickets[0].summary, 'Onboard Alice');
		assert.equal(onboarding.tickets[0].tickettype_id, S.ticketTypes.onboarding);
		const bobs = (await client.get('Tickets', { user_id: 12 })).body;
		assert.deepEqual(
			bobs.tickets.map((t: any) => t.summary),
			['Broken laptop'],
		);
	});

	test('templates filter by ticket_type_id', async () => {
		const answer = (await client.get('Template', { ticket_type_id: S.ticketTypes.onboarding }))
			.body;
		assert.deepEqual(
			answer.map((t: any) => t.id),
			[S.templates.newStarter],
		);
	});

	test('GET by id answers the record, or 404 {Message}', async () => {
		assert.equal((await client.get('Users/15')).body.name, 'Eve Old');
		assert.equal(
			(await client.get(`Roles/${S.agentRoles.administrator.toUpperCase()}`)).body.name,
			'Administrator',
		);
		const missing = await client.get('Users/999');
		assert.equal(missing.status, 404);
		assert.deepEqual(Object.keys(missing.body), ['Message']);
	});

	test('paths are case-insensitive', async () => {
		assert.equal((await client.get('users')).status, 200);
		assert.equal((await client.get('TICKETTYPE')).status, 200);
	});
});
