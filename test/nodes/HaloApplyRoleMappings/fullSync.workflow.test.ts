/**
 * The whole chain in n8n's engine against both emulators: List (with groups) →
 * Map → Upsert → Apply Role Mappings → Create Onboarding Ticket. People move
 * between Okta groups; Halo follows the mappings exactly, leaves unmanaged
 * roles and CAB seats alone, writes nothing when nothing changed, and logs one
 * onboarding ticket per created person however often it runs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { HALO_SEED } from '../../../emulators/halo';
import type { Emulators } from '../../helpers/emulators';
import { startEmulators } from '../../helpers/emulators';
import { assertHaloRequestBody } from '../../helpers/haloSpec';
import { PACKAGE_DIR, runWorkflow } from '../../helpers/n8nEngine';
import type { CredentialStore, RunResult } from '../../helpers/n8nEngine';

const S = HALO_SEED;
const ACTIVE = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY']);
type Workflow = { nodes: Array<{ name: string; parameters: IDataObject }> } & Record<
	string,
	unknown
>;

function fullSync(): Workflow {
	return JSON.parse(
		readFileSync(path.join(PACKAGE_DIR, 'examples', 'okta-halo-full-sync.json'), 'utf8'),
	) as Workflow;
}

function node(workflow: Workflow, name: string): { parameters: IDataObject } {
	const found = workflow.nodes.find((n) => n.name === name);
	assert.ok(found, `node ${name}`);
	return found;
}

/** Halo calls of the last run, by kind, with every POST body checked against the swagger. */
function haloCalls(emulators: Emulators): { reads: number; writes: string[] } {
	const api = emulators.halo.server.log.filter(
		(r) => /^\/api\//i.test(r.path) && !/authinfo/i.test(r.path),
	);
	const writes = api.filter((r) => r.method === 'POST');
	for (const write of writes) assertHaloRequestBody(write.path, write.body);
	return {
		reads: api.length - writes.length,
		writes: writes.map((w) => w.path.replace(/^\/api\//i, '')),
	};
}

async function runOk(
	workflow: Workflow,
	credentials: CredentialStore,
	emulators: Emulators,
): Promise<RunResult & { calls: ReturnType<typeof haloCalls> }> {
	emulators.clearLogs();
	const result = await runWorkflow(workflow, { credentials });
	assert.equal(result.status, 'success', String(result.error ?? JSON.stringify(result.nodeErrors)));
	return { ...result, calls: haloCalls(emulators) };
}

describe('examples/okta-halo-full-sync.json: users, user roles and onboarding tickets', () => {
	let emulators: Emulators;
	let credentials: CredentialStore;
	beforeAll(async () => {
		emulators = await startEmulators({
			okta: { org: { users: 120, groups: 30, apps: 2, seed: 7 } },
			halo: { rateLimit: { max: 100_000, windowMs: 300_000 } },
		});
		credentials = emulators.credentials();
	});
	afterAll(async () => emulators?.close());

	test('roles follow group moves, unmanaged roles stay, repeat runs write nothing, one ticket per new starter', async () => {
		const workflow = fullSync();
		const okta = emulators.okta.store;
		const halo = emulators.halo.store;
		// The example's onboarding.createdWithinDays (30): only people created in Okta that recently
		// get a ticket; the generated directory is years old, these two join today.
		const starters = [1, 2].map((n) =>
			okta.createUser({
				email: `new.starter${n}@example.com`,
				firstName: 'New',
				lastName: `Starter${n}`,
			}),
		);
		const active = okta.users.filter((u) => ACTIVE.has(u.status));
		const managers = okta.groupByName('Managers')!;
		const finance = okta.groupByName('Finance')!;
		const hr = okta.groupByName('Human Resources')!;
		const inGroup = (groupId: string, userId: string) =>
			okta.membersOf(groupId).some((m) => m.id === userId);
		const haloUser = (oktaId: string) => halo.users.all().find((u) => u.oktaid === oktaId)!;
		const roles = (oktaId: string) =>
			haloUser(oktaId)
				.roles.map((r) => r.id)
				.sort();

		const first = await runOk(workflow, credentials, emulators);
		assert.equal(halo.users.all().length, active.length);
		const onboarding = first.output['Create Onboarding Ticket'];
		const created = onboarding.filter((i) => i.ticketId);
		assert.deepEqual(
			created.map((i) => (i.okta as IDataObject).id).sort(),
			starters.map((u) => u.id).sort(),
			'only the people created in Okta within 30 days get a ticket',
		);
		const older = onboarding.filter((i) => i.action === 'created' && !i.ticketId);
		assert.equal(older.length, active.length - starters.length);
		for (const item of older)
			assert.match(String(item.skipped), /more than 30 days ago \(onboarding\.createdWithinDays\)/);
		for (const person of active) {
			const expected: number[] = [S.userRoles.standard];
			if (inGroup(managers.id, person.id) || inGroup(finance.id, person.id))
				expected.push(S.userRoles.approver);
			if (inGroup(hr.id, person.id)) expected.push(S.userRoles.siteContact);
			assert.deepEqual(roles(person.id), expected.sort(), `roles of ${person.profile.login}`);
		}

		// A manager leaves Managers (and is in no Finance group); someone joins HR; a hand-made role is added in Halo.
		const leaver = active.find(
			(u) => inGroup(managers.id, u.id) && !inGroup(finance.id, u.id) && !inGroup(hr.id, u.id),
		)!;
		const joiner = active.find(
			(u) => !inGroup(hr.id, u.id) && !inGroup(managers.id, u.id) && !inGroup(finance.id, u.id),
		)!;
		okta.removeMember(managers.id, leaver.id);
		okta.addMember(hr.id, joiner.id);
		const handMade = haloUser(leaver.id);
		handMade.roles.push({ id: S.userRoles.siteContact, name: 'Site Contact' });
		// Site Contact is managed (Human Resources grants it) and the leaver is not in HR: it goes. Standard is not managed: it stays.

		const second = await runOk(workflow, credentials, emulators);
		assert.deepEqual(roles(leaver.id), [S.userRoles.standard]);
		assert.deepEqual(roles(joiner.id), [S.userRoles.standard, S.userRoles.siteContact].sort());
		const roleOut = second.output['Apply Role Mappings'];
		const leaverOut = roleOut.find((i) => (i.okta as IDataObject).id === leaver.id)!;
		assert.deepEqual((leaverOut.roles as IDataObject).removed, {
			agentRoles: [],
			cabs: [],
			userRoles: [S.userRoles.approver, S.userRoles.siteContact],
		});
		assert.deepEqual(
			second.calls.writes,
			['Users'],
			'one batched POST for both role changes; no upsert writes, no tickets',
		);
		assert.equal(second.output['Create Onboarding Ticket'].filter((i) => i.ticketId).length, 0);

		const third = await runOk(workflow, credentials, emulators);
		assert.deepEqual(third.calls.writes, [], 'nothing changed: nothing written');
		for (const person of active) {
			const tickets = halo.tickets.all().filter((t) => t.user_id === haloUser(person.id).id);
			assert.equal(
				tickets.length,
				starters.includes(person) ? 1 : 0,
				`${person.profile.login} has exactly ${starters.includes(person) ? 'one onboarding ticket' : 'no ticket'} after three runs`,
			);
		}
		const ticket = halo.tickets.all()[0];
		assert.equal(ticket.tickettype_id, S.ticketTypes.onboarding);
		assert.equal(ticket.template_id, S.templates.newStarter);
		assert.ok(ticket.client_id === S.clientId && typeof ticket.site_id === 'number');

		// Request counts, for the closing note.
		process.stdout.write(
			`# full sync, ${active.length} users: run 1 Halo reads ${first.calls.reads}, writes ${first.calls.writes.length}; ` +
				`run 2 (2 moves) reads ${second.calls.reads}, writes ${second.calls.writes.length}; run 3 reads ${third.calls.reads}, writes 0\n`,
		);
	});
});

describe('the same chain for agents: agent roles and CAB seats follow group moves', () => {
	let emulators: Emulators;
	let credentials: CredentialStore;
	beforeAll(async () => {
		emulators = await startEmulators({
			okta: { org: { users: 60, groups: 30, apps: 2, seed: 11 } },
			halo: { rateLimit: { max: 100_000, windowMs: 300_000 } },
		});
		credentials = emulators.credentials();
	});
	afterAll(async () => emulators?.close());

	test('adds and removes exactly as mapped; unmanaged role and CAB untouched; a second run writes nothing', async () => {
		const okta = emulators.okta.store;
		const halo = emulators.halo.store;
		const people = okta.users.filter((u) => u.status === 'ACTIVE').slice(0, 4);
		const group = (name: string) => okta.groupByName(name)!;
		const cab = group('Change Advisory Board');
		const admins = group('Service Desk Admins');
		const agentsGroup = group('Service Desk Agents');
		// Start from a known state: nobody in the three mapped groups except as set here.
		for (const g of [cab, admins, agentsGroup])
			for (const p of people) okta.removeMember(g.id, p.id);
		const [a, b, c, d] = people;
		okta.addMember(cab.id, a.id);
		okta.addMember(agentsGroup.id, a.id);
		okta.addMember(agentsGroup.id, b.id);
		okta.addMember(admins.id, c.id);

		const config = JSON.stringify({
			roleMappings: [
				{ group: 'Service Desk Agents', agentRoleId: S.agentRoles.technician },
				{ group: 'Service Desk Admins', agentRoleId: S.agentRoles.administrator },
				{
					group: 'Change Advisory Board',
					agentRoleId: S.agentRoles.changeApprover,
					cabId: S.cabs.changeBoard,
				},
			],
		});
		const workflow = fullSync();
		workflow.nodes = workflow.nodes.filter((n) => n.name !== 'Create Onboarding Ticket');
		delete (workflow.connections as IDataObject)['Apply Role Mappings'];
		Object.assign(node(workflow, 'List Okta Users and Groups').parameters, {
			userIds: people.map((p) => p.id).join(','),
		});
		Object.assign(node(workflow, 'Map to Halo').parameters, {
			target: 'agent',
			configJson: config,
		});
		Object.assign(node(workflow, 'Upsert Halo User/Agent').parameters, { configJson: config });
		Object.assign(node(workflow, 'Apply Role Mappings').parameters, { configJson: config });

		const agent = (oktaId: string) => halo.agents.all().find((x) => x.oktaid === oktaId)!;
		const roleIds = (oktaId: string) =>
			agent(oktaId)
				.roles.map((r) => r.id)
				.sort();
		const seats = (cabId: number) =>
			halo.cabs
				.get(cabId)!
				.members.map((m) => m.agent_id)
				.sort();

		await runOk(workflow, credentials, emulators);
		assert.deepEqual(roleIds(a.id), [S.agentRoles.technician, S.agentRoles.changeApprover].sort());
		assert.deepEqual(roleIds(b.id), [S.agentRoles.technician]);
		assert.deepEqual(roleIds(c.id), [S.agentRoles.administrator]);
		assert.deepEqual(roleIds(d.id), []);
		assert.deepEqual(seats(S.cabs.changeBoard), [agent(a.id).id]);

		// Hand-made in Halo: a Read Only role and an Emergency CAB seat for A; no mapping manages either.
		agent(a.id).roles.push({ id: S.agentRoles.readOnly, name: 'Read Only' });
		halo.cabs
			.get(S.cabs.emergencyBoard)!
			.members.push({ id: 900, cab_id: S.cabs.emergencyBoard, agent_id: agent(a.id).id, type: 0 });

		// A leaves the CAB and becomes an admin; D joins the CAB.
		okta.removeMember(cab.id, a.id);
		okta.addMember(admins.id, a.id);
		okta.addMember(cab.id, d.id);

		const moved = await runOk(workflow, credentials, emulators);
		assert.deepEqual(
			roleIds(a.id),
			[S.agentRoles.technician, S.agentRoles.administrator, S.agentRoles.readOnly].sort(),
		);
		assert.deepEqual(roleIds(d.id), [S.agentRoles.changeApprover]);
		assert.deepEqual(roleIds(b.id), [S.agentRoles.technician]);
		assert.deepEqual(seats(S.cabs.changeBoard), [agent(d.id).id]);
		assert.deepEqual(
			seats(S.cabs.emergencyBoard),
			[agent(a.id).id],
			'the unmanaged CAB keeps its seat',
		);
		assert.deepEqual(
			moved.calls.writes,
			['Agent', 'CAB'],
			'two agents in one POST, the CAB in another',
		);
		const out = moved.output['Apply Role Mappings'].find(
			(i) => (i.okta as IDataObject).id === a.id,
		)!;
		assert.deepEqual(out.roles, {
			added: { agentRoles: [S.agentRoles.administrator], cabs: [], userRoles: [] },
			removed: {
				agentRoles: [S.agentRoles.changeApprover],
				cabs: [S.cabs.changeBoard],
				userRoles: [],
			},
		});

		const again = await runOk(workflow, credentials, emulators);
		assert.deepEqual(again.calls.writes, []);
	});
});
