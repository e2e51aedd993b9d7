import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { haloLoadOptions } from '../../lib/n8n/halo';

type Loader = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/** A mapping row may grant any one of the three, so each dropdown starts with "none". */
function withNone(load: Loader): Loader {
	return async function (this: ILoadOptionsFunctions) {
		return [{ name: '- None -', value: '' }, ...(await load.call(this))];
	};
}

export const loadOptions = {
	getAgentRoleChoices: withNone(haloLoadOptions.getHaloAgentRoles),
	getCabChoices: withNone(haloLoadOptions.getHaloCabs),
	getUserRoleChoices: withNone(haloLoadOptions.getHaloUserRoles),
};
