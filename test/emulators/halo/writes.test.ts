import assert from 'node:assert/strict';
import {
	CAB_APPROVAL_REFUSAL,
	HALO_SEED,
	startHaloEmulator,
	type HaloEmulator,
} from '../../../emulators/halo';
import { api, token, type Api } from './http';

const S = HALO_SEED;

describe('Halo emulator: array POSTs', () => {
	let halo: HaloEmulator;
	let client: Api;
	beforeAll(async () => {
		halo = await startHaloEmulator();
		client = api(halo, await token(halo));
	});
	afterAll(() => halo.close());
	beforeEach(() => halo.store.users.clear());

	test('records without id are created with new integer ids; several answer an array', async () => {
		const answer = await client.post('Users', [
			{
				name: 'Ann Lee',
				emailaddress: 'ann@acme.test',
				site_id: S.sites.branchOffice,
				oktaid: '00u1',
			},
			{
				firstname: 'Ben',
				surname: 'Ode',
				emailaddress: 'ben@acme.test',
				site_id: S.sites.headOffice,
			},
		]);
		assert.equal(answer.status, 200);
		assert.ok(Array.isArray(answer.body));
		const [ann, ben] = answer.body;
		assert.ok(Number.isInteger(ann.id) && Number.isInteger(ben.id) && ann.id !== ben.id);
		assert.equal(ann.site_id, S.sites.branchOffice);
		assert.equal(ann.site_name, 'Branch Office');
		assert.equal(ann.client_id, S.clientId);
		assert.equal(ann.client_name, 'Acme Corporation');
		assert.equal(ann.oktaid, '00u1');
		assert.equal(ann.inactive, false);
		assert.equal(ben.name, 'Ben Ode');
		assert.equal(halo.store.users.size, 2);
	});

	test('one record answers the saved object; an id updates by merge', async () => {
		const created = await client.post('Users', [
			{ name: 'Cat Roe', emailaddress: 'cat@acme.test', site_id: S.sites.headOffice, title: 'Dev' },
		]);
		assert.equal(created.status, 200);
		assert.ok(!Array.isArray(created.body));
		const id = created.body.id;
		const updated = await client.post('Users', [
			{ id, site_id: S.sites.remoteWorkers, inactive: true },
		]);
		assert.equal(updated.status, 200);
		assert.equal(updated.body.id, id);
		assert.equal(updated.body.title, 'Dev', 'fields not sent are kept');
		assert.equal(updated.body.site_name, 'Remote Workers', 'site fields follow site_id');
		assert.equal(updated.body.inactive, true);
		assert.equal(halo.store.users.size, 1);
		assert.equal((await client.get('Users')).body.record_count, 0, 'now inactive');
	});

	test('an unknown site_id is refused with {ClassName, Message} and nothing of the batch is saved', async () => {
		const answer = await client.post('Users', [
			{ name: 'Good One', site_id: S.sites.headOffice },
			{ name: 'Bad One', site_id: 999 },
		]);
		assert.equal(answer.status, 400);
		assert.deepEqual(Object.keys(answer.body).sort(), ['ClassName', 'Message']);
		assert.match(answer.body.Message, /Site 999/);
		assert.equal(halo.store.users.size, 0);
	});

	test('a user needs a site', async () => {
		const answer = await client.post('Users', [{ name: 'No Site' }]);
		assert.equal(answer.status, 400);
		assert.match(answer.body.Message, /site/i);
	});

	test('fields Halo does not have, and wrong types, are refused (the swagger schema, at every depth)', async () => {
		const unknown = await client.post('Users', [{ name: 'X', site_id: 1, email: 'x@acme.test' }]);
		assert.equal(unknown.status, 400);
		assert.equal(unknown.body.ClassName, 'System.Text.Json.JsonException');
		assert.match(unknown.body.Message, /'email'.*'Users'.*\$\[0\]\.email/);
		const nested = await client.post('Users', [
			{ name: 'X', site_id: 1, roles: [{ id: 1, label: 'x' }] },
		]);
		assert.equal(nested.status, 400);
		assert.match(nested.body.Message, /'label'.*'UserRoles'/);
		const wrongType = await client.post('Users', [{ name: 'X', site_id: '1' }]);
		assert.equal(wrongType.status, 400);
		assert.match(wrongType.body.Message, /\$\[0\]\.site_id/);
		assert.equal(halo.store.users.size, 0);
	});

	test('a body that is not an array is refused; an unknown id is 404', async () => {
		const object = await client.post('Users', { name: 'X', site_id: 1 });
		assert.equal(object.status, 400);
		const missing = await client.post('Users', [{ id: 4242, name: 'X' }]);
		assert.equal(missing.status, 404);
		assert.deepEqual(Object.keys(missing.body), ['Message']);
	});

	test('user roles: integer ids, the sent list replaces, add_roles adds, unknown ids refused', async () => {
		const created = await client.post('Users', [
			{ name: 'Dee', site_id: 1, roles: [{ id: S.userRoles.standard }] },
		]);
		assert.deepEqual(created.body.roles, [{ id: S.userRoles.standard, name: 'Standard User' }]);
		const replaced = await client.post('Users', [
			{ id: created.body.id, roles: [{ id: S.userRoles.approver }] },
		]);
		assert.deepEqual(replaced.body.roles, [{ id: S.userRoles.approver, name: 'Approver' }]);
		const added = await client.post('Users', [
			{ id: created.body.id, add_roles: [{ id: S.userRoles.siteContact }] },
		]);
		assert.deepEqual(
			added.body.roles.map((r: any) => r.id),
			[S.userRoles.approver, S.userRoles.siteContact],
		);
		assert.equal(added.body.add_roles, undefined);
		const bad = await client.post('Users', [{ id: created.body.id, roles: [{ id: 77 }] }]);
		assert.equal(bad.status, 400);
	});

	test('agents: default team by name, memberships with the three permissions, GUID roles, isdisabled', async () => {
		const created = await client.post('Agent', [
			{
				firstname: 'Eli',
				surname: 'Fox',
				email: 'eli@acme.test',
				oktaid: '00u9',
				team: 'service desk',
				teams: [
					{
						team_name: '2nd Line Support',
						fortickets: false,
						unassigned_access: true,
						otheragent_access: true,
					},
				],
				roles: [{ id: S.agentRoles.technician }, { id: S.agentRoles.changeApprover.toUpperCase() }],
			},
		]);
		assert.equal(created.status, 200);
		const agent = created.body;
		assert.equal(agent.name, 'Eli Fox');
		assert.equal(agent.team, 'Service Desk');
		assert.equal(agent.isdisabled, false);
		assert.deepEqual(
			agent.teams
				.map((t: any) => [t.team_id, t.fortickets, t.unassigned_access, t.otheragent_access])
				.sort(),
			[
				[S.teams.serviceDesk, true, false, false],
				[S.teams.secondLine, false, true, true],
			].sort(),
		);
		assert.deepEqual(agent.roles, [
			{ id: S.agentRoles.technician, name: 'Technician' },
			{ id: S.agentRoles.changeApprover, name: 'Change Approver' },
		]);
		const disabled = await client.post('Agent', [{ id: agent.id, isdisabled: true, roles: [] }]);
		assert.equal(disabled.body.isdisabled, true);
		assert.deepEqual(disabled.body.roles, []);
		assert.equal(disabled.body.email, 'eli@acme.test');
		const badTeam = await client.post('Agent', [{ name: 'X', team: 'No Such Team' }]);
		assert.equal(badTeam.status, 400);
		const badRole = await client.post('Agent', [
			{ name: 'X', roles: [{ id: '00000000-0000-0000-0000-000000000000' }] },
		]);
		assert.equal(badRole.status, 400);
		assert.ok(badRole.body.ClassName);
	});

	test('CAB: a save with members replaces the member list; kept members keep their membership id', async () => {
		const agents = await client.post('Agent', [
			{ name: 'Cab One', email: 'one@acme.test' },
			{ name: 'Cab Two', email: 'two@acme.test' },
			{ name: 'Cab Three', email: 'three@acme.test' },
		]);
		const [a1, a2, a3] = agents.body.map((a: any) => a.id);
		const first = await client.post('CAB', [
			{ id: S.cabs.changeBoard, members: [{ agent_id: a1 }, { agent_id: a2 }] },
		]);
		assert.equal(first.status, 200);
		assert.deepEqual(
			first.body.members.map((m: any) => m.agent_id),
			[a1, a2],
		);
		const keptId = first.body.members[1].id;
		const second = await client.post('CAB', [
			{ id: S.cabs.changeBoard, members: [{ agent_id: a2 }, { agent_id: a3 }] },
		]);
		assert.deepEqual(
			second.body.members.map((m: any) => m.agent_id),
			[a2, a3],
		);
		assert.equal(second.body.members[0].id, keptId);
		assert.equal(second.body.name, 'Change Advisory Board', 'name kept');
		const all = (await client.get('CABMember')).body;
		assert.deepEqual(
			all
				.filter((m: any) => m.cab_id === S.cabs.changeBoard)
				.map((m: any) => [m.agent_id, m.member_name, m.emailaddress]),
			[
				[a2, 'Cab Two', 'two@acme.test'],
				[a3, 'Cab Three', 'three@acme.test'],
			],
		);
		const unknown = await client.post('CAB', [
			{ id: S.cabs.changeBoard, members: [{ agent_id: 9999 }] },
		]);
		assert.equal(unknown.status, 400);
		const renamed = await client.post('CAB', [{ id: S.cabs.emergencyBoard, name: 'ECAB' }]);
		assert.equal(renamed.body.name, 'ECAB');
	});

	test('tickets: created with a new id, filled from the template and the user', async () => {
		const user = (
			await client.post('Users', [{ name: 'New Starter', site_id: S.sites.branchOffice }])
		).body;
		const ticket = await client.post('Tickets', [
			{
				tickettype_id: S.ticketTypes.onboarding,
				template_id: S.templates.newStarter,
				user_id: user.id,
				details: 'Welcome',
			},
		]);
		assert.equal(ticket.status, 200);
		assert.ok(Number.isInteger(ticket.body.id));
		assert.equal(ticket.body.summary, 'New starter');
		assert.equal(ticket.body.details, 'Welcome');
		assert.equal(ticket.body.user_name, 'New Starter');
		assert.equal(ticket.body.site_id, S.sites.branchOffice);
		assert.equal(ticket.body.client_id, S.clientId);
		assert.equal(ticket.body.tickettype_name, 'New Starter Onboarding');
		assert.equal(halo.store.tickets.get(ticket.body.id)?.summary, 'New starter');
	});

	test("a ticket type whose approval needs CAB members refuses with Halo's plain-text code", async () => {
		const before = halo.store.tickets.size;
		const refused = await client.post('Tickets', [
			{ summary: 'Change', tickettype_id: S.ticketTypes.change },
		]);
		assert.equal(refused.status, 400);
		assert.match(refused.headers.get('content-type') ?? '', /^text\/plain/);
		assert.equal(refused.body, 'CODE:APP03/2 Please select the CAB members to approve');
		assert.equal(refused.body, CAB_APPROVAL_REFUSAL);
		assert.equal(halo.store.tickets.size, before);
		const withApprovers = await client.post('Tickets', [
			{
				summary: 'Change',
				tickettype_id: S.ticketTypes.change,
				approvers: [{ cab_id: S.cabs.changeBoard }],
			},
		]);
		assert.equal(withApprovers.status, 200);
	});

	test('a ticket of an unknown type is refused with {resultCode, errorMessage}', async () => {
		const answer = await client.post('Tickets', [{ summary: 'x', tickettype_id: 999 }]);
		assert.equal(answer.status, 400);
		assert.deepEqual(Object.keys(answer.body).sort(), ['errorMessage', 'resultCode']);
	});

	test('DELETE removes a record; deleting it again is 404', async () => {
		const user = (await client.post('Users', [{ name: 'Temp', site_id: 1 }])).body;
		assert.equal((await client.del(`Users/${user.id}`)).status, 200);
		assert.equal(halo.store.users.get(user.id), undefined);
		assert.equal((await client.del(`Users/${user.id}`)).status, 404);
	});
});
