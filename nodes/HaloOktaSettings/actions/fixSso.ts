import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkSso } from '../../../lib/core/ssoChecks';
import { factsAfter, planSsoFix } from '../../../lib/core/ssoFix';
import type { OktaAppDetail } from '../../../lib/okta/types';
import { readSsoFacts, ssoClients } from './ssoFacts';

/**
 * Adds what sign-in is missing and never removes anything (lib/core/ssoFix.ts).
 * A refused PUT names `okta.apps.manage` (OktaClient.replaceApp) and Halo is
 * then not written. A dry run writes nothing and its `after` is the check of the state the
 * changes would give; a real run writes Okta first, then Halo, then reads
 * everything again for `after`.
 */
export async function fixSso(this: IExecuteFunctions): Promise<IDataObject> {
	const dryRun = this.getNodeParameter('dryRun', 0, true) !== false;
	const clients = await ssoClients(this);
	const facts = await readSsoFacts(this, clients);
	const plan = planSsoFix(facts);
	if (dryRun)
		return {
			dryRun,
			changes: plan.changes,
			after: checkSso(factsAfter(facts, plan)),
		} as unknown as IDataObject;
	if (plan.app) await clients.okta.replaceApp(plan.app as unknown as OktaAppDetail);
	if (plan.control) await clients.halo.saveControl(plan.control);
	const after = checkSso(await readSsoFacts(this, clients));
	return { dryRun, changes: plan.changes, after } as unknown as IDataObject;
}
