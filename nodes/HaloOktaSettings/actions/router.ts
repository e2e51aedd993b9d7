import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { haloNodeError } from '../../../lib/n8n/halo';
import { oktaNodeError } from '../../../lib/n8n/okta';
import { OktaApiError } from '../../../lib/okta/OktaApiError';
import { OktaCredentialError } from '../../../lib/okta/OktaCredentialError';
import { OrgUrlError } from '../../../lib/okta/OrgUrlError';
import { checkSso } from './checkSso';
import { fixSso } from './fixSso';
import { getMappingConfig } from './getMappingConfig';

type Operation = (this: IExecuteFunctions) => Promise<IDataObject>;

const OPERATIONS: Record<string, Operation> = { getMappingConfig, checkSso, fixSso };

/**
 * Halo's settings are one record per instance, so the node runs once per
 * execution (not once per input item) and outputs one item.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	try {
		const run = OPERATIONS[operation];
		if (!run) throw new Error(`Unknown operation "${operation}"`);
		return [[{ json: await run.call(this), pairedItem: { item: 0 } }]];
	} catch (error) {
		const okta =
			error instanceof OktaApiError ||
			error instanceof OrgUrlError ||
			error instanceof OktaCredentialError;
		const nodeError = okta
			? oktaNodeError(this.getNode(), error, 0)
			: haloNodeError(this.getNode(), error, 0);
		if (!this.continueOnFail()) throw nodeError;
		return [[{ json: { action: 'failed', error: nodeError.message }, pairedItem: { item: 0 } }]];
	}
}
