import type { IExecuteFunctions } from 'n8n-workflow';

import { nextCursor } from '../../../lib/core/incremental';
import {
	committedCursor,
	hasWriterDownstream,
	stageCursor,
} from '../../../lib/n8n/incrementalCursor';
import type { OktaStatus } from '../../../lib/core/types';
import type { OktaClient } from '../../../lib/okta/OktaClient';
import type { OktaUser } from '../../../lib/okta/types';
import { limitOf } from './limit';

/** Where "Only Changed Since Last Run" keeps its cursor (workflow static data of this node). */
export const CURSOR_KEY = 'usersLastUpdatedCursor';

/** Ids or logins from a comma/space separated string or an expression's array; blanks and repeats dropped. */
export function parseUserIds(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/);
	return [...new Set(parts.map((part) => part.trim()).filter(Boolean))];
}

/** Users as Okta returns them, plus `groups` when Include Groups is on and `appIds` when apps are named. */
export async function listUsers(
	this: IExecuteFunctions,
	client: OktaClient,
	itemIndex: number,
): Promise<OktaUser[]> {
	const includeGroups = this.getNodeParameter('includeGroups', itemIndex, true) as boolean;
	const statuses = this.getNodeParameter('statuses', itemIndex, []) as OktaStatus[];
	const ids = parseUserIds(this.getNodeParameter('userIds', itemIndex, ''));
	const appIds = parseUserIds(this.getNodeParameter('appIds', itemIndex, ''));
	if (ids.length > 0) {
		const some = await usersById(client, ids, statuses, includeGroups);
		return appIds.length > 0 ? await client.attachAppIds(some, appIds) : some;
	}

	const { returnAll, limit } = limitOf(this, itemIndex);
	const onlyChanged = this.getNodeParameter('onlyChanged', itemIndex, false) as boolean;
	const staticData = this.getWorkflowStaticData('node');
	// The node's own cursor (List alone, or saved before cursors were committed by the writers) or the committed one.
	const cursor = onlyChanged
		? latest(staticData[CURSOR_KEY] as string | undefined, committedCursor(this))
		: undefined;
	const updatedSince = latest(
		this.getNodeParameter('updatedSince', itemIndex, '') as string,
		cursor,
	);

	const users = await client.listUsers({
		search: (this.getNodeParameter('search', itemIndex, '') as string).trim() || undefined,
		statuses,
		updatedSince,
		limit,
	});
	// Per group for a full listing, per user for a handful of changes: whichever needs fewer calls.
	if (includeGroups) await client.includeGroups(users);
	// Site rules by app: each named app's user list is read once (docs/requests.md).
	if (appIds.length > 0) await client.attachAppIds(users, appIds);
	// A limited read may have skipped changed users, so only a complete one moves the cursor.
	if (onlyChanged && returnAll) {
		const next = nextCursor(cursor, users);
		// With our Halo writers downstream, the cursor moves only once their writes succeeded.
		if (next && hasWriterDownstream(this)) stageCursor(this, next);
		else if (next) staticData[CURSOR_KEY] = next;
	}
	return users;
}

async function usersById(
	client: OktaClient,
	ids: string[],
	statuses: OktaStatus[],
	includeGroups: boolean,
): Promise<OktaUser[]> {
	const users: OktaUser[] = [];
	for (const id of ids) users.push(await client.getUser(id));
	const kept = statuses.length > 0 ? users.filter((user) => statuses.includes(user.status)) : users;
	if (includeGroups) await client.attachUserGroups(kept);
	return kept;
}

/** The later of two instants (either may be empty). */
function latest(a: string | undefined, b: string | undefined): string | undefined {
	const times = [a, b].filter(
		(value): value is string => !!value && !Number.isNaN(Date.parse(value)),
	);
	if (times.length === 0) return undefined;
	return times.reduce((x, y) => (Date.parse(x) >= Date.parse(y) ? x : y));
}
