import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { properties } from './description';
import { loadOptions } from './loadOptions';
import { createOnboardingTickets } from './onboard';
import { runThenCommitCursors } from '../../lib/n8n/incrementalCursor';

export class HaloOnboardingTicket implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Create Onboarding Ticket',
		name: 'haloOnboardingTicket',
		icon: { light: 'file:halo.svg', dark: 'file:halo.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["onlyCreated"] ? "new starters" : "everyone without one" }}',
		description: 'Logs one Halo onboarding ticket for each new starter, never a second',
		defaults: { name: 'Create Onboarding Ticket' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'haloApi', required: true }],
		properties,
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The last of our writers commits the incremental cursor once the writes succeeded.
		return (await runThenCommitCursors(this, createOnboardingTickets)) as INodeExecutionData[][];
	}
}
