/**
 * "Upsert Halo User/Agent" without n8n: read the existing users/agents once,
 * plan with the core, stop on the mass-deactivation guard before any write,
 * then send the planned writes as batched array POSTs and report one result
 * per input. Updates and creates go in separate batches so a dropped
 * connection can retry the updates (idempotent) but never a create.
 */
import { countActions } from '../core/actionCounts';
import { namesNeeded, resolveHaloNames, type HaloDepartment } from '../core/resolveNames';
import { planUpsert } from '../core/upsertPlan';
import type { GuardOptions } from '../core/deactivationGuard';
import type {
	HaloRecord,
	HaloTeam,
	MappedItem,
	PlanEntry,
	Target,
	TeamAccess,
	UpsertAction,
	UpsertPlan,
	UpsertResultItem,
} from '../core/types';
import { usersQuery, type HaloClient, type RequestStats } from './HaloClient';
import type { HaloEntity } from './entities';
import { UpsertGuardError } from './UpsertGuardError';
import { failedItem } from './failedItem';
import { existingUsersFor } from './lookup';
import { recordOktaId } from '../core/oktaId';
import { personLock, personLockKey } from './personLock';

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
	/** How agents' `team` names become Halo teams (the MappingConfig's `agent` section). */
	teams?: { defaultTeam?: string; teamAccess: TeamAccess };
	/** Input items that failed upstream: their people are never deactivated (lib/core/upsertPlan.ts). */
	failedUpstream?: { oktaIds: readonly string[]; unidentified: number };
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
	/** People Deactivate Missing left alone because their items failed upstream, and why. */
	leftAlone?: { count: number; reason: string };
}

export interface UpsertRun {
	/** Input items in input order, then missing-record deactivations. */
	outcomes: UpsertOutcome[];
	summary: UpsertSummary;
}

const ENTITY: Record<Target, HaloEntity> = { user: 'Users', agent: 'Agent' };

/**
 * Reads, plans and writes while holding the person lock of every input
 * (docs/concurrency.md): an overlapping execution for the same person waits,
 * then reads the record this one wrote, so it updates rather than creates.
 * A dry run writes nothing and takes no lock.
 */
export async function runUpsert(
	client: HaloClient,
	inputs: readonly UpsertInput[],
	options: UpsertOptions,
): Promise<UpsertRun> {
	if (client.dryRun) return await readPlanWrite(client, inputs, options);
	const keys = inputs.map((input) => personLockKey(client.baseUrl, personIdOf(input.item)));
	return await personLock.run(keys, async () => await readPlanWrite(client, inputs, options));
}

/** The Okta id a person is known by: the mapped `oktaid` when set, else the Okta user's id. */
function personIdOf(item: MappedItem): string {
	const mapped = item.record.oktaid;
	return typeof mapped === 'string' && mapped.trim() !== '' ? mapped.trim() : item.okta.id;
}

async function readPlanWrite(
	client: HaloClient,
	inputs: readonly UpsertInput[],
	options: UpsertOptions,
): Promise<UpsertRun> {
	const plans: Array<{ plan: UpsertPlan; inputs: UpsertInput[]; lookedUp: boolean }> = [];
	const existing: UpsertSummary['existing'] = {};
	const resolved = await resolveNames(client, inputs, options);
	for (const target of ['user', 'agent'] as const) {
		const group = resolved.inputs.filter((input) => input.item.target === target);
		if (group.length === 0) continue;
		// Inactive ones too: a returning person is reactivated, not created twice. Users: every page, or
		// for a small run only the people in it (lib/halo/lookup.ts); agents come in one call anyway.
		const items = group.map((input) => input.item);
		const read =
			target === 'user'
				? await existingUsersFor(client, items, options.matchOn.user, {
						allPages: options.deactivateMissing,
					})
				: { records: await client.listAgents({ includeDisabled: true }), path: 'pages' as const };
		const planOf = (records: HaloRecord[]) =>
			planUpsert(items, records, {
				target,
				matchOn: options.matchOn[target],
				deactivateMissing: options.deactivateMissing,
				guard: options.guard,
				failedUpstream: options.failedUpstream,
			});
		const withDepartments = async (records: HaloRecord[]) => {
			if (target === 'user' && items.some((item) => item.record.departments !== undefined))
				await addUserDepartments(client, records, resolved.departments ?? []);
			return records;
		};
		let records = await withDepartments(read.records);
		let plan = planOf(records);
		// Search finds people by their current Okta values only: someone who has been in Okta a while
		// and was not found may be in Halo under an old email. Read every page before creating them
		// (docs/concurrency.md); new starters, the small runs' usual case, stay cheap.
		if (read.path === 'lookups' && plan.entries.some((entry) => createsEstablished(entry, items))) {
			records = await withDepartments(await client.listUsers({ includeInactive: true }));
			plan = planOf(records);
		}
		existing[target] = records.length;
		plans.push({ plan, inputs: group, lookedUp: read.path === 'lookups' });
	}
	const stopped = plans
		.map(({ plan }) => plan.guardError)
		.filter((reason): reason is string => !!reason);
	if (stopped.length > 0) throw new UpsertGuardError(stopped);

	const outcomes: UpsertOutcome[] = [];
	for (const { plan, inputs: group, lookedUp } of plans) {
		const results = plan.entries.map((entry) => {
			const outcome = outcomeOf(entry, entry.index === null ? null : group[entry.index].index);
			const warnings = entry.index === null ? [] : resolved.warnings.get(group[entry.index].index);
			if (warnings && warnings.length > 0)
				outcome.warnings = [...warnings, ...(outcome.warnings ?? [])];
			return outcome;
		});
		await writePlan(client, plan, results, options);
		// Users: in small runs (event deliveries, where overlaps happen); a full sync's creates are not
		// searched one by one. Agents: one list call.
		if (!client.dryRun && (plan.target === 'agent' || lookedUp))
			await keepEarliest(client, plan.target, results);
		outcomes.push(...results);
	}
	// Input order first (items of both targets interleave as they came), then records no input carries.
	outcomes.sort(
		(a, b) => (a.index ?? Number.MAX_SAFE_INTEGER) - (b.index ?? Number.MAX_SAFE_INTEGER),
	);
	const summary: UpsertSummary = {
		dryRun: client.dryRun,
		counts: countActions(outcomes),
		existing,
		requests: { ...client.stats },
	};
	const leftAlone = plans.map(({ plan }) => plan.leftAlone).filter((left) => left !== undefined);
	if (leftAlone.length > 0)
		summary.leftAlone = {
			count: leftAlone.reduce((sum, left) => sum + left.count, 0),
			reason: leftAlone[0].reason,
		};
	return { outcomes, summary };
}

