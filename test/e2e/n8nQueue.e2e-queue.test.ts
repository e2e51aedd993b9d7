/**
 * n8n 2.41.1 in queue mode, as large installations run it: Redis and
 * PostgreSQL (test/e2e/queueServices.ts), one main (`n8n start`), two
 * `n8n worker` processes and one `n8n webhook` processor, all on one user
 * folder with our packed package installed as users install it. Executions
 * reach the workers only through the queue, so the full sync is started by a
 * production webhook (a copy of the example with a Webhook node in place of
 * its Schedule Trigger; `n8n execute` would run in its own process), and the
 * event hook example is called at the webhook processor. The database says
 * how each execution ended; the workers' logs say which worker ran it.
 * `npm run test:e2e:queue`; docs/concurrency.md says why overlaps stay safe.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { HaloUserRecord } from '../../emulators/halo/types';
import type { OktaUserRecord } from '../../emulators/okta/types';
import type { Emulators } from '../helpers/emulators';
import { startEmulators } from '../helpers/emulators';
import type { QueueServices } from './queueServices';
import { startQueueServices } from './queueServices';
import type { ExecuteResult, N8nInstall, N8nProcess } from './realN8n';
import {
	N8nInstance,
	emulatorCredentials,
	exampleWorkflows,
	freePort,
	installN8n,
	nodeOutput,
	packPackage,
	runErrors,
} from './realN8n';

const HOOK_SECRET = 'e2e-queue-hook-secret';
const ACTIVE = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY']);
const FULL_SYNC_ID = 'queueFullSync';
const FULL_SYNC_PATH = 'okta-halo-full-sync';
const HOOK_ID = 'exampleWebhookOnboarding';
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);
/** Slow enough that overlapping executions read Halo before either writes. */
const SLOW_HALO_MS = 150;

interface ExecutionRow {
	id: number;
	status: string;
	mode: string;
}

/** The full-sync example started by a production webhook instead of its Schedule Trigger. */
function fullSyncOnWebhook() {
	const { workflow } = exampleWorkflows().find((e) => e.file === 'okta-halo-full-sync.json')!;
	const schedule = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger')!;
	const webhook = {
		id: 'c2f6a1e0-0000-4000-8000-00000000a001',
		name: 'Run on request',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: schedule.position,
		webhookId: 'c2f6a1e0-0000-4000-8000-00000000a002',
		parameters: {
			httpMethod: 'POST',
			path: FULL_SYNC_PATH,
			responseMode: 'onReceived',
			options: {},
		},
	};
	const { [schedule.name]: started, ...connections } = workflow.connections;
	return {
		...workflow,
		id: FULL_SYNC_ID,
		nodes: [...workflow.nodes.filter((n) => n !== schedule), webhook],
		connections: { ...connections, [webhook.name]: started },
	};
}

function delivery(
	eventId: string,
	events: Array<{ uuid: string; type: string; user: OktaUserRecord }>,
) {
	return JSON.stringify({
		eventType: 'com.okta.event_hook',
		eventTypeVersion: '1.0',
		cloudEventsVersion: '0.1',
		source: 'https://example.okta.com/api/v1/eventHooks/who01',
		eventId,
		data: {
			events: events.map(({ uuid, type, user }) => ({
				uuid,
				published: new Date().toISOString(),
				eventType: type,
				displayMessage: type,
				target: [
					{
						id: user.id,
						type: 'User',
						alternateId: user.profile.login,
						displayName: `${user.profile.firstName} ${user.profile.lastName}`,
					},
				],
			})),
		},
	});
}

