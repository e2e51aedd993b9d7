/**
 * Apply Role Mappings in n8n: read the parameters, run `runRoleMappings`
 * (lib/halo/roles.ts), and give every item what was added and removed.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { UpsertResultItem } from '../../lib/core/types';
import { failedItem } from '../../lib/halo/failedItem';
import { runRoleMappings } from '../../lib/halo/roles';
import type { RoleOutcome } from '../../lib/halo/roles';
import { errorText, haloClientFor, haloNodeError } from '../../lib/n8n/halo';
import { readMappingConfig } from '../../lib/n8n/mappingConfig/read';
import { readUiRoleMappings } from '../../lib/n8n/mappingConfig/roleMappings';

export async function applyRoleMappings(
	context: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	if (items.length === 0) return [[]];
	const continueOnFail = context.continueOnFail();
	const batchSize = context.getNodeParameter('options.batchSize', 0, 50) as number;
	const inputs = items.map((item) => item.json as Partial<UpsertResultItem>);
	// Items of a dry-run Upsert (`dryRun: true`) are written by no later node: this run only plans.
	const dryRun =
		(context.getNodeParameter('dryRun', 0, false) as boolean) ||
		items.some((item) => item.json.dryRun === true);

	let outcomes: Array<RoleOutcome | null>;
	try {
		// One plan for the whole run, so the mappings come from the first item.
		const mappings = readMappingConfig(context, 0, readUiRoleMappings).roleMappings ?? [];
		const client = await haloClientFor(context, { dryRun });
		outcomes = await runRoleMappings(client, inputs, mappings, {
			batchSize,
			continueOnError: continueOnFail,
		});
	} catch (error) {
		const nodeError = haloNodeError(context.getNode(), error);
		if (!continueOnFail) throw nodeError;
		return [
			items.map((item, i) => ({
				json: failedItem(item.json, nodeError.message),
				pairedItem: { item: i },
			})),
		];
	}

	return [
		items.map((item, i) => {
			const outcome = outcomes[i];
			if (!outcome) return { json: item.json, pairedItem: { item: i } };
			const roles: IDataObject = { ...outcome.changes };
			if (dryRun) roles.dryRun = true;
			if (!outcome.error) return { json: { ...item.json, roles }, pairedItem: { item: i } };
			roles.error = errorText(outcome.error);
			return { json: failedItem({ ...item.json, roles }, roles.error), pairedItem: { item: i } };
		}),
	];
}
