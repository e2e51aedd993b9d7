/**
 * "Apply Role Mappings" without n8n: read the Halo state the mappings need
 * once, plan with the core, write only what changed in batches, and give each
 * item its changes (and the error of its write, if that write failed).
 */
import { isPlannable, planRoles, roleNeeds, roleStateFromHalo } from '../core/rolePlan';
import type { CurrentRoleState, ItemRoleChanges, RoleNeeds, RoleWrites } from '../core/rolePlan';
import type { RoleMapping, UpsertResultItem } from '../core/types';
import type { HaloClient } from './HaloClient';
import type { HaloEntity } from './entities';
import { readManagedUserRoles, userRoleSaves } from './userRoles';

type RecordKey = `${'agent' | 'user' | 'cab'}:${number}`;

export interface RoleRunOptions {
	/** Records per POST. */
	batchSize: number;
	/** A failed batch marks its items and the rest go on; otherwise its error is thrown. */
	continueOnError: boolean;
}

/** One input item's result: what was added and removed, and the error of a failed write. */
export interface RoleOutcome {
	changes: ItemRoleChanges;
	error?: Error;
}

/** Per input item, in input order; null for items passed through untouched (failed, skipped, no Halo id). */
export async function runRoleMappings(
	client: HaloClient,
	inputs: ReadonlyArray<Partial<UpsertResultItem>>,
	mappings: readonly RoleMapping[],
	options: RoleRunOptions,
): Promise<Array<RoleOutcome | null>> {
	const needs = roleNeeds(mappings, inputs.filter(isPlannable) as UpsertResultItem[]);
	const read = await readRoleState(client, needs, inputs, mappings);
	const plan = planRoles(inputs, mappings, read.state);
	// Only the managed user roles are known: saves that keep the others (userRoles.ts).
	const writes: RoleWrites = read.usersComplete
		? plan.writes
		: {
				...plan.writes,
				users: (await userRoleSaves(
					client,
					plan.writes.users,
					read.state.userRoles ?? new Map(),
				)) as unknown as RoleWrites['users'],
			};
	const failed = await writePlan(client, writes, options);
	return plan.items.map((changes, i) => {
		if (!changes) return null;
		const error = writeErrorFor(inputs[i], changes, failed);
		return error ? { changes, error } : { changes };
	});
}

/**
 * Only the lists the mappings use: agents with roles, CABs with members, and
 * users' roles: from the Upsert items when every one carries them (complete
 * lists), else the holders of each managed user role (`GET /api/Users?role=ID`;
 * `Users_List` has no roles), which gives managed roles only.
 */
async function readRoleState(
	client: HaloClient,
	needs: RoleNeeds,
	inputs: ReadonlyArray<Partial<UpsertResultItem>>,
	mappings: readonly RoleMapping[],
): Promise<{ state: CurrentRoleState; usersComplete: boolean }> {
	const agents = needs.agentRoles
		? await client.listAgents({ includeDisabled: true, includeRoles: true })
		: undefined;
	const cabs = needs.cabs ? await client.listCabs({ includeMembers: true }) : undefined;
	// A Halo that leaves members out of the CAB list: one more read of every membership.
	const cabMembers = cabs?.some((cab) => !Array.isArray(cab.members))
		? await client.listCabMembers()
		: undefined;
	const users = needs.userRoles ? usersFromUpsert(inputs) : undefined;
	const state = roleStateFromHalo({ agents, users, cabs, cabMembers });
	if (!needs.userRoles || users) return { state, usersComplete: true };
	const managed = mappings
		.map((mapping) => mapping.userRoleId)
		.filter((id): id is number => typeof id === 'number');
	const userIds = inputs
		.filter((item) => isPlannable(item) && item.target === 'user')
		.map((item) => item.haloId as number);
	state.userRoles = await readManagedUserRoles(client, managed, userIds);
	return { state, usersComplete: false };
}

/**
 * The Upsert's items already hold each user's Halo record as it read or saved it
 * in this run, roles included (the record it matched, or Halo's answer to the
 * create). When every user item carries its roles, that is the current state and
 * the pages of every Halo user need not be read again.
 */
function usersFromUpsert(
	inputs: ReadonlyArray<Partial<UpsertResultItem>>,
): Array<Record<string, unknown>> | undefined {
	const users = inputs.filter((item) => isPlannable(item) && item.target === 'user');
	if (users.length === 0 || !users.every((item) => Array.isArray(item.record?.roles)))
		return undefined;
	return users.map((item) => ({ id: item.haloId, roles: item.record?.roles }));
}

/** Batched saves; with continue-on-fail a failed batch marks its records and the rest go on. */
async function writePlan(
	client: HaloClient,
	writes: RoleWrites,
	options: RoleRunOptions,
): Promise<Map<RecordKey, Error>> {
	const failed = new Map<RecordKey, Error>();
	const kinds: Array<[HaloEntity, 'agent' | 'user' | 'cab', Array<{ id: number }>]> = [
		['Agent', 'agent', writes.agents],
		['Users', 'user', writes.users],
		['CAB', 'cab', writes.cabs],
	];
	for (const [entity, kind, records] of kinds) {
		if (records.length === 0) continue;
		const outcomes = await client.saveBatches(entity, records, {
			batchSize: options.batchSize,
			continueOnError: options.continueOnError,
		});
		outcomes.forEach((outcome, i) => {
			if (outcome.error) failed.set(`${kind}:${records[i].id}`, outcome.error);
		});
	}
	return failed;
}

function writeErrorFor(
	item: Partial<UpsertResultItem>,
	changes: ItemRoleChanges,
	failed: Map<RecordKey, Error>,
): Error | undefined {
	if (failed.size === 0) return undefined;
	const own = failed.get(`${item.target === 'agent' ? 'agent' : 'user'}:${item.haloId as number}`);
	if (own) return own;
	const cabs = [...changes.added.cabs, ...changes.removed.cabs];
	for (const cab of cabs) {
		const error = failed.get(`cab:${cab}`);
		if (error) return error;
	}
	return undefined;
}
