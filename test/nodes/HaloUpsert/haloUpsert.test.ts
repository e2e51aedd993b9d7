/**
 * Upsert Halo User/Agent in n8n's engine, fed by Map to Halo, against the
 * Halo emulator: token fetched once, idempotent reruns, dry run, the guard,
 * a failed batch with and without Continue On Fail, the run summary, config
 * errors naming the path, and every body fitting halo-swagger.json.
 */
import assert from 'node:assert/strict';

import type { IDataObject } from 'n8n-workflow';

import { HALO_SEED, startHaloEmulator } from '../../../emulators/halo';
import type { HaloEmulator } from '../../../emulators/halo';
import type { OktaStatus, OktaUser } from '../../../lib/core/types';
import { assertHaloRequestBody } from '../../helpers/haloSpec';
import { runWorkflow } from '../../helpers/n8nEngine';
import type { CredentialStore } from '../../helpers/n8nEngine';
import { generateOktaUsers } from '../../halo/support/oktaUsers';

const MAP = 'Map to Halo';
const UPSERT = 'Upsert Halo User/Agent';
const ACTIVE = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY']);
const CONFIG = {
	user: {
		siteRules: [{ group: 'Remote Workers', siteId: HALO_SEED.sites.remoteWorkers }],
		defaultSiteId: HALO_SEED.sites.headOffice,
	},
};

const credentialRef = { haloApi: { id: 'halo', name: 'Halo (emulator)' } };

function singleNode(
	name: string,
	type: string,
	parameters: IDataObject,
	settings: IDataObject = {},
) {
	return {
		name,
		nodes: [
			{
				id: '1',
				name,
				type: `n8n-nodes-okta-halo.${type}`,
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials: credentialRef,
				...settings,
			},
		],
		connections: {},
	};
}

/** Map to Halo's output for these users (its own engine run; the harness starts workflows at their first node). */
async function mapped(users: readonly OktaUser[], target: 'user' | 'agent') {
	const result = await runWorkflow(
		singleNode(MAP, 'mapToHalo', {
			target,
			configSource: 'json',
			configJson: JSON.stringify(CONFIG),
		}),
		{
			startItems: users.map((json) => ({ json: json as unknown as IDataObject })),
		},
	);
	assert.equal(result.status, 'success', String(result.error));
	return result.output[MAP].map((json) => ({ json }));
}

let halo: HaloEmulator;
let credentials: CredentialStore;

