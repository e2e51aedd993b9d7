import type { IExecuteFunctions } from 'n8n-workflow';

import type { OktaClient } from '../../../lib/okta/OktaClient';
import type { OktaAppUser, OktaGroup, OktaUser } from '../../../lib/okta/types';
import { limitOf } from './limit';

export async function listGroups(this: IExecuteFunctions, client: OktaClient, itemIndex: number): Promise<OktaGroup[]> {
	const search = (this.getNodeParameter('search', itemIndex, '') as string).trim() || undefined;
	return await client.listGroups({ search, limit: limitOf(this, itemIndex).limit });
}

export async function listGroupMembers(this: IExecuteFunctions, client: OktaClient, itemIndex: number): Promise<OktaUser[]> {
	const groupId = this.getNodeParameter('group', itemIndex, '', { extractValue: true }) as string;
	return await client.listGroupMembers(groupId.trim(), { limit: limitOf(this, itemIndex).limit });
}

/** Okta's app assignments (AppUser: the app's profile and user name for each assigned user). */
export async function listAppUsers(this: IExecuteFunctions, client: OktaClient, itemIndex: number): Promise<OktaAppUser[]> {
	const appId = this.getNodeParameter('app', itemIndex, '', { extractValue: true }) as string;
	return await client.listAppUsers(appId.trim(), { limit: limitOf(this, itemIndex).limit });
}