describe('the package in n8n queue mode: main, two workers, a webhook processor', () => {
	let install: N8nInstall;
	let services: QueueServices;
	let n8n: N8nInstance;
	let emulators: Emulators;
	let workers: N8nProcess[] = [];
	let webhookPort = 0;
	let flatted: { parse: (text: string) => unknown };
	let packFolder = '';

	const executions = (workflowId: string): ExecutionRow[] =>
		services
			.sql(
				`SELECT id, status, mode FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`,
			)
			.map(([id, status, mode]) => ({ id: Number(id), status, mode }));

	/** Waits until the workflow has `count` executions, all finished, and returns them. */
	const settled = async (workflowId: string, count: number): Promise<ExecutionRow[]> => {
		const deadline = Date.now() + 10 * 60_000;
		for (;;) {
			const rows = executions(workflowId);
			if (rows.length >= count && rows.every((row) => FINISHED.has(row.status))) return rows;
			if (Date.now() > deadline)
				throw new Error(`executions of ${workflowId}: ${JSON.stringify(rows)} (want ${count})`);
			await new Promise((r) => setTimeout(r, 500));
		}
	};

	/** An execution's run data as n8n saved it in execution_data (flatted JSON). */
	const runData = (id: number): ExecuteResult => {
		const [[text]] = services.sql(`SELECT data FROM execution_data WHERE "executionId" = ${id}`);
		return { data: flatted.parse(text) as ExecuteResult['data'] };
	};

	/** Execution ids each worker's log says it started ("Worker started execution 12 (job 12)"). */
	const ranBy = (): Array<Set<number>> =>
		workers.map(
			(worker) =>
				new Set(
					[...worker.log.matchAll(/Worker started execution (\d+)/g)].map((m) => Number(m[1])),
				),
		);

	const workerOf = (id: number): number => ranBy().findIndex((ids) => ids.has(id));

	beforeAll(async () => {
		install = installN8n();
		flatted = createRequire(install.n8nBin)('flatted') as typeof flatted;
		services = await startQueueServices();
		packFolder = mkdtempSync(path.join(tmpdir(), 'okta-halo-pack-'));
		const tarball = packPackage(packFolder);
		n8n = new N8nInstance(install, tarball);
		n8n.envOverrides = { ...services.n8nEnv };
		emulators = await startEmulators({
			okta: { org: { users: 300, groups: 30, apps: 3, seed: 11 } },
			halo: { rateLimit: { max: 100_000, windowMs: 300_000 } },
		});
		// The CLI's first command creates n8n's tables in Postgres, before any server starts.
		await n8n.importCredentials(
			emulatorCredentials({ okta: emulators.okta.url, halo: emulators.halo.url }, HOOK_SECRET),
		);
		const hook = exampleWorkflows().find((e) => e.id === HOOK_ID)!.workflow;
		await n8n.importWorkflows([fullSyncOnWebhook(), hook]);
		await n8n.cli(['publish:workflow', `--id=${FULL_SYNC_ID}`]);
		await n8n.cli(['publish:workflow', `--id=${HOOK_ID}`]);

		await n8n.start();
		for (let i = 0; i < 2; i++) {
			const health = await freePort();
			workers.push(
				await n8n.startProcess('worker', {
					// Five at a time (n8n's advised minimum), so a burst of deliveries needs both workers.
					args: ['--concurrency=5'],
					env: {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(health),
						N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					},
					healthUrl: `http://127.0.0.1:${health}/healthz`,
				}),
			);
		}
		webhookPort = await freePort();
		await n8n.startProcess('webhook', {
			env: {
				N8N_PORT: String(webhookPort),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			},
			healthUrl: `http://127.0.0.1:${webhookPort}/healthz`,
		});
	});

	afterAll(async () => {
		await n8n?.stop();
		workers = [];
		await emulators?.close();
		await services?.stop();
		n8n?.cleanup();
		if (packFolder) rmSync(packFolder, { recursive: true, force: true });
	});

	test('the full sync three times on the workers: first sync, no change writes nothing, 20 changes write exactly those', async () => {
		const okta = emulators.okta.store;
		const halo = emulators.halo.store;
		const url = `http://127.0.0.1:${webhookPort}/webhook/${FULL_SYNC_PATH}`;
		const run = async (n: number): Promise<ExecuteResult> => {
			let response: Response | undefined;
			// The webhook processor learns of published workflows from the database: retry its first 404s.
			for (let i = 0; i < 60 && (!response || response.status === 404); i++) {
				if (response) await new Promise((r) => setTimeout(r, 500));
				response = await fetch(url, { method: 'POST' });
			}
			assert.equal(response?.status, 200, await response?.text());
			const rows = await settled(FULL_SYNC_ID, n);
			const last = rows[rows.length - 1];
			assert.equal(last.status, 'success', `execution ${last.id}: ${last.status}`);
			assert.equal(last.mode, 'webhook');
			assert.ok(workerOf(last.id) >= 0, `a worker ran execution ${last.id}`);
			const result = runData(last.id);
			assert.deepEqual(runErrors(result), []);
			return result;
		};

		// The example's onboarding.createdWithinDays (30): the generated directory is years old; these two join today.
		const starters = [1, 2].map((n) =>
			okta.createUser({
				email: `queue.starter${n}@example.com`,
				firstName: 'Queue',
				lastName: `Starter${n}`,
			}),
		);
		const active = okta.users.filter((u) => ACTIVE.has(u.status));
		const ticketHolders = () =>
			halo.tickets
				.all()
				.map((t) => halo.users.get(t.user_id)?.oktaid)
				.sort();
		await run(1);
		assert.equal(halo.users.all().length, active.length, 'every active Okta user in Halo');
		assert.deepEqual(
			ticketHolders(),
			starters.map((u) => u.id).sort(),
			'one onboarding ticket per new starter, none for the existing directory',
		);

		emulators.clearLogs();
		const second = await run(2);
		assert.equal(emulators.haloWrites(), 0, 'a run with no change writes nothing');
		const actions = new Set(nodeOutput(second, 'Upsert Halo User/Agent').map((i) => i.action));
		assert.deepEqual([...actions].sort(), ['skipped', 'unchanged']);

		const leavers = active.slice(0, 10);
		const renamed = active.slice(10, 20);
		for (const user of leavers) okta.updateUser(user.id, { status: 'SUSPENDED' });
		for (const user of renamed)
			okta.updateUser(user.id, { profile: { lastName: `${user.profile.lastName}-Renamed` } });
		emulators.clearLogs();
		const third = await run(3);
		const changed = nodeOutput(third, 'Upsert Halo User/Agent')
			.filter((i) => i.action !== 'unchanged' && i.action !== 'skipped')
			.map((i) => [(i.okta as { id: string }).id, i.action]);
		assert.deepEqual(
			changed.sort(),
			[
				...leavers.map((u) => [u.id, 'deactivated']),
				...renamed.map((u) => [u.id, 'updated']),
			].sort(),
		);
		// What reached Halo: the 20 records, in one batched POST, and nothing else.
		const posts = emulators.halo.server.log.filter(
			(r) => r.method === 'POST' && /^\/api\//i.test(r.path),
		);
		assert.deepEqual(
			posts.map((r) => r.path.toLowerCase()),
			['/api/users'],
		);
		const written = (posts[0].body as Array<{ id: number }>).map(
			(record) => halo.users.get(record.id)!.oktaid,
		);
		assert.deepEqual(written.sort(), [...leavers, ...renamed].map((u) => u.id).sort());
		assert.deepEqual(ticketHolders(), starters.map((u) => u.id).sort(), 'no ticket for a change');
		for (const user of leavers)
			assert.equal(halo.users.all().find((u) => u.oktaid === user.id)!.inactive, true);
	});

	test('the event hook example at the webhook processor: verification, a wrong secret, overlapping deliveries, a replay', async () => {
		const hook = exampleWorkflows().find((e) => e.id === HOOK_ID)!.workflow;
		const trigger = hook.nodes.find((n) => n.type.endsWith('.oktaEventHookTrigger'))!;
		const url = `http://127.0.0.1:${webhookPort}/webhook/${trigger.webhookId as string}/okta-event-hook`;
		const okta = emulators.okta.store;
		const halo = emulators.halo.store;

		let verification: Response | undefined;
		for (let i = 0; i < 60 && (!verification || verification.status === 404); i++) {
			if (verification) await new Promise((r) => setTimeout(r, 500));
			verification = await fetch(url, {
				headers: { 'X-Okta-Verification-Challenge': 'challenge-q', Authorization: HOOK_SECRET },
			});
		}
		assert.equal(verification?.status, 200);
		// Copied into this realm: jest's sandbox has its own Object prototype.
		assert.deepEqual(
			{ ...((await verification.json()) as object) },
			{ verification: 'challenge-q' },
		);

		const people = Array.from({ length: 6 }, (_, i) =>
			okta.createUser(
				{
					firstName: `Starter${i}`,
					lastName: 'Queue',
					email: `starter${i}.queue@example.com`,
					login: `starter${i}.queue@example.com`,
				},
				'ACTIVE',
			),
		);
		// Okta's "create and activate": two events per person, each its own delivery.
		const deliveries = people.flatMap((user, i) => [
			delivery(`queue-delivery-${i}-create`, [
				{ uuid: `queue-${i}-create`, type: 'user.lifecycle.create', user },
			]),
			delivery(`queue-delivery-${i}-activate`, [
				{ uuid: `queue-${i}-activate`, type: 'user.lifecycle.activate', user },
			]),
		]);
		const post = async (body: string, authorization = HOOK_SECRET) =>
			await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Authorization: authorization },
				body,
			});

		const before = executions(HOOK_ID).length;
		assert.equal((await post(deliveries[0], 'wrong-secret')).status, 401);
		await new Promise((r) => setTimeout(r, 2000));
		assert.equal(executions(HOOK_ID).length, before, 'a refused delivery starts no execution');

		emulators.halo.server.latencyMs = SLOW_HALO_MS;
		const usersBefore = halo.users.all().length;
		const ticketsBefore = halo.tickets.all().length;
		const answers = await Promise.all(deliveries.map(async (body) => await post(body)));
		assert.deepEqual(
			answers.map((a) => a.status),
			deliveries.map(() => 200),
		);
		const rows = await settled(HOOK_ID, before + deliveries.length);
		const burst = rows.slice(before);
		assert.deepEqual(
			burst.filter((row) => row.status !== 'success'),
			[],
			'every delivery ran to success',
		);

		// What the trigger's dedupe memory kept in n8n's database after twelve overlapping saves (docs/concurrency.md).
		const [[staticData]] = services.sql(
			`SELECT COALESCE("staticData"::text, 'null') FROM workflow_entity WHERE id = '${HOOK_ID}'`,
		);
		const remembered = Object.values(
			(JSON.parse(staticData) ?? {}) as Record<string, { uuids?: string[] }>,
		).flatMap((node) => node?.uuids ?? []);

		console.log(
			`queue mode: after the burst, static data remembers ${remembered.length} of ${deliveries.length} event uuids`,
		);

		// Both workers took part (the full sync's runs count too).
		const [first, second] = ranBy();
		assert.ok(
			first.size > 0 && second.size > 0,
			`worker executions: ${[...first]} | ${[...second]}`,
		);
		for (const row of burst) assert.ok(workerOf(row.id) >= 0, `a worker ran execution ${row.id}`);

		const recordsOf = (user: OktaUserRecord): HaloUserRecord[] =>
			halo.users
				.all()
				.filter(
					(u) =>
						u.oktaid === user.id ||
						String(u.emailaddress).toLowerCase() === user.profile.login.toLowerCase(),
				);
		const ticketsOf = (record: HaloUserRecord) =>
			halo.tickets.all().filter((t) => t.user_id === record.id);
		const counts = people.map((user) => {
			const records = recordsOf(user);
			return {
				login: user.profile.login,
				users: records.length,
				tickets: records.reduce((n, record) => n + ticketsOf(record).length, 0),
			};
		});
		assert.deepEqual(
			counts,
			people.map((user) => ({ login: user.profile.login, users: 1, tickets: 1 })),
			'exactly one Halo user and one onboarding ticket per person',
		);
		assert.equal(halo.users.all().length, usersBefore + people.length);
		assert.equal(halo.tickets.all().length, ticketsBefore + people.length);

		// The same deliveries again, as Okta's retry would send them: nothing new in Halo.
		emulators.clearLogs();
		const replayed = await Promise.all(deliveries.map(async (body) => await post(body)));
		assert.deepEqual(
			replayed.map((a) => a.status),
			deliveries.map(() => 200),
		);
		await new Promise((r) => setTimeout(r, 2000));
		const afterReplay = await settled(HOOK_ID, executions(HOOK_ID).length);
		assert.deepEqual(
			afterReplay.filter((row) => row.status !== 'success'),
			[],
		);
		assert.equal(emulators.haloWrites(), 0, 'a replay writes nothing to Halo');
		assert.equal(halo.users.all().length, usersBefore + people.length);
		assert.equal(halo.tickets.all().length, ticketsBefore + people.length);
		console.log(
			`queue mode: worker 1 ran ${first.size} executions, worker 2 ${second.size}; ` +
				`the replay of ${deliveries.length} deliveries started ${afterReplay.length - rows.length} executions`,
		);
	});
});
