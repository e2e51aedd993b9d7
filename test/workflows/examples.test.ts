/**
 * The scheduled example workflows, exactly as shipped in examples/, run by n8n's
 * engine against both emulators: what they leave in Halo, and how many calls
 * they make on a first run, a run with nothing to do and a run after changes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { HALO_SEED, defaultHaloSeed } from '../../emulators/halo';
import type { IDataObject } from 'n8n-workflow';
import type { Emulators } from '../helpers/emulators';
import { startEmulators } from '../helpers/emulators';
import { assertHaloRequestBody } from '../helpers/haloSpec';
import { PACKAGE_DIR, runWorkflow } from '../helpers/n8nEngine';
import { configuredHaloControl } from '../helpers/haloControl';
import { DEFAULT_CURSOR_OVERLAP_MS } from '../../lib/core/incremental';

const ACTIVE = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY']);

function example(name: string): Record<string, unknown> {
	return JSON.parse(
		readFileSync(path.join(PACKAGE_DIR, 'examples', `${name}.json`), 'utf8'),
	) as Record<string, unknown>;
}

/** Teams named like the Okta org's departments, so the agent example's team mapping has matches. */
function haloSeedWithDepartmentTeams() {
	const seed = defaultHaloSeed();
	const departments = ['IT', 'Customer Support', 'Engineering', 'Security', 'Operations'];
	departments.forEach((name, i) => seed.teams.push({ ...seed.teams[0], id: 10 + i, name }));
	return { teams: seed.teams };
}

async function start(): Promise<Emulators> {
	return await startEmulators({
		okta: { org: { users: 400, groups: 30, apps: 3, seed: 3 } },
		halo: { rateLimit: { max: 100_000, windowMs: 300_000 }, seed: haloSeedWithDepartmentTeams() },
	});
}

