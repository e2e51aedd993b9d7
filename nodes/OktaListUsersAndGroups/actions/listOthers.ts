import type { IExecuteFunctions } from 'n8n-workflow';

import type { OktaClient } from '../../../lib/okta/OktaClient';
import type { OktaAppUser, OktaGroup, OktaUser } from '../../../lib/okta/types';
import { limitOf } from './limit';
import { locatedId } from './locate';

export async function listGroups(
	this: IExecuteFunctions,
	client: OktaClient,
	itemIndex: number,
): Promise<OktaGroup[]> {
	const search = (this.getNodeParameter('search', itemIndex, '') as string).trim() || undefined;
	return await client.listGroups({ search, limit: limitOf(this, itemIndex).limit });
}

/** Members as Okta returns them (full user objects), plus `groups` when Include Groups is on, read as for the users resource. */
export async function listGroupMembers(
	this: IExecuteFunctions,
	client: OktaClient,
	itemIndex: number,
): Promise<OktaUser[]> {
	const groupId = await locatedId(this, client, 'group', itemIndex);
	const members = await client.listGroupMembers(groupId, { limit: limitOf(this, itemIndex).limit });
	if (this.getNodeParameter('includeGroups', itemIndex, true) as boolean)
		await client.includeGroups(members);
	return members;
}

/**
 * Okta's app assignments (AppUser: the app's profile and user name for each
 * assigned user). They are not user objects, so Include Groups does not apply.
 */
export async function listAppUsers(
	this: IExecuteFunctions,
	client: OktaClient,
	itemIndex: number,
): Promise<OktaAppUser[]> {
	const appId = await locatedId(this, client, 'app', itemIndex);
	return await client.listAppUsers(appId, { limit: limitOf(this, itemIndex).limit });
}
