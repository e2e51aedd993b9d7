/**
 * "Upsert Halo User/Agent" without n8n: read the existing users/agents once,
 * plan with the core, stop on the mass-deactivation guard before any write,
 * then send the planned writes as batched array POSTs and report one result
 * per input. Updates and creates go in separate batches so a dropped
 * connection can retry the updates (idempotent) but never a create.
 */
import { countActions } from '../core/actionCounts';
import { planUpsert } from '../core/upsertPlan';
import type { GuardOptions } from '../core/deactivationGuard';
import type {
	MappedItem,
	PlanEntry,
	Target,
	UpsertAction,
	UpsertPlan,
	UpsertResultItem,
} from '../core/types';
import type { HaloClient, RequestStats } from './HaloClient';
import type { HaloEntity } from './entities';
import { UpsertGuardError } from './UpsertGuardError';
import { failedItem } from './failedItem';

export interface UpsertInput {
	/** Position of the input item (pairedItem). */
	index: number;
	item: MappedItem;
}

export interface UpsertOptions {
	matchOn: Record<Target, readonly string[]>;
	/** Records per POST; default 50. */
	batchSize?: number;
	/** Full syncs: deactivate active records with an `oktaid` no input carries. */
	deactivateMissing?: boolean;
	/** Mass-deactivation guard; `false` overrides it. */
	guard?: Partial<GuardOptions> | false;
	/** A failed batch marks its items failed and the rest go on; otherwise its error is thrown. */
	continueOnError?: boolean;
}

/** One output item (docs/items.md), plus where it came from. */
export interface UpsertOutcome extends UpsertResultItem {
	/** Input position; null for a record deactivated because no input carries it. */
	index: number | null;
}

export interface UpsertSummary {
	dryRun: boolean;
	counts: Record<UpsertAction, number>;
	/** Existing Halo records read, per target. */
	existing: Partial<Record<Target, number>>;
	/** Halo requests made by this run (token requests are n8n's). */
	requests: RequestStats;
}

export interface UpsertRun {
	/** Input items in input order, then missing-record deactivations. */
	outcomes: UpsertOutcome[];
	summary: UpsertSummary;
}

const ENTITY: Record<Target, HaloEntity> = { user: 'Users', agent: 'Agent' };

export async function runUpsert(
	client: HaloClient,
	inputs: readonly UpsertInput[],
	options: UpsertOptions,
): Promise<UpsertRun> {
	const plans: Array<{ plan: UpsertPlan; inputs: UpsertInput[] }> = [];
	const existing: UpsertSummary['existing'] = {};
	for (const target of ['user', 'agent'] as const) {
		const group = inputs.filter((input) => input.item.target === target);
		if (group.length === 0) continue;
		// Inactive ones too: a returning person is reactivated, not created twice.
		const records =
			target === 'user'
				? await client.listUsers({ includeInactive: true })
				: await client.listAgents({ includeDisabled: true });
		existing[target] = records.length;
		const plan = planUpsert(
			group.map((input) => input.item),
			records,
			{
				target,
				matchOn: options.matchOn[target],
				deactivateMissing: options.deactivateMissing,
				guard: options.guard,
			},
		);
		plans.push({ plan, inputs: group });
	}
	const stopped = plans
		.map(({ plan }) => plan.guardError)
		.filter((reason): reason is string => !!reason);
	if (stopped.length > 0) throw new UpsertGuardError(stopped);

	const outcomes: UpsertOutcome[] = [];
	for (const { plan, inputs: group } of plans) {
		const results = plan.entries.map((entry) =>
			outcomeOf(entry, entry.index === null ? null : group[entry.index].index),
		);
		await writePlan(client, plan, results, options);
		outcomes.push(...results);
	}
	// Input order first (items of both targets interleave as they came), then records no input carries.
	outcomes.sort(
		(a, b) => (a.index ?? Number.MAX_SAFE_INTEGER) - (b.index ?? Number.MAX_SAFE_INTEGER),
	);
	return {
		outcomes,
		summary: {
			dryRun: client.dryRun,
			counts: countActions(outcomes),
			existing,
			requests: { ...client.stats },
		},
	};
}

function outcomeOf(entry: PlanEntry, index: number | null): UpsertOutcome {
	const outcome: UpsertOutcome = {
		index,
		action: entry.action,
		target: entry.target,
		haloId: entry.haloId,
		changes: entry.changes,
		okta: entry.okta,
		record: entry.record,
	};
	if (entry.reason) outcome.reason = entry.reason;
	return outcome;
}

async function writePlan(
	client: HaloClient,
	plan: UpsertPlan,
	results: UpsertOutcome[],
	options: UpsertOptions,
): Promise<void> {
	for (const kind of ['update', 'create'] as const) {
		const writes = plan.writes.filter((write) => write.kind === kind);
		if (writes.length === 0) continue;
		const saved = await client.saveBatches(
			ENTITY[plan.target],
			writes.map((write) => write.payload),
			{ batchSize: options.batchSize ?? 50, continueOnError: options.continueOnError },
		);
		writes.forEach((write, i) => {
			const result = results[write.entry];
			const outcome = saved[i];
			if (outcome.error) {
				results[write.entry] = failedItem(result, outcome.error.message, 'failed');
				return;
			}
			if (kind === 'create') {
				result.record = { ...result.record, ...outcome.record };
				const id = Number(outcome.record.id);
				result.haloId = outcome.record.id === undefined || Number.isNaN(id) ? null : id;
			}
		});
	}
}
