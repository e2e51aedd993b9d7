import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	EventHookDeliveryError,
	eventHookItems,
	verificationAnswer,
} from '../../lib/core/eventHook';
import type { DedupeMemory } from '../../lib/core/eventHook';
import { secretsEqual } from '../../lib/core/secureCompare';

export const EVENT_HOOK_SECRET_CREDENTIAL = 'oktaEventHookApi';
const CHALLENGE_HEADER = 'x-okta-verification-challenge';

/**
 * Both webhooks: the GET answers Okta's one-time verification, the POST turns a
 * delivery into one item per new event of a chosen type. Okta sends the
 * configured secret header with both, so both require it. Refusals are written
 * here (`noWebhookResponse`): throwing would answer 500 and record a failed
 * execution. Nothing slow happens before the answer; Okta waits only 3 s.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { headerName, secret } = await hookSecret(this);
	const headers = this.getHeaderData();
	if (!secretsEqual(secret, single(headers[headerName.toLowerCase()]))) {
		return answer(this, 401, { error: 'Unauthorized' });
	}

	if (this.getWebhookName() === 'setup') {
		const verification = verificationAnswer(headers[CHALLENGE_HEADER]);
		if (!verification)
			return answer(this, 400, { error: 'Missing X-Okta-Verification-Challenge header' });
		return answer(this, 200, verification);
	}

	const eventTypes = this.getNodeParameter('events', []) as string[];
	const memory = this.getWorkflowStaticData('node') as DedupeMemory;
	let items;
	try {
		items = eventHookItems(this.getBodyData(), { eventTypes, memory });
	} catch (error) {
		if (error instanceof EventHookDeliveryError) return answer(this, 400, { error: error.message });
		throw new NodeOperationError(this.getNode(), error as Error);
	}
	// Nothing new (other event types, or a repeated delivery): n8n answers 200 and starts no execution.
	if (items.length === 0) return {};
	return { workflowData: [this.helpers.returnJsonArray(items as unknown as IDataObject[])] };
}

async function hookSecret(
	context: IWebhookFunctions,
): Promise<{ headerName: string; secret: string }> {
	const credentials = await context.getCredentials<{ headerName?: unknown; secret?: unknown }>(
		EVENT_HOOK_SECRET_CREDENTIAL,
	);
	const headerName =
		typeof credentials.headerName === 'string' && credentials.headerName.trim()
			? credentials.headerName.trim()
			: 'Authorization';
	const secret = typeof credentials.secret === 'string' ? credentials.secret : '';
	return { headerName, secret };
}

function single(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

function answer(
	context: IWebhookFunctions,
	status: number,
	body: IDataObject,
): IWebhookResponseData {
	context.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}
