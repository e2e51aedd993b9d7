/**
 * End to end in a real n8n 2.41.1 server: the packed package installed where
 * n8n keeps community packages, credentials and workflows imported with the
 * CLI, workflows run with `n8n execute`, and the webhook workflow published and
 * called over HTTP while `n8n start` serves it. Both emulators run in this
 * process on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { defaultHaloSeed, HALO_SEED } from '../../emulators/halo';
import type { Emulators } from '../helpers/emulators';
import { startEmulators } from '../helpers/emulators';
import type { OktaFixture } from '../../emulators/okta';
import type { SsoCheckItem } from '../../lib/core/ssoChecks';
import {
	AGENT_URL,
	APP_ID,
	UNASSIGNED,
	haloOptions,
	oktaOptions,
	settingsWorkflow,
} from '../nodes/HaloOktaSettings/support/ssoSetup';
import type { ExecuteResult } from './realN8n';
import { assertLiveWebhookOnboarding, assertOverlappingDeliveries } from './liveWebhook';
import {
	N8nInstance,
	PACKAGE_DIR,
	emulatorCredentials,
	exampleWorkflows,
	installN8n,
	nodeOutput,
	packPackage,
	runErrors,
	withManualTrigger,
} from './realN8n';

const HOOK_SECRET = 'e2e-hook-secret-value';
const ACTIVE = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY']);

/** Teams named like Okta departments, so the agent example's team mapping finds some. */
function haloTeams() {
	const seed = defaultHaloSeed();
	['IT', 'Customer Support', 'Engineering', 'Security'].forEach((name, i) =>
		seed.teams.push({ ...seed.teams[0], id: 10 + i, name }),
	);
	return seed.teams;
}

function succeeded(result: ExecuteResult): ExecuteResult {
	assert.deepEqual(runErrors(result), []);
	return result;
}

function workflowFile(relative: string, id: string): Record<string, unknown> {
	const json = JSON.parse(readFileSync(path.join(PACKAGE_DIR, relative), 'utf8')) as Record<
		string,
		unknown
	>;
	return { ...json, id, active: false };
}

