import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { properties } from './description';
import { upsertHalo } from './upsert';
import { runThenCommitCursors } from '../../lib/n8n/incrementalCursor';

export class HaloUpsert implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Upsert Halo User/Agent',
		name: 'haloUpsert',
		icon: { light: 'file:halo.svg', dark: 'file:halo.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["dryRun"] ? "dry run" : "create, update, deactivate" }}',
		description:
			'Creates, updates, deactivates and reactivates Halo users or agents so they match Okta; writes only what changed',
		defaults: { name: 'Upsert Halo User/Agent' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'haloApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The last of our writers commits the incremental cursor once the writes succeeded.
		return (await runThenCommitCursors(this, upsertHalo)) as INodeExecutionData[][];
	}
}
