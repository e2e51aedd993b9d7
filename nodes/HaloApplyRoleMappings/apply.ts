/**
 * Apply Role Mappings, the run: read the Halo state the mappings need once,
 * plan in the core, write only what changed in batches, and give every item
 * what was added and removed.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isPlannable, planRoles, roleNeeds, roleStateFromHalo } from '../../lib/core/rolePlan';
import type {
	CurrentRoleState,
	ItemRoleChanges,
	RoleNeeds,
	RoleWrites,
} from '../../lib/core/rolePlan';
import type { UpsertResultItem } from '../../lib/core/types';
import type { HaloClient } from '../../lib/halo/HaloClient';
import type { HaloEntity } from '../../lib/halo/entities';
import { errorText, haloClientFor, haloNodeError } from '../../lib/n8n/halo';
import { readMappingConfig } from '../../lib/n8n/mappingConfig';
import { NO_OKTA_AUTHENTICATION, usesOktaCredential } from '../../lib/n8n/okta';

type RecordKey = `${'agent' | 'user' | 'cab'}:${number}`;

export async function applyRoleMappings(
	context: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	if (items.length === 0) return [[]];
	const continueOnFail = context.continueOnFail();
	const dryRun = context.getNodeParameter('dryRun', 0, false) as boolean;
	const batchSize = context.getNodeParameter('options.batchSize', 0, 50) as number;
	const inputs = items.map((item) => item.json as Partial<UpsertResultItem>);

	let results: Array<ItemRoleChanges | null>;
	let failed: Map<RecordKey, Error>;
	try {
		// One plan for the whole run, so the mappings come from the first item.
		const mappings = readMappingConfig(context, 0, readUiRoleMappings).roleMappings ?? [];
		const needs = roleNeeds(mappings, inputs.filter(isPlannable) as UpsertResultItem[]);
		const client = await haloClientFor(context, { dryRun });
		const plan = planRoles(inputs, mappings, await readRoleState(client, needs, inputs));
		results = plan.items;
		failed = await writePlan(client, plan.writes, batchSize, continueOnFail);
	} catch (error) {
		const nodeError = haloNodeError(context.getNode(), error);
		if (!continueOnFail) throw nodeError;
		return [
			items.map((item, i) => ({
				json: { ...item.json, error: nodeError.message },
				pairedItem: { item: i },
			})),
		];
	}

	return [
		items.map((item, i) => {
			const changes = results[i];
			if (!changes) return { json: item.json, pairedItem: { item: i } };
			const roles: IDataObject = { ...changes };
			if (dryRun) roles.dryRun = true;
			const json: IDataObject = { ...item.json, roles };
			const error = writeErrorFor(inputs[i], changes, failed);
			// The Upsert's `action` stays: a created person whose roles failed still gets onboarded.
			if (error) json.error = roles.error = errorText(error);
			return { json, pairedItem: { item: i } };
		}),
	];
}

/** Only the lists the mappings use: agents with roles, CABs with members, users with roles. */
async function readRoleState(
	client: HaloClient,
	needs: RoleNeeds,
	inputs: Array<Partial<UpsertResultItem>>,
): Promise<CurrentRoleState> {
	const agents = needs.agentRoles
		? await client.listAgents({ includeDisabled: true, includeRoles: true })
		: undefined;
	const cabs = needs.cabs ? await client.listCabs({ includeMembers: true }) : undefined;
	// A Halo that leaves members out of the CAB list: one more read of every membership.
	const cabMembers = cabs?.some((cab) => !Array.isArray(cab.members))
		? await client.listCabMembers()
		: undefined;
	const users = needs.userRoles
		? (usersFromUpsert(inputs) ?? (await client.listUsers({ includeInactive: true })))
		: undefined;
	return roleStateFromHalo({ agents, users, cabs, cabMembers });
}

/**
 * The Upsert's items already hold each user's Halo record as it read or saved it
 * in this run, roles included (the record it matched, or Halo's answer to the
 * create). When every user item carries its roles, that is the current state and
 * the pages of every Halo user need not be read again.
 */
function usersFromUpsert(
	inputs: Array<Partial<UpsertResultItem>>,
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
	batchSize: number,
	continueOnError: boolean,
): Promise<Map<RecordKey, Error>> {
	const failed = new Map<RecordKey, Error>();
	const kinds: Array<[HaloEntity, 'agent' | 'user' | 'cab', Array<{ id: number }>]> = [
		['Agent', 'agent', writes.agents],
		['Users', 'user', writes.users],
		['CAB', 'cab', writes.cabs],
	];
	for (const [entity, kind, records] of kinds) {
		if (records.length === 0) continue;
		const outcomes = await client.saveBatches(entity, records, { batchSize, continueOnError });
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

/** The UI rows as a MappingConfig fragment; empty choices are unset, and the validator judges the rest. */
export function readUiRoleMappings(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fromOkta = usesOktaCredential(
		context.getNodeParameter('authentication', itemIndex, NO_OKTA_AUTHENTICATION),
	);
	const rows =
		(context.getNodeParameter('roleMappings.mapping', itemIndex, []) as IDataObject[]) ?? [];
	return {
		roleMappings: rows.map((row) => {
			const mapping: IDataObject = {
				group: String((fromOkta ? row.oktaGroupId : row.group) ?? '').trim(),
			};
			if (isChosen(row.agentRoleId)) mapping.agentRoleId = String(row.agentRoleId).trim();
			if (isChosen(row.cabId)) mapping.cabId = numberish(row.cabId);
			if (isChosen(row.userRoleId)) mapping.userRoleId = numberish(row.userRoleId);
			return mapping;
		}),
	};
}

function isChosen(value: unknown): boolean {
	return (
		value !== undefined &&
		value !== null &&
		String(value).trim() !== '' &&
		String(value).trim() !== '0'
	);
}

function numberish(value: unknown): IDataObject[string] {
	return typeof value === 'string' && /^\s*\d+\s*$/.test(value)
		? Number(value)
		: (value as IDataObject[string]);
}