function checkBodies(emulators: Emulators) {
	for (const request of emulators.halo.server.log) {
		if (request.method === 'POST' && /^\/api\//i.test(request.path))
			assertHaloRequestBody(request.path, request.body);
	}
}

describe('examples/okta-halo-user-sync.json', () => {
	let emulators: Emulators;
	beforeAll(async () => (emulators = await start()));
	afterAll(async () => await emulators.close());

	test('creates the active users on their sites; a second run writes nothing; changes write only themselves', async () => {
		const workflow = example('okta-halo-user-sync');
		const credentials = emulators.credentials();
		const store = emulators.okta.store;
		const active = store.users.filter((u) => ACTIVE.has(u.status));

		const first = await runWorkflow(workflow, { credentials });
		assert.equal(first.status, 'success', String(first.error));
		const halo = emulators.halo.store.users.all();
		assert.equal(halo.length, active.length);
		const london = store.groupByName('Office - London')!;
		const londoner = store.membersOf(london.id).find((u) => ACTIVE.has(u.status))!;
		const record = halo.find((u) => u.oktaid === londoner.id)!;
		assert.equal(record.site_id, HALO_SEED.sites.branchOffice);
		checkBodies(emulators);

		emulators.clearLogs();
		const second = await runWorkflow(workflow, { credentials: first.credentials });
		assert.equal(second.status, 'success', String(second.error));
		assert.equal(emulators.haloWrites(), 0, 'a second run writes nothing');
		assert.equal(first.preAuthCount.haloApi, 1, 'one Halo token for the first run');
		assert.equal(second.preAuthCount.haloApi ?? 0, 0, 'the token is reused by the next execution');

		const leaver = active[0];
		const renamed = active[1];
		store.updateUser(leaver.id, { status: 'SUSPENDED' });
		store.updateUser(renamed.id, { profile: { lastName: 'Renamed' } });
		emulators.clearLogs();
		const third = await runWorkflow(workflow, { credentials: first.credentials });
		assert.equal(third.status, 'success', String(third.error));
		const actions = third.output['Upsert Halo User/Agent'].filter(
			(i) => i.action !== 'unchanged' && i.action !== 'skipped',
		);
		assert.deepEqual(
			actions.map((i) => [(i.okta as IDataObject).id, i.action]).sort(),
			[
				[leaver.id, 'deactivated'],
				[renamed.id, 'updated'],
			].sort(),
		);
		assert.equal(emulators.haloWrites(), 1, 'both changes in one batched POST');
		assert.equal(
			emulators.halo.store.users.all().find((u) => u.oktaid === leaver.id)!.inactive,
			true,
		);
	});
});

describe('examples/okta-halo-agent-sync.json', () => {
	let emulators: Emulators;
	beforeAll(async () => (emulators = await start()));
	afterAll(async () => await emulators.close());

	test('makes the Service Desk Agents agents with teams, roles and CAB seats; a second run writes nothing; changes write only themselves', async () => {
		const workflow = example('okta-halo-agent-sync');
		// Map to Halo is a pure transform: no Halo credential, even with a team mapping.
		const nodes = workflow.nodes as Array<{ type: string; credentials?: unknown }>;
		const map = nodes.find((node) => node.type.endsWith('.mapToHalo'))!;
		assert.equal(map.credentials, undefined);
		const credentials = emulators.credentials();
		const store = emulators.okta.store;
		const agentsGroup = store.groupByName('Service Desk Agents')!;
		const cabGroup = store.groupByName('Change Advisory Board')!;
		const members = store.membersOf(agentsGroup.id).filter((u) => ACTIVE.has(u.status));
		assert.ok(members.length > 0);

		const first = await runWorkflow(workflow, { credentials });
		assert.equal(first.status, 'success', String(first.error));
		const agents = emulators.halo.store.agents.all().filter((a) => a.oktaid);
		assert.equal(agents.length, members.length);
		for (const member of members) {
			const agent = agents.find((a) => a.oktaid === member.id)!;
			const roleIds = (agent.roles ?? []).map((r) => r.id);
			assert.ok(
				roleIds.includes(HALO_SEED.agentRoles.technician),
				'every Service Desk Agent is a Technician',
			);
			const department = String(member.profile.department);
			const team = emulators.halo.store.teams.all().find((t) => t.name === department);
			if (team) assert.equal(agent.team, team.name);
		}
		const cabMembers = new Set(store.membersOf(cabGroup.id).map((u) => u.id));
		const expectedCab = agents
			.filter((a) => cabMembers.has(String(a.oktaid)))
			.map((a) => a.id)
			.sort();
		const cab = emulators.halo.store.cabs.all().find((c) => c.id === HALO_SEED.cabs.changeBoard)!;
		assert.deepEqual((cab.members ?? []).map((m) => m.agent_id).sort(), expectedCab);
		checkBodies(emulators);

		emulators.clearLogs();
		const second = await runWorkflow(workflow, { credentials: first.credentials });
		assert.equal(second.status, 'success', String(second.error));
		assert.equal(emulators.haloWrites(), 0, 'a second run writes nothing');

		// Up to 20 changes: new job titles, one leaver, and a CAB seat given up in Okta.
		const leaver = members[0];
		const retitled = members.slice(1, 20);
		const cabLeaver = members.find((m) => cabMembers.has(m.id) && m.id !== leaver.id);
		assert.ok(retitled.length >= 5 && cabLeaver, 'the org has enough agents to change');
		store.updateUser(leaver.id, { status: 'SUSPENDED' });
		for (const member of retitled)
			store.updateUser(member.id, { profile: { title: `Senior ${member.id}` } });
		store.removeMember(cabGroup.id, cabLeaver.id);
		emulators.clearLogs();
		const third = await runWorkflow(workflow, { credentials: first.credentials });
		assert.equal(third.status, 'success', String(third.error));
		const changed = third.output['Upsert Halo User/Agent'].filter(
			(i) => i.action !== 'unchanged' && i.action !== 'skipped',
		);
		assert.deepEqual(
			changed.map((i) => [(i.okta as IDataObject).id, i.action]).sort(),
			[[leaver.id, 'deactivated'], ...retitled.map((m) => [m.id, 'updated'])].sort(),
		);
		for (const member of retitled)
			assert.equal(agentOf(emulators, member.id).jobtitle, `Senior ${member.id}`);
		assert.equal(agentOf(emulators, leaver.id).isdisabled, true);
		const seats = (
			emulators.halo.store.cabs.all().find((c) => c.id === HALO_SEED.cabs.changeBoard)!.members ??
			[]
		).map((m) => m.agent_id);
		assert.ok(!seats.includes(agentOf(emulators, cabLeaver.id).id), 'the CAB seat is given up');
		checkBodies(emulators);
	});
});

function agentOf(emulators: Emulators, oktaId: string) {
	return emulators.halo.store.agents.all().find((a) => a.oktaid === oktaId)!;
}

describe('examples/okta-halo-incremental-sync.json', () => {
	let emulators: Emulators;
	beforeAll(async () => (emulators = await start()));
	afterAll(async () => await emulators.close());

	test('the first scheduled run reads everyone; after five Okta changes the next reads and applies only those', async () => {
		const workflow = example('okta-halo-incremental-sync');
		const store = emulators.okta.store;
		// Scheduled runs move the cursor (manual test runs do not).
		const first = await runWorkflow(workflow, {
			credentials: emulators.credentials(),
			mode: 'trigger',
		});
		assert.equal(first.status, 'success', String(first.error));
		const active = store.users.filter((u) => ACTIVE.has(u.status));
		assert.equal(emulators.halo.store.users.all().length, active.length);
		assert.equal(
			emulators.halo.store.tickets.all().length,
			active.length,
			'one onboarding ticket per created user',
		);

		const lastSeen = Math.max(...store.users.map((u) => Date.parse(u.lastUpdated)));
		const changed = [
			store.updateUser(active[0].id, { status: 'SUSPENDED' }),
			store.updateUser(active[1].id, { profile: { title: 'Head of Everything' } }),
			store.updateUser(active[2].id, { profile: { lastName: 'Moved' } }),
		];
		const starter = store.createUser(
			{
				firstName: 'Ines',
				lastName: 'Starter',
				email: 'ines.starter@example.com',
				login: 'ines.starter@example.com',
			},
			'ACTIVE',
		);
		const starter2 = store.createUser(
			{
				firstName: 'Omar',
				lastName: 'Starter',
				email: 'omar.starter@example.com',
				login: 'omar.starter@example.com',
			},
			'ACTIVE',
		);
		emulators.clearLogs();
		const second = await runWorkflow(workflow, {
			credentials: first.credentials,
			staticData: first.staticData,
			mode: 'trigger',
		});
		assert.equal(second.status, 'success', String(second.error));
		const listed = second.output['List Changed Okta Users'];
		const expected = new Set([...changed.map((u) => u.id), starter.id, starter2.id]);
		for (const id of expected)
			assert.ok(
				listed.some((u) => u.id === id),
				`changed user ${id} is read`,
			);
		// Besides them, only users inside the cursor's safety overlap (1 minute before the last change seen) are read again.
		for (const user of listed.filter((u) => !expected.has(String(u.id)))) {
			assert.ok(
				Date.parse(String(user.lastUpdated)) >= lastSeen - DEFAULT_CURSOR_OVERLAP_MS,
				`unchanged user ${String(user.id)} re-read`,
			);
		}
		const userPages = emulators.okta.server.log.filter((r) => r.path === '/api/v1/users').length;
		assert.equal(userPages, 1, 'one page of changed users');
		// One page of changed users, one page of groups to size the choice, then groups per changed user (fewer calls than per group).
		assert.equal(emulators.oktaCalls(), 2 + listed.length);
		assert.equal(
			emulators.haloWrites() <= 3,
			true,
			'users, roles and tickets: one batched POST each at most',
		);
		const actions = Object.fromEntries(
			second.output['Upsert Halo User/Agent'].map((i) => [
				(i.okta as IDataObject).id as string,
				i.action,
			]),
		);
		assert.equal(actions[active[0].id], 'deactivated');
		assert.equal(actions[active[1].id], 'updated');
		assert.equal(actions[starter.id], 'created');
		const tickets = emulators.halo.store.tickets.all();
		assert.equal(tickets.length, active.length + 2, 'the two new starters get one ticket each');
	});
});

describe('examples/okta-halo-take-over-settings.json', () => {
	let emulators: Emulators;
	beforeAll(async () => {
		emulators = await start();
		Object.assign(
			emulators.halo.store.control,
			configuredHaloControl(emulators.okta.store.apps[0].id),
		);
	});
	afterAll(async () => await emulators.close());

	test("takes over Halo's Okta configuration and shows the dry-run plan; writes nothing", async () => {
		const run = await runWorkflow(example('okta-halo-take-over-settings'), {
			credentials: emulators.credentials(),
		});
		assert.equal(run.status, 'success', String(run.error?.message));
		assert.equal(emulators.haloWrites(), 0, 'a dry run writes nothing');
		const settings = run.output['Get Halo Okta Configuration'][0];
		assert.ok(((settings.config as IDataObject).user as IDataObject).siteRules);
		const plan = run.output['Plan: Upsert Halo Users (Dry Run)'];
		const created = plan.filter((i) => i.action === 'created');
		assert.ok(created.length > 0, 'the plan creates people');
		assert.ok(
			plan.every((i) => ['created', 'skipped'].includes(String(i.action))),
			'an empty Halo: the plan only creates and skips',
		);
		const london = emulators.okta.store.groupByName('Office - London')!;
		const londoner = emulators.okta.store.membersOf(london.id).find((u) => ACTIVE.has(u.status))!;
		const planned = plan.find((i) => (i.okta as IDataObject).id === londoner.id)!;
		assert.equal((planned.record as IDataObject).site_id, HALO_SEED.sites.branchOffice);
		assert.ok(run.output['Plan: Role Mappings (Dry Run)'].length > 0);
	});
});