async function run(
	users: readonly OktaUser[],
	parameters: IDataObject = {},
	settings: IDataObject = {},
	target: 'user' | 'agent' = 'user',
) {
	const startItems = await mapped(users, target);
	halo.server.clearLog();
	const result = await runWorkflow(
		singleNode(
			UPSERT,
			'haloUpsert',
			{ configSource: 'json', configJson: JSON.stringify(CONFIG), ...parameters },
			settings,
		),
		{
			credentials,
			startItems,
		},
	);
	const api = halo.server.log.filter((r) => /^\/api\//i.test(r.path));
	const writes = api.filter((r) => r.method === 'POST');
	for (const write of writes) assertHaloRequestBody(write.path, write.body);
	return {
		...result,
		out: result.output[UPSERT] ?? [],
		writes,
		calls: halo.server.log.filter((r) => /^\/(api|auth)\//i.test(r.path)).length,
	};
}

describe('Upsert Halo User/Agent (n8n engine, Halo emulator)', () => {
	beforeEach(async () => {
		await halo?.close();
		halo = await startHaloEmulator({ rateLimit: { max: 100_000, windowMs: 300_000 } });
		credentials = {
			haloApi: { url: halo.url, clientId: 'halo-client', clientSecret: 'halo-secret' },
		};
	});
	afterAll(async () => halo?.close());

	const users = generateOktaUsers(300, 13);
	const activeCount = users.filter((u) => ACTIVE.has(u.status)).length;

	test('first run creates the active users with one token; second run writes nothing and reuses the token', async () => {
		const first = await run(users);
		assert.equal(first.status, 'success', String(first.error));
		assert.equal(first.out.length, users.length);
		first.out.forEach((item, i) => {
			assert.equal(item.action, ACTIVE.has(users[i].status) ? 'created' : 'skipped');
			assert.deepEqual(first.items[UPSERT][i].pairedItem, { item: i });
			assert.deepEqual(
				Object.keys(item)
					.filter((k) => k !== 'reason')
					.sort(),
				['action', 'changes', 'haloId', 'okta', 'record', 'target'],
			);
		});
		assert.ok(
			first.out.filter((o) => o.action === 'created').every((o) => typeof o.haloId === 'number'),
		);
		assert.equal(first.writes.length, Math.ceil(activeCount / 50));
		assert.equal(first.preAuthCount.haloApi, 1, 'one token for the whole run');
		assert.equal(
			first.calls,
			1 /* authinfo */ + 1 /* token */ + 1 /* users page */ + first.writes.length,
		);
		assert.equal(halo.store.users.all().length, activeCount);

		const second = await run(users);
		assert.equal(second.writes.length, 0);
		assert.equal(second.preAuthCount.haloApi ?? 0, 0, 'the stored token is reused');
		assert.ok(second.out.every((o) => o.action === 'unchanged' || o.action === 'skipped'));

		// Halo forgets the token (expiry, restart): n8n sees the 401, fetches a new one once, and the run goes on.
		halo.expireTokens();
		const third = await run(users);
		assert.equal(third.status, 'success', String(third.error));
		assert.equal(third.preAuthCount.haloApi, 1);
		assert.equal(third.writes.length, 0);
	});

	test('agents: created with team-free defaults, reactivated after being disabled', async () => {
		const agents = users.slice(0, 20).map((u) => ({ ...u, status: 'ACTIVE' as OktaStatus }));
		const first = await run(agents, {}, {}, 'agent');
		assert.equal(first.status, 'success', String(first.error));
		assert.equal(first.out.filter((o) => o.action === 'created').length, 20);
		const leaving = agents.map((a, i) => (i < 2 ? { ...a, status: 'SUSPENDED' as OktaStatus } : a));
		const second = await run(leaving, {}, {}, 'agent');
		assert.deepEqual(
			second.out.slice(0, 3).map((o) => o.action),
			['deactivated', 'deactivated', 'unchanged'],
		);
		assert.equal(halo.store.agents.all().filter((a) => a.isdisabled).length, 2);
		const back = await run(agents, {}, {}, 'agent');
		assert.deepEqual(
			back.out.slice(0, 3).map((o) => o.action),
			['reactivated', 'reactivated', 'unchanged'],
		);
	});

	test('dry run: the plan is returned and nothing is written', async () => {
		const result = await run(users, { dryRun: true });
		assert.equal(result.status, 'success');
		assert.equal(result.writes.length, 0);
		assert.equal(halo.store.users.all().length, 0);
		assert.equal(result.out.filter((o) => o.action === 'created').length, activeCount);
		assert.ok(result.out.every((o) => o.haloId === null));
	});

	test('the guard stops a run that would deactivate 30 %, naming the numbers; the override lets it through', async () => {
		const everyone = users.map((u) => ({ ...u, status: 'ACTIVE' as OktaStatus }));
		await run(everyone);
		const leaving = everyone.map((u, i) =>
			i % 10 < 3 ? { ...u, status: 'DEPROVISIONED' as OktaStatus } : u,
		);
		const stopped = await run(leaving, {}, { continueOnFail: true });
		assert.equal(stopped.status, 'error');
		assert.match(
			stopped.nodeErrors[UPSERT].message,
			/would deactivate 90 of 300 active Okta-managed Halo users \(30 %\)/,
		);
		assert.equal(stopped.writes.length, 0);
		const forced = await run(leaving, { options: { overrideGuard: true } });
		assert.equal(forced.out.filter((o) => o.action === 'deactivated').length, 90);
	});

	test('Continue On Fail: a refused batch marks only its items failed; without it the node fails with Halo’s message', async () => {
		const everyone = users.slice(0, 30).map((u) => ({ ...u, status: 'ACTIVE' as OktaStatus }));
		halo.injectError({
			shape: 'resultCode',
			status: 400,
			message: 'Licence limit reached',
			skip: 1,
			match: (r) => r.method === 'POST' && /\/api\/users$/i.test(r.path),
		});
		const tolerant = await run(everyone, { options: { batchSize: 10 } }, { continueOnFail: true });
		assert.equal(tolerant.status, 'success');
		assert.deepEqual(
			tolerant.out.map((o) => o.action),
			[...Array(10).fill('created'), ...Array(10).fill('failed'), ...Array(10).fill('created')],
		);
		assert.equal(
			tolerant.out[10].error,
			'Halo answered 400 to POST /api/Users: Licence limit reached.',
		);
		assert.equal(halo.store.users.all().length, 20);

		halo.injectError({
			shape: 'ClassName',
			status: 400,
			message: 'Site 99 does not exist',
			match: (r) => r.method === 'POST',
		});
		const strict = await run(everyone, { options: { batchSize: 10 } });
		assert.equal(strict.status, 'error');
		assert.equal(
			strict.nodeErrors[UPSERT].message,
			'Halo answered 400 to POST /api/Users: Site 99 does not exist.',
		);
		assert.equal(
			(strict.nodeErrors[UPSERT] as unknown as { httpCode?: string }).httpCode,
			'400',
			'a NodeApiError with the HTTP status',
		);
	});

	test('Output Run Summary adds one item with the counts; deactivate missing for full syncs', async () => {
		const everyone = users.slice(0, 20).map((u) => ({ ...u, status: 'ACTIVE' as OktaStatus }));
		await run(everyone);
		const result = await run(everyone.slice(0, 18), {
			options: { outputSummary: true, deactivateMissing: true },
		});
		assert.equal(result.out.length, 18 + 2 + 1);
		assert.deepEqual(
			result.out.slice(18, 20).map((o) => [o.action, o.okta]),
			[
				['deactivated', null],
				['deactivated', null],
			],
		);
		const summary = result.out[20].summary as IDataObject;
		assert.deepEqual((summary.counts as IDataObject).deactivated, 2);
		assert.deepEqual((summary.counts as IDataObject).unchanged, 18);
		assert.equal(summary.dryRun, false);
		assert.equal((result.items[UPSERT][20].pairedItem as unknown[]).length, 18);
	});

	test('a bad configuration stops the node, naming the path, before any Halo call', async () => {
		halo.server.clearLog();
		const result = await run(users.slice(0, 5), {
			configSource: 'ui',
			userMatchOn: 'oktaid, nosuchfield',
		});
		assert.equal(result.status, 'error');
		assert.match(result.nodeErrors[UPSERT].message, /user\.matchOn\[1\]/);
		assert.equal(halo.server.log.filter((r) => /^\/api\/users/i.test(r.path)).length, 0);
	});

	test('input that did not come from Map to Halo: failed with Continue On Fail, an error naming the item without', async () => {
		const good = await mapped([{ ...users[0], status: 'ACTIVE' as OktaStatus }], 'user');
		const startItems = [{ json: { id: 'x' } as IDataObject }, ...good];
		const upsert = (settings: IDataObject = {}) =>
			runWorkflow(
				singleNode(UPSERT, 'haloUpsert', { configSource: 'json', configJson: '{}' }, settings),
				{ credentials, startItems },
			);
		halo.server.clearLog();
		const strict = await upsert();
		assert.equal(strict.status, 'error');
		assert.match(strict.nodeErrors[UPSERT].message, /not a "Map to Halo" result/);
		assert.equal(halo.server.log.length, 0, 'stopped before any Halo call');

		const tolerant = await upsert({ continueOnFail: true });
		assert.equal(tolerant.status, 'success');
		assert.deepEqual(
			tolerant.output[UPSERT].map((o) => o.action),
			['failed', 'created'],
		);
		assert.deepEqual(
			tolerant.items[UPSERT].map((i) => i.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
	});
});