/**
 * Team and department names resolved against Halo (read once each, only
 * when an item carries one): Map to Halo leaves them as Okta gives them.
 */
async function resolveNames(
	client: HaloClient,
	inputs: readonly UpsertInput[],
	options: UpsertOptions,
): Promise<{
	inputs: UpsertInput[];
	departments?: HaloDepartment[];
	warnings: Map<number, string[]>;
}> {
	const defaultTeam = options.teams?.defaultTeam;
	const needed = namesNeeded(
		inputs.map((input) => input.item),
		defaultTeam,
	);
	const warnings = new Map<number, string[]>();
	if (!needed.teams && !needed.departments) return { inputs: [...inputs], warnings };
	const named = (records: HaloRecord[]) =>
		records.map((r) => ({ id: Number(r.id), name: String(r.name ?? '') }));
	const teams: HaloTeam[] | undefined = needed.teams ? named(await client.listTeams()) : undefined;
	const departments = needed.departments ? named(await client.listDepartments()) : undefined;
	const lookups = {
		teams,
		departments,
		defaultTeam,
		teamAccess: options.teams?.teamAccess ?? {
			canBeAssigned: true,
			seeUnassigned: true,
			seeOthers: true,
		},
	};
	const resolved = inputs.map((input) => {
		const { item, warnings: found } = resolveHaloNames(input.item, lookups);
		if (found.length > 0) warnings.set(input.index, found);
		return { index: input.index, item };
	});
	return { inputs: resolved, departments, warnings };
}

/**
 * Users' department memberships: `Users_List` has none, so the members of
 * each Halo department are read (`GET /api/Users?department_id=N`, paged;
 * one read per department, never per user) and added to the records, so a
 * department write keeps the memberships Halo already has (docs/requests.md).
 */
async function addUserDepartments(
	client: HaloClient,
	records: HaloRecord[],
	departments: readonly HaloDepartment[],
): Promise<void> {
	const byId = new Map(records.map((record) => [String(record.id), record]));
	for (const record of records) record.departments = [];
	for (const department of departments) {
		const members = await client.listUsers({
			includeInactive: true,
			query: { department_id: department.id },
		});
		for (const member of members) {
			const record = byId.get(String(member.id));
			(record?.departments as HaloRecord[] | undefined)?.push({
				department_id: department.id,
				department_name: department.name,
			});
		}
	}
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
	if (entry.warnings?.length) outcome.warnings = entry.warnings;
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

/** People created in Okta within this many days count as new starters for the small-run search. */
const NEW_STARTER_DAYS = 7;

/** A create in the plan for someone who is not a new starter in Okta (or whose start is unknown). */
function createsEstablished(
	entry: UpsertPlan['entries'][number],
	items: readonly MappedItem[],
): boolean {
	if (entry.action !== 'created' || entry.index === null) return false;
	const created = Date.parse(items[entry.index]?.okta.created ?? '');
	return !(Date.now() - created < NEW_STARTER_DAYS * 86_400_000);
}

/**
 * Another n8n process (a second queue-mode worker) may have created the same
 * person in the same instant: the lock of lib/halo/personLock.ts holds in one
 * process only. Halo numbers records in the order they are saved, so after
 * creating, each run looks for the person again; a record of theirs with a
 * lower id was saved first, and this run's own record is the twin. It was
 * created a moment ago and holds nothing yet, so it is deleted, and this
 * run's item points at the earlier record as `unchanged`: only the run that
 * created the kept record opens the onboarding ticket (docs/concurrency.md).
 */
async function keepEarliest(
	client: HaloClient,
	target: Target,
	results: UpsertOutcome[],
): Promise<void> {
	const created = results.filter(
		(result) => result.action === 'created' && result.haloId !== null && result.okta?.id,
	);
	if (created.length === 0) return;
	// Agents come in one call; users are looked for by email, one search each.
	const agents =
		target === 'agent' ? await client.listAgents({ includeDisabled: true }) : undefined;
	for (const result of created) {
		const oktaId = result.okta!.id;
		const email = String(result.record.emailaddress ?? result.record.email ?? '').trim();
		const candidates =
			agents ??
			(email
				? await client.listAll('Users', { ...usersQuery({ includeInactive: true }), search: email })
				: []);
		const earlier = candidates
			.filter((record) => recordOktaId(record) === oktaId && Number(record.id) < result.haloId!)
			.sort((a, b) => Number(a.id) - Number(b.id))[0];
		if (!earlier) continue;
		await client.request('DELETE', `${ENTITY[target]}/${result.haloId}`);
		result.action = 'unchanged';
		result.changes = {};
		result.record = { ...result.record, ...earlier };
		result.haloId = Number(earlier.id);
	}
}
