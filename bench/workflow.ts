/**
 * Our scheduled user sync as n8n runs it: the lead's example
 * `examples/okta-halo-user-sync.json` when it is there, else the same chain
 * built here (Schedule Trigger → List Okta Users and Groups (includeGroups) →
 * Map to Halo (user) → Upsert Halo User/Agent).
 */
import fs from 'node:fs';
import path from 'node:path';

import type { MappingConfig } from '../lib/core/types';
import { properties as upsertProperties } from '../nodes/HaloUpsert/description';
import { PACKAGE_DIR } from '../test/helpers/n8nEngine';

export const EXAMPLE_PATH = path.join(PACKAGE_DIR, 'examples', 'okta-halo-user-sync.json');
export const UPSERT_TYPE = 'n8n-nodes-okta-halo.haloUpsert';
const MAP_TYPE = 'n8n-nodes-okta-halo.mapToHalo';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	[key: string]: unknown;
}

export interface SyncWorkflow {
	json: {
		name: string;
		nodes: WorkflowNode[];
		connections: Record<string, unknown>;
		[key: string]: unknown;
	};
	/** Where it came from, for the report. */
	source: string;
	/** The mapping configuration its Map to Halo node uses (the baseline maps with the same one). */
	config: MappingConfig;
	/** Name of the Upsert node, whose output items carry the actions. */
	upsertNode: string;
	/** Records per Halo page and per write batch, as the Upsert node is set. */
	pageSize: number;
	batchSize: number;
}

/** Remote workers get their own site: a group change then changes a Halo field. */
export const BENCH_CONFIG: MappingConfig = {
	user: { defaultSiteId: 1, siteRules: [{ group: 'Remote Workers', siteId: 3 }] },
};

const OKTA_CREDENTIAL = { oktaTokenApi: { id: 'okta-token', name: 'Okta (emulator)' } };
const HALO_CREDENTIAL = { haloApi: { id: 'halo', name: 'Halo (emulator)' } };

function builtWorkflow(): SyncWorkflow['json'] {
	const configJson = JSON.stringify(BENCH_CONFIG, null, 2);
	const node = (
		name: string,
		type: string,
		x: number,
		parameters: Record<string, unknown>,
		credentials?: object,
	) => ({
		id: `bench-${x}`,
		name,
		type,
		typeVersion: type.endsWith('scheduleTrigger') ? 1.2 : 1,
		position: [x, 0],
		parameters,
		...(credentials ? { credentials } : {}),
	});
	const nodes = [
		node('Schedule Trigger', 'n8n-nodes-base.scheduleTrigger', 0, {
			rule: { interval: [{ field: 'hours', hoursInterval: 1 }] },
		}),
		node(
			'List Okta Users and Groups',
			'n8n-nodes-okta-halo.oktaListUsersAndGroups',
			240,
			{ authentication: 'apiToken', resource: 'users', returnAll: true, includeGroups: true },
			OKTA_CREDENTIAL,
		),
		node(
			'Map to Halo',
			MAP_TYPE,
			480,
			{ target: 'user', configSource: 'json', configJson },
			HALO_CREDENTIAL,
		),
		node(
			'Upsert Halo User/Agent',
			UPSERT_TYPE,
			720,
			{ configSource: 'json', configJson, dryRun: false },
			HALO_CREDENTIAL,
		),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return {
		name: 'Okta → Halo user sync (bench)',
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

export function loadSyncWorkflow(): SyncWorkflow {
	const fromExample = fs.existsSync(EXAMPLE_PATH);
	const json = fromExample
		? (JSON.parse(fs.readFileSync(EXAMPLE_PATH, 'utf8')) as SyncWorkflow['json'])
		: builtWorkflow();
	const upsert = json.nodes.find((n) => n.type === UPSERT_TYPE);
	const map = json.nodes.find((n) => n.type === MAP_TYPE);
	if (!upsert || !map)
		throw new Error(
			`${fromExample ? EXAMPLE_PATH : 'The bench workflow'} has no Map to Halo → Upsert Halo User/Agent chain`,
		);
	const options = (upsert.parameters.options ?? {}) as { pageSize?: number; batchSize?: number };
	return {
		json,
		source: fromExample
			? 'examples/okta-halo-user-sync.json'
			: 'built in bench/workflow.ts (examples/okta-halo-user-sync.json not present)',
		config: map.parameters.configSource === 'json' ? parseConfig(map.parameters.configJson) : {},
		upsertNode: upsert.name,
		pageSize: options.pageSize ?? upsertOptionDefault('pageSize'),
		batchSize: options.batchSize ?? upsertOptionDefault('batchSize'),
	};
}

/** A plain JSON config (an `=` expression prefix is dropped; anything else unparsable counts as empty). */
function parseConfig(value: unknown): MappingConfig {
	try {
		return JSON.parse(String(value ?? '{}').replace(/^=/, '')) as MappingConfig;
	} catch {
		return {};
	}
}

/** The Upsert node's own default for an option (its description), so the bench follows the node. */
function upsertOptionDefault(name: string): number {
	const options = upsertProperties.find((p) => p.name === 'options')?.options ?? [];
	const option = options.find((o) => 'name' in o && o.name === name) as
		{ default?: unknown } | undefined;
	if (typeof option?.default !== 'number')
		throw new Error(`Upsert Halo User/Agent has no numeric option ${name}`);
	return option.default;
}
