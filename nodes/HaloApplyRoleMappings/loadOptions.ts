import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { haloLoadOptions } from '../../lib/n8n/halo';
import { oktaClientFor, oktaNodeError } from '../../lib/n8n/okta';

type Loader = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/** A mapping row may grant any one of the three, so each dropdown starts with "none". */
function withNone(load: Loader): Loader {
	return async function (this: ILoadOptionsFunctions) {
		return [{ name: '- None -', value: '' }, ...(await load.call(this))];
	};
}

/** Okta groups by name; the value is the group id, so a renamed group keeps its mapping. */
async function getOktaGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	try {
		const groups = await (await oktaClientFor(this)).listGroups();
		return groups
			.map((group) => ({
				name: String(group.profile?.name ?? group.id),
				value: group.id,
				description: group.profile?.description ?? undefined,
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw oktaNodeError(this.getNode(), error);
	}
}

export const loadOptions = {
	getOktaGroups,
	getAgentRoleChoices: withNone(haloLoadOptions.getHaloAgentRoles),
	getCabChoices: withNone(haloLoadOptions.getHaloCabs),
	getUserRoleChoices: withNone(haloLoadOptions.getHaloUserRoles),
};