describe('the package in a real n8n server', () => {
	let n8n: N8nInstance;
	let emulators: Emulators;

	beforeAll(async () => {
		const install = installN8n();
		const tarball = packPackage(mkdtempSync(path.join(tmpdir(), 'okta-halo-pack-')));
		n8n = new N8nInstance(install, tarball);
		emulators = await startEmulators({
			okta: { org: { users: 300, groups: 30, apps: 3, seed: 7 } },
			halo: { rateLimit: { max: 10_000, windowMs: 300_000 }, seed: { teams: haloTeams() } },
		});
		await n8n.importCredentials(
			emulatorCredentials({ okta: emulators.okta.url, halo: emulators.halo.url }, HOOK_SECRET),
		);
		// Every example, as shipped; the scheduled ones get a Manual Trigger beside their Schedule Trigger for `n8n execute`.
		await n8n.importWorkflows([
			workflowFile('test/e2e/workflows/okta-list-users.json', 'e2eListUsers'),
			...exampleWorkflows().map((example) => withManualTrigger(example.workflow)),
		]);
	});

	afterAll(async () => {
		await n8n?.stop();
		await emulators?.close();
		n8n?.cleanup();
	});

	test('List Okta Users and Groups returns every user, DEPROVISIONED included, each with groups', async () => {
		const result = await n8n.execute('e2eListUsers');
		const users = nodeOutput(result, 'List Okta Users and Groups');
		const store = emulators.okta.store;
		assert.equal(users.length, store.users.length);
		assert.ok(
			users.some((u) => u.status === 'DEPROVISIONED'),
			'DEPROVISIONED users are listed',
		);
		const member = store.groups.find((g) => store.membersOf(g.id).length > 0)!;
		const someone = store.membersOf(member.id)[0];
		const listed = users.find((u) => u.id === someone.id) as {
			groups: Array<{ id: string; name: string }>;
		};
		assert.ok(listed.groups.some((g) => g.id === member.id && g.name === member.profile.name));
	});

	test('the full sync example: active users on their sites, user roles by group, one onboarding ticket per new starter', async () => {
		const store = emulators.okta.store;
		// The example's onboarding.createdWithinDays (30): the generated directory is years old; these two join today.
		const starters = [1, 2].map((n) =>
			store.createUser({
				email: `e2e.starter${n}@example.com`,
				firstName: 'E2E',
				lastName: `Starter${n}`,
			}),
		);
		const active = store.users.filter((u) => ACTIVE.has(u.status));
		succeeded(await n8n.execute('exampleFullSync'));
		const halo = emulators.halo.store;
		assert.equal(halo.users.all().length, active.length);
		assert.deepEqual(
			halo.tickets
				.all()
				.map((t) => halo.users.get(t.user_id)?.oktaid)
				.sort(),
			starters.map((u) => u.id).sort(),
			'one onboarding ticket per new starter, none for the existing directory',
		);
		const managers = store.groupByName('Managers')!;
		const manager = store.membersOf(managers.id).find((u) => ACTIVE.has(u.status))!;
		const record = halo.users.all().find((u) => u.oktaid === manager.id)!;
		assert.ok(
			(record.roles ?? []).some((r) => r.id === HALO_SEED.userRoles.approver),
			'Managers are Approvers',
		);

		emulators.clearLogs();
		succeeded(await n8n.execute('exampleFullSync'));
		assert.equal(emulators.haloWrites(), 0, 'a second run writes nothing');
		assert.equal(halo.tickets.all().length, starters.length, 'and logs no second ticket');
	});

	test('the user sync example: every active user matched, a repeat run writes nothing', async () => {
		succeeded(await n8n.execute('exampleUserSync'));
		emulators.clearLogs();
		const result = succeeded(await n8n.execute('exampleUserSync'));
		assert.equal(emulators.haloWrites(), 0);
		const actions = new Set(nodeOutput(result, 'Upsert Halo User/Agent').map((i) => i.action));
		assert.deepEqual([...actions].sort(), ['skipped', 'unchanged']);
	});

	test('the agent sync example: Service Desk Agents become agents with the Technician role', async () => {
		const store = emulators.okta.store;
		const group = store.groupByName('Service Desk Agents')!;
		const members = store.membersOf(group.id).filter((u) => ACTIVE.has(u.status));
		succeeded(await n8n.execute('exampleAgentSync'));
		const agents = emulators.halo.store.agents.all().filter((a) => a.oktaid);
		assert.equal(agents.length, members.length);
		for (const agent of agents)
			assert.ok((agent.roles ?? []).some((r) => r.id === HALO_SEED.agentRoles.technician));
	});

	/**
	 * `n8n execute` saves no workflow static data (like a manual run in the editor), so here every run
	 * is a first, full run; the cursor across scheduled runs is covered in test/workflows/examples.test.ts.
	 */
	test('the incremental example runs and applies a change in Okta', async () => {
		const store = emulators.okta.store;
		succeeded(await n8n.execute('exampleIncrementalSync'));
		const leaver = store.users.find((u) => u.status === 'ACTIVE')!;
		store.updateUser(leaver.id, { status: 'SUSPENDED' });
		const result = succeeded(await n8n.execute('exampleIncrementalSync'));
		const upsert = nodeOutput(result, 'Upsert Halo User/Agent');
		assert.equal(
			upsert.find((i) => (i.okta as { id: string }).id === leaver.id)?.action,
			'deactivated',
		);
		assert.equal(
			emulators.halo.store.users.all().find((u) => u.oktaid === leaver.id)?.inactive,
			true,
		);
	});

	test('the webhook onboarding workflow answers Okta live: verification, wrong secret, a new starter', async () => {
		await n8n.cli(['publish:workflow', '--id=exampleWebhookOnboarding']);
		await n8n.start();
		const workflow = exampleWorkflows().find((e) => e.id === 'exampleWebhookOnboarding')!
			.workflow as {
			nodes: Array<{ type: string; webhookId?: string }>;
		};
		const trigger = workflow.nodes.find((n) => n.type.endsWith('.oktaEventHookTrigger'))!;
		const url = `http://127.0.0.1:${n8n.port}/webhook/${trigger.webhookId}/okta-event-hook`;
		await assertLiveWebhookOnboarding({
			url,
			secret: HOOK_SECRET,
			emulators,
			eventUuid: 'e2e-event-1',
		});
	});

	test('overlapping deliveries: create and activate at once for 6 people, 5 times, Halo slow → one user and one ticket each', async () => {
		// n8n is serving the published webhook workflow since the previous test.
		const workflow = exampleWorkflows().find((e) => e.id === 'exampleWebhookOnboarding')!
			.workflow as {
			nodes: Array<{ type: string; webhookId?: string }>;
		};
		const trigger = workflow.nodes.find((n) => n.type.endsWith('.oktaEventHookTrigger'))!;
		const result = await assertOverlappingDeliveries({
			url: `http://127.0.0.1:${n8n.port}/webhook/${trigger.webhookId}/okta-event-hook`,
			secret: HOOK_SECRET,
			emulators,
			people: 6,
			rounds: 5,
			haloLatencyMs: 150,
		});
		assert.deepEqual(result, { duplicates: 0, people: 30 });
	});
});

