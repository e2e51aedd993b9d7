import { createHash } from 'node:crypto';

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	EventHookDeliveryError,
	deliveryAcknowledgement,
	readDelivery,
	skippedEventMessage,
	verificationAnswer,
} from '../../lib/core/eventHook';
import type { DedupeMemory, DeliveryReading } from '../../lib/core/eventHook';
import { fingerprintMatches } from '../../lib/core/secretFingerprint';
import { secretsEqual } from '../../lib/core/secureCompare';
import type { RegistrationData } from './register';

export const EVENT_HOOK_SECRET_CREDENTIAL = 'oktaEventHookApi';
const CHALLENGE_HEADER = 'x-okta-verification-challenge';

/**
 * Both webhooks: the GET answers Okta's one-time verification, the POST turns a
 * delivery into one item per new event of a chosen type. Okta sends the
 * configured secret header with both, so both require it. Every answer is
 * written here (`noWebhookResponse`, with `workflowData` when an execution
 * starts): throwing would answer 500 and record a failed execution, and n8n's
 * own answer to an `onReceived` webhook is its `responseData` default, the bare
 * text "firstEntryJson". A malformed event is logged and left out; the rest of
 * the delivery still runs. Nothing slow happens before the answer; Okta waits
 * only 3 s.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { headerName, secret } = await hookSecret(this);
	const headers = this.getHeaderData();
	if (!secretsEqual(secret, single(headers[headerName.toLowerCase()]))) {
		warnIfSecretRotated(this, secret);
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
	let reading: DeliveryReading;
	try {
		reading = readDelivery(this.getBodyData(), { eventTypes, memory });
	} catch (error) {
		if (error instanceof EventHookDeliveryError) return answer(this, 400, { error: error.message });
		throw new NodeOperationError(this.getNode(), error as Error);
	}
	for (const skipped of reading.skipped)
		this.logger.warn(skippedEventMessage(skipped, reading.received), {
			workflowId: this.getWorkflow().id,
			node: this.getNode().name,
		});
	const acknowledged = answer(this, 200, { ...deliveryAcknowledgement(reading) });
	// Nothing new (other event types, or a repeated delivery): no execution starts.
	if (reading.items.length === 0) return acknowledged;
	return {
		...acknowledged,
		workflowData: [this.helpers.returnJsonArray(reading.items as unknown as IDataObject[])],
	};
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

/** Fingerprint checks already made in this process (scrypt is slow on purpose; refusals must stay cheap). */
const rotationChecks = new Map<string, boolean>();

/**
 * A refused call to a hook this node registered, while the credential's secret
 * is no longer the one registered: Okta still sends the old secret until n8n
 * activates the workflow again (register.ts then replaces the hook). Says so in
 * n8n's log; never names either secret.
 */
function warnIfSecretRotated(context: IWebhookFunctions, secret: string): void {
	const { eventHookId, secretFingerprint } = context.getWorkflowStaticData(
		'node',
	) as RegistrationData;
	if (!eventHookId || typeof secretFingerprint !== 'string' || !secret) return;
	const key = `${secretFingerprint}\n${createHash('sha256').update(secret).digest('base64url')}`;
	let rotated = rotationChecks.get(key);
	if (rotated === undefined) {
		rotated = !fingerprintMatches(secretFingerprint, secret);
		if (rotationChecks.size >= 100) rotationChecks.clear();
		rotationChecks.set(key, rotated);
	}
	if (rotated)
		context.logger.warn(
			'Okta event hook: a delivery was refused and the secret in the Okta Event Hook Secret credential changed since the hook was registered; deactivate and activate the workflow (or restart n8n) to register the hook with the new secret',
			{ workflowId: context.getWorkflow().id, node: context.getNode().name },
		);
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
