import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { fingerprintMatches, secretFingerprint } from '../../lib/core/secretFingerprint';
import {
	NO_OKTA_AUTHENTICATION,
	oktaClientFor,
	oktaNodeError,
	usesOktaCredential,
} from '../../lib/n8n/okta';
import { OktaEventHooks, eventHookMatches } from '../../lib/okta/eventHooks';
import type { EventHookSpec } from '../../lib/okta/eventHooks';
import { EVENT_HOOK_SECRET_CREDENTIAL } from './receive';

/** Kept in the node's static data next to the dedupe memory. */
export interface RegistrationData extends IDataObject {
	eventHookId?: string;
	/**
	 * Fingerprint of the secret the hook was registered with (lib/core/secretFingerprint.ts),
	 * never the secret: Okta never shows a hook's secret, so this is how a rotated secret is noticed.
	 */
	secretFingerprint?: string;
}

function registering(context: IHookFunctions): boolean {
	return usesOktaCredential(context.getNodeParameter('authentication', NO_OKTA_AUTHENTICATION));
}

/** The credential follows the node's `authentication` parameter, as for the List node. */
async function eventHooksFor(context: IHookFunctions): Promise<OktaEventHooks> {
	return new OktaEventHooks(await oktaClientFor(context));
}

/** The hook this node wants in Okta: its production URL, chosen events and the secret header. */
async function wantedHook(context: IHookFunctions): Promise<EventHookSpec> {
	const uri = context.getNodeWebhookUrl('default');
	if (!uri)
		throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL for the trigger');
	const credentials = await context.getCredentials<{ headerName?: unknown; secret?: unknown }>(
		EVENT_HOOK_SECRET_CREDENTIAL,
	);
	const secret = typeof credentials.secret === 'string' ? credentials.secret : '';
	// The trigger refuses every call without a secret, so a hook without one could never deliver.
	if (!secret)
		throw new NodeOperationError(
			context.getNode(),
			'The Okta Event Hook Secret credential has no secret',
		);
	const workflow = context.getWorkflow();
	return {
		name: `n8n: ${workflow.name ?? workflow.id ?? 'workflow'}`,
		description: `Created by n8n for the node "${context.getNode().name}"; removed when the workflow is deactivated`,
		uri,
		eventTypes: context.getNodeParameter('events', []) as string[],
		authHeader: {
			key: String(credentials.headerName ?? '').trim() || 'Authorization',
			value: secret,
		},
	};
}

/** Runs Okta calls with their errors shown as n8n errors (Okta's own summary, never a credential). */
async function okta<T>(context: IHookFunctions, work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw oktaNodeError(context.getNode(), error);
	}
}

/**
 * `webhookMethods.default`: with an Okta credential type chosen in "Register
 * Event Hook in Okta" (`authentication` not `none`), activation creates the
 * hook at the production URL and has Okta verify it (n8n already serves the
 * GET webhook then); deactivation deletes it. `none`: nothing in Okta.
 * n8n activates again on every start and on every re-activation; a hook whose
 * secret no longer matches the credential is then registered again.
 */
export const eventHookRegistration = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		if (!registering(this)) return true;
		const data = this.getWorkflowStaticData('node') as RegistrationData;
		const spec = await wantedHook(this);
		const hooks = await okta(this, async () => await eventHooksFor(this));
		const current = (await okta(this, async () => await hooks.list())).find((hook) =>
			eventHookMatches(hook, spec),
		);
		// Kept only when this node registered it with the credential's current secret; otherwise
		// `create` replaces it (a hook with another secret would be refused on every delivery).
		return (
			!!current &&
			current.id === data.eventHookId &&
			fingerprintMatches(data.secretFingerprint, spec.authHeader.value)
		);
	},

	async create(this: IHookFunctions): Promise<boolean> {
		if (!registering(this)) return true;
		const data = this.getWorkflowStaticData('node') as RegistrationData;
		const spec = await wantedHook(this);
		const hooks = await okta(this, async () => await eventHooksFor(this));
		const hook = await okta(this, async () => {
			// Hooks left at this URL by an earlier activation (other events or header) would deliver twice.
			for (const stale of (await hooks.list()).filter((h) => h.channel?.config?.uri === spec.uri))
				await hooks.remove(stale.id);
			return await hooks.create(spec);
		});
		try {
			await hooks.verify(hook.id);
		} catch (error) {
			// An unverified hook never delivers; leave nothing behind in Okta.
			await hooks.remove(hook.id).catch(() => false);
			const nodeError = oktaNodeError(this.getNode(), error);
			nodeError.description =
				`Okta could not verify the event hook at ${spec.uri}: Okta must reach it over HTTPS. ${nodeError.description ?? ''}`.trim();
			throw nodeError;
		}
		data.eventHookId = hook.id;
		data.secretFingerprint = secretFingerprint(spec.authHeader.value);
		return true;
	},

	async delete(this: IHookFunctions): Promise<boolean> {
		const data = this.getWorkflowStaticData('node') as RegistrationData;
		// A stored id means this node created the hook, even if registration was turned off since
		// (then there is no Okta credential to delete it with: it stays in Okta, and the next registration replaces it).
		if (!data.eventHookId) return true;
		try {
			await (await eventHooksFor(this)).remove(data.eventHookId);
		} catch {
			// n8n deactivates the workflow anyway; the hook stays in Okta and can be deleted there.
			return false;
		}
		delete data.eventHookId;
		delete data.secretFingerprint;
		return true;
	},
};
