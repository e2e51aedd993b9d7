import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { oktaClientFor, oktaNodeError } from '../../../lib/n8n/okta';

/** Group picker: one Okta page per scroll, `q` matching the start of the name. */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	try {
		const client = await oktaClientFor(this);
		const { items, next } = await client.groupsPage(filter, paginationToken);
		return {
			results: items.map((group) => ({ name: group.profile?.name ?? group.id, value: group.id })),
			paginationToken: next,
		};
	} catch (error) {
		throw oktaNodeError(this.getNode(), error);
	}
}

/** App picker: label shown, id stored. */
export async function searchApps(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	try {
		const client = await oktaClientFor(this);
		const { items, next } = await client.appsPage(filter, paginationToken);
		return {
			results: items.map((app) => ({ name: app.label ?? app.name, value: app.id })),
			paginationToken: next,
		};
	} catch (error) {
		throw oktaNodeError(this.getNode(), error);
	}
}
