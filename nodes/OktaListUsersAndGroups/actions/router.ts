import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { oktaClientFor, oktaNodeError } from '../../../lib/n8n/okta';
import type { OktaClient } from '../../../lib/okta/OktaClient';
import { listAppUsers, listGroupMembers, listGroups } from './listOthers';
import { listUsers } from './listUsers';

type Lister = (this: IExecuteFunctions, client: OktaClient, itemIndex: number) => Promise<object[]>;

const LISTERS: Record<string, Lister> = {
	users: listUsers,
	groups: listGroups,
	groupMembers: listGroupMembers,
	appUsers: listAppUsers,
};

/**
 * A listing reads the directory once, however many items come in (a Schedule
 * Trigger sends one). Only "User IDs" written as an expression is evaluated
 * per input item (e.g. one lookup per Okta event from the trigger).
 */
function runsPerItem(context: IExecuteFunctions): boolean {
	const userIds = context.getNode().parameters.userIds;
	return (
		context.getNodeParameter('resource', 0) === 'users' &&
		typeof userIds === 'string' &&
		userIds.startsWith('=')
	);
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const perItem = runsPerItem(this);
	const indexes = perItem ? this.getInputData().map((_, index) => index) : [0];
	const out: INodeExecutionData[] = [];
	for (const itemIndex of indexes) {
		try {
			if (perItem && !String(this.getNodeParameter('userIds', itemIndex, '')).trim()) continue;
			const lister = LISTERS[this.getNodeParameter('resource', itemIndex) as string];
			const client = await oktaClientFor(this, itemIndex);
			for (const json of await lister.call(this, client, itemIndex))
				out.push({ json: json as IDataObject, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = oktaNodeError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			out.push({
				json: { action: 'failed', error: nodeError.message },
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [out];
}