describe('Halo Okta Settings in a real n8n server: Check SSO, Fix SSO (dry run, then real), Check SSO', () => {
	let n8n: N8nInstance;
	let emulators: Emulators;

	beforeAll(async () => {
		const install = installN8n();
		const tarball = packPackage(mkdtempSync(path.join(tmpdir(), 'okta-halo-pack-')));
		n8n = new N8nInstance(install, tarball);
		const okta = oktaOptions();
		const users = (okta.fixture as OktaFixture).users;
		const idOf = (login: string) => String(users.find((u) => u.profile.login === login)!.id);
		emulators = await startEmulators({ okta, halo: haloOptions(idOf) });
		await n8n.importCredentials(
			emulatorCredentials({ okta: emulators.okta.url, halo: emulators.halo.url }, HOOK_SECRET),
		);
		const sso = { authentication: 'apiToken', agentUrl: AGENT_URL };
		await n8n.importWorkflows([
			{ ...settingsWorkflow({ operation: 'checkSso', ...sso }), id: 'e2eCheckSso', active: false },
			{ ...settingsWorkflow({ operation: 'fixSso', ...sso }), id: 'e2eFixSsoDry', active: false },
			{
				...settingsWorkflow({ operation: 'fixSso', ...sso, dryRun: false }),
				id: 'e2eFixSso',
				active: false,
			},
		]);
	});

	afterAll(async () => {
		await n8n?.stop();
		await emulators?.close();
		n8n?.cleanup();
	});

	const failed = (item: SsoCheckItem) => item.checks.filter((c) => !c.ok).map((c) => c.id);
	const output = (result: ExecuteResult) =>
		nodeOutput(succeeded(result), 'Halo Okta Settings')[0] as Record<string, unknown>;

	test('each broken part by check id; the dry run writes nothing; the real fix leaves only the assignments; then every check passes', async () => {
		const broken = output(await n8n.execute('e2eCheckSso')) as unknown as SsoCheckItem;
		assert.deepEqual(failed(broken).sort(), [
			'grantImplicitIdToken',
			'peopleAssigned',
			'primaryDomain',
			'redirectUriPortal',
		]);

		emulators.clearLogs();
		const dry = output(await n8n.execute('e2eFixSsoDry'));
		assert.equal(dry.dryRun, true);
		assert.equal((dry.changes as unknown[]).length, 4);
		assert.equal(emulators.haloWrites(), 0);
		assert.equal(emulators.okta.server.log.filter((r) => r.method === 'PUT').length, 0);

		const real = output(await n8n.execute('e2eFixSso'));
		assert.equal(real.dryRun, false);
		assert.deepEqual(failed(real.after as SsoCheckItem), ['peopleAssigned']);
		assert.equal(emulators.okta.server.log.filter((r) => r.method === 'PUT').length, 1);
		assert.equal(emulators.haloWrites(), 1);

		for (const login of UNASSIGNED) emulators.okta.store.assignApp(APP_ID, login);
		const fixed = output(await n8n.execute('e2eCheckSso')) as unknown as SsoCheckItem;
		assert.deepEqual(failed(fixed), []);
		assert.equal(fixed.ok, true);
	});
});
