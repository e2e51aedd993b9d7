/**
 * Get Mapping Configuration in n8n's engine: Halo's Control record (three
 * site mappings: a group, an app, one with filters and statuses; agent role,
 * CAB and user role mappings; onboarding) comes out as the MappingConfig
 * written by hand, and a full sync driven by that output leaves Halo exactly
 * as the same sync with the hand-written configuration does.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { validateMappingConfig } from '../../../lib/core/config';
import type { Emulators } from '../../helpers/emulators';
import { startEmulators } from '../../helpers/emulators';
import { configuredHaloControl, handWrittenConfig } from '../../helpers/haloControl';
import { PACKAGE_DIR, runWorkflow } from '../../helpers/n8nEngine';

type Workflow = {
	nodes: Array<{ name: string; parameters: IDataObject } & IDataObject>;
	connections: Record<string, unknown>;
} & Record<string, unknown>;

const ORG = { users: 150, groups: 30, apps: 3, seed: 11 };
const SETTINGS = 'Get Halo Okta Configuration';

async function start(): Promise<Emulators> {
	const emulators = await startEmulators({
		okta: { org: ORG },
		halo: { rateLimit: { max: 100_000, windowMs: 300_000 } },
	});
	Object.assign(
		emulators.halo.store.control,
		configuredHaloControl(emulators.okta.store.apps[0].id),
	);
	return emulators;
}

function fullSync(configJson: string): Workflow {
	const workflow = JSON.parse(
		readFileSync(path.join(PACKAGE_DIR, 'examples', 'okta-halo-full-sync.json'), 'utf8'),
	) as Workflow;
	for (const node of workflow.nodes)
		if ('configJson' in node.parameters) node.parameters.configJson = configJson;
	return workflow;
}

/** The full sync with Halo's configuration taken over in front of it. */
function takenOverSync(): Workflow {
	const workflow = fullSync(`={{ $('${SETTINGS}').first().json.config }}`);
	const trigger = workflow.nodes[0];
	workflow.nodes.splice(1, 0, {
		id: '5e1a0000-0000-4000-8000-0000000000f1',
		name: SETTINGS,
		type: 'n8n-nodes-okta-halo.haloOktaSettings',
		typeVersion: 1,
		position: [110, 200],
		parameters: { operation: 'getMappingConfig', authentication: 'none' },
		credentials: { haloApi: { id: 'halo', name: 'Halo (emulator)' } },
	});
	const connections = workflow.connections as Record<string, { main: unknown[][] }>;
	const afterTrigger = connections[trigger.name as string];
	connections[SETTINGS] = afterTrigger;
	connections[trigger.name as string] = { main: [[{ node: SETTINGS, type: 'main', index: 0 }]] };
	return workflow;
}

/** Halo's people, roles, CAB seats and tickets, without what only the clock decides. */
function haloState(emulators: Emulators): unknown {
	const store = emulators.halo.store;
	const strip = (record: object) =>
		Object.fromEntries(
			Object.entries(record).filter(([key]) => !/date|time|created|updated/i.test(key)),
		);
	return {
		users: store.users.all().map(strip),
		agents: store.agents.all().map(strip),
		cabs: store.cabs.all().map(strip),
		tickets: store.tickets.all().map(strip),
	};
}

describe('Halo Okta Settings: Get Mapping Configuration drives a full sync (engine, emulators)', () => {
	test('the output is the hand-written configuration, and syncs to the same Halo state', async () => {
		const [a, b] = [await start(), await start()];
		try {
			const appId = a.okta.store.apps[0].id;
			const taken = await runWorkflow(takenOverSync(), { credentials: a.credentials() });
			assert.equal(taken.status, 'success', String(taken.error?.message));
			const item = taken.output[SETTINGS][0];
			assert.deepEqual(item.config, handWrittenConfig(appId));
			validateMappingConfig(item.config);
			assert.deepEqual(item.builtInSync, {
				enabled: true,
				lastSync: '2026-11-29T22:00:00',
				lastError: 'Okta API: 429 Too Many Requests',
			});
			assert.match((item.warnings as string[]).join('\n'), /halointegrator_okta/);

			const byHand = await runWorkflow(fullSync(JSON.stringify(handWrittenConfig(appId))), {
				credentials: b.credentials(),
			});
			assert.equal(byHand.status, 'success', String(byHand.error?.message));

			const state = haloState(a) as { users: IDataObject[]; tickets: unknown[] };
			assert.deepEqual(state, haloState(b));
			// Not an empty equality: the mappings did their work.
			assert.ok(
				state.users.some((u) => u.site_id === 2),
				'London office users on the branch site',
			);
			assert.ok(
				state.users.some((u) => u.site_id === 1),
				'filtered employees on head office',
			);
			const skipped = taken.output['Upsert Halo User/Agent'].filter((i) => i.action === 'skipped');
			assert.ok(skipped.length > 0, 'people no site mapping takes are skipped, as Halo does');
			assert.ok(state.tickets.length > 0, 'onboarding tickets from the taken-over ticket type');
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
	});
});
