/**
 * Upsert Halo User/Agent, the run: check configuration and input first, then
 * read, plan, guard and write through `runUpsert`, and shape one output item
 * per input (docs/items.md).
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { resolveConfig } from '../../lib/core/config';
import { countActions } from '../../lib/core/actionCounts';
import type { MappedItem, UpsertAction } from '../../lib/core/types';
import { UpsertGuardError } from '../../lib/halo/UpsertGuardError';
import { failedItem } from '../../lib/halo/failedItem';
import { runUpsert } from '../../lib/halo/upsert';
import type { UpsertInput, UpsertOutcome, UpsertRun } from '../../lib/halo/upsert';
import { haloClientFor, haloNodeError } from '../../lib/n8n/halo';
import { readMappingConfig, readUiMappingConfig } from '../../lib/n8n/mappingConfig/read';

interface Options {
	batchSize?: number;
	deactivateMissing?: boolean;
	maxDeactivationPercent?: number;
	minDeactivationCount?: number;
	overrideGuard?: boolean;
	outputSummary?: boolean;
	pageSize?: number;
}

export async function upsertHalo(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	if (items.length === 0) return [[]];
	const node = context.getNode();
	const continueOnFail = context.continueOnFail();
	const dryRun = context.getNodeParameter('dryRun', 0, false) as boolean;
	const options = context.getNodeParameter('options', 0, {}) as Options;
	// Configuration and input are checked before Halo is touched.
	const config = resolveConfig(readMappingConfig(context, 0, readUiMappingConfig));

	const inputs: UpsertInput[] = [];
	const rejected = new Map<number, IDataObject>();
	items.forEach((item, index) => {
		const parsed = asMappedItem(item.json);
		if (typeof parsed !== 'string') inputs.push({ index, item: parsed });
		else if (item.json.action === 'failed') rejected.set(index, item.json);
		else if (continueOnFail)
			rejected.set(index, failedItem({ target: item.json.target ?? null }, parsed, 'failed'));
		else throw new NodeOperationError(node, parsed, { itemIndex: index });
	});

	let run: UpsertRun;
	try {
		const client = await haloClientFor(context, { dryRun, pageSize: options.pageSize });
		run = await runUpsert(client, inputs, {
			matchOn: { user: config.user.matchOn, agent: config.agent.matchOn },
			teams: { defaultTeam: config.agent.defaultTeam, teamAccess: config.agent.teamAccess },
			batchSize: options.batchSize ?? 50,
			deactivateMissing: options.deactivateMissing ?? false,
			guard: options.overrideGuard
				? false
				: {
						maxShare: (options.maxDeactivationPercent ?? 10) / 100,
						minCount: options.minDeactivationCount ?? 10,
					},
			continueOnError: continueOnFail,
			failedUpstream: failedUpstream(rejected),
		});
	} catch (error) {
		// The guard is a safety stop for the whole run, whatever Continue On Fail says.
		if (error instanceof UpsertGuardError) {
			throw new NodeOperationError(node, error.message, {
				description:
					'Check the Okta input (filters, credential, statuses) before raising the guard in Options or overriding it.',
			});
		}
		const nodeError = haloNodeError(node, error);
		if (!continueOnFail) throw nodeError;
		run = failedRun(inputs, nodeError.message);
	}

	const out: INodeExecutionData[] = [];
	const byIndex = new Map(
		run.outcomes.filter((o) => o.index !== null).map((o) => [o.index as number, o]),
	);
	items.forEach((_, index) => {
		const outcome = byIndex.get(index);
		const json = outcome ? outputJson(outcome) : (rejected.get(index) ?? {});
		// A dry-run item is written by no later node (docs/items.md).
		if (dryRun && outcome) json.dryRun = true;
		out.push({ json, pairedItem: { item: index } });
	});
	// Records deactivated because no input carries them derive from the run as a whole.
	for (const outcome of run.outcomes)
		if (outcome.index === null)
			out.push({
				json: dryRun ? { ...outputJson(outcome), dryRun: true } : outputJson(outcome),
				pairedItem: { item: 0 },
			});

	const counts = countActions(out.map((item) => item.json));
	context.addExecutionHints({ message: hintText(counts, run, dryRun), location: 'outputPane' });
	if (options.outputSummary) {
		out.push({
			json: { summary: { ...run.summary, counts, items: items.length } as unknown as IDataObject },
			pairedItem: items.map((_, index) => ({ item: index })),
		});
	}
	return [out];
}

function outputJson(outcome: UpsertOutcome): IDataObject {
	const item: Partial<UpsertOutcome> = { ...outcome };
	delete item.index;
	return item as IDataObject;
}

/** Okta ids of input items that failed upstream, and how many failed without naming their person. */
function failedUpstream(rejected: ReadonlyMap<number, IDataObject>): {
	oktaIds: string[];
	unidentified: number;
} {
	const oktaIds: string[] = [];
	let unidentified = 0;
	for (const json of rejected.values()) {
		const id = (json.okta as IDataObject | undefined)?.id;
		if (typeof id === 'string' && id.trim() !== '') oktaIds.push(id.trim());
		else unidentified++;
	}
	return { oktaIds, unidentified };
}

/** Continue On Fail and Halo unreachable before any write: every item fails with the same message. */
function failedRun(inputs: readonly UpsertInput[], message: string): UpsertRun {
	const outcomes = inputs.map(({ index, item }) =>
		failedItem(
			{
				index,
				target: item.target,
				haloId: null,
				changes: {},
				okta: item.okta,
				record: item.record,
			},
			message,
			'failed',
		),
	);
	return {
		outcomes,
		summary: {
			dryRun: false,
			counts: countActions(outcomes),
			existing: {},
			requests: { reads: 0, writes: 0, retries: 0 },
		},
	};
}

function hintText(counts: Record<UpsertAction, number>, run: UpsertRun, dryRun: boolean): string {
	const parts = (Object.entries(counts) as Array<[UpsertAction, number]>)
		.filter(([, n]) => n > 0)
		.map(([action, n]) => `${n} ${action}`);
	const { reads, writes } = run.summary.requests;
	const prefix = dryRun ? 'Dry run (nothing written): ' : '';
	const left = run.summary.leftAlone;
	const leftAlone = left
		? ` Left alone (not deactivated): ${left.count}, because ${left.reason}.`
		: '';
	return `${prefix}${parts.join(', ') || 'no items'}; Halo requests: ${reads} reads, ${writes} writes.${leftAlone}`;
}

/** The input as a Map to Halo item, or why it is not one. */
function asMappedItem(json: IDataObject): MappedItem | string {
	const item = json as Partial<MappedItem>;
	const ok =
		(item.target === 'user' || item.target === 'agent') &&
		!!item.record &&
		typeof item.record === 'object' &&
		!!item.okta &&
		typeof item.okta.id === 'string' &&
		typeof item.active === 'boolean';
	if (!ok)
		return 'The item is not a "Map to Halo" result (target, okta, active, record); put Map to Halo before this node';
	return {
		...item,
		createOnly: Array.isArray(item.createOnly) ? item.createOnly : [],
		warnings: item.warnings ?? [],
	} as MappedItem;
}
