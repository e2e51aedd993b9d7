import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkSso as judge } from '../../../lib/core/ssoChecks';
import { readSsoFacts, ssoClients } from './ssoFacts';

/** One item: every check by its stable id, with what was read from Okta and Halo. */
export async function checkSso(this: IExecuteFunctions): Promise<IDataObject> {
	return judge(await readSsoFacts(this, await ssoClients(this))) as unknown as IDataObject;
}
