import type { IExecuteFunctions } from 'n8n-workflow';

import { haloSsoSettings } from '../../../lib/core/ssoChecks';
import type { SsoApp, SsoFacts, SsoPerson } from '../../../lib/core/ssoChecks';
import type { HaloRecord } from '../../../lib/core/types';
import type { HaloClient } from '../../../lib/halo/HaloClient';
import { haloClientFor } from '../../../lib/n8n/halo';
import { oktaClientFor } from '../../../lib/n8n/okta';
import type { OktaClient } from '../../../lib/okta/OktaClient';

export interface SsoClients {
	halo: HaloClient;
	okta: OktaClient;
}

export async function ssoClients(context: IExecuteFunctions): Promise<SsoClients> {
	return { halo: await haloClientFor(context), okta: await oktaClientFor(context, 0) };
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Halo's people that carry an Okta id and are active (list answers hold `okta_id`; full records also `oktaid`). */
function people(users: HaloRecord[], agents: HaloRecord[]): SsoPerson[] {
	const out: SsoPerson[] = [];
	for (const [records, kind] of [
		[users, 'user'],
		[agents, 'agent'],
	] as const) {
		for (const record of records) {
			const oktaId = text(record.okta_id) ?? text(record.oktaid);
			if (!oktaId || record.inactive === true || record.isdisabled === true) continue;
			out.push({ oktaId, name: String(record.name ?? record.id), kind });
		}
	}
	return out;
}

/**
 * Everything Check SSO judges, read once: Halo's Control, Okta's org
 * metadata, the app and its assignments (one listing), Halo's users and
 * agents (one listing each). See docs/requests.md.
 */
export async function readSsoFacts(
	context: IExecuteFunctions,
	{ halo, okta }: SsoClients,
): Promise<SsoFacts> {
	const control = await halo.getControl();
	const settings = haloSsoSettings(control);
	const metadata = await okta.orgMetadata();
	const appId = text(context.getNodeParameter('appId', 0, '')) ?? settings.clientId;
	const app = appId ? ((await okta.findApp(appId)) as unknown as SsoApp | undefined) : undefined;
	const assigned = new Set<string>();
	if (app) for (const assignment of await okta.listAppUsers(app.id)) assigned.add(assignment.id);
	const [users, agents] = [await halo.listUsers(), await halo.listAgents()];
	return {
		agentUrl: text(context.getNodeParameter('agentUrl', 0, '')) ?? halo.baseUrl,
		portalUrl: text(context.getNodeParameter('portalUrl', 0, '')) ?? text(control.portal_url),
		halo: settings,
		builtInSync: control.halointegrator_okta === true,
		orgUrl: okta.orgUrl,
		primaryDomain: text(metadata._links?.organization?.href) ?? null,
		customDomain: text(metadata._links?.alternate?.href) ?? null,
		appId: appId ?? null,
		app,
		people: people(users, agents),
		assigned,
	};
}
