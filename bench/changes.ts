/**
 * The Okta changes between the second and the third run, made the way an
 * admin makes them (store helpers bump `lastUpdated` like Okta): status
 * changes (leavers suspended, returners activated), renames, and group moves
 * in and out of the group a site rule maps. Deterministic: users are taken at
 * a fixed stride, so ours and the baseline see the same org and changes.
 */
import type { OktaStore } from '../emulators/okta/store';
import type { OktaUserRecord } from '../emulators/okta/types';
import type { MappingConfig } from '../lib/core/types';

export interface OktaChange {
	kind: 'status' | 'name' | 'group';
	login: string;
	detail: string;
}

/** The group a site rule names: moving people in or out of it changes their Halo site. */
export function siteRuleGroup(store: OktaStore, config: MappingConfig): string {
	const named = config.user?.siteRules?.find((rule) => rule.group)?.group;
	const group = named
		? (store.group(named) ?? store.groupByName(named))
		: store.groups.find((g) => g.type === 'OKTA_GROUP');
	if (!group) throw new Error(`No Okta group ${named ?? ''} to move users in and out of`);
	return group.id;
}

/** Users at a stride through the org, each handed out once. */
function* strided(users: readonly OktaUserRecord[], count: number): Generator<OktaUserRecord> {
	const step = Math.max(1, Math.floor(users.length / (count * 4 + 1)));
	for (let offset = 0; offset < step; offset++) {
		for (let i = offset; i < users.length; i += step) yield users[i];
	}
}

export function applyOktaChanges(
	store: OktaStore,
	config: MappingConfig,
	count: number,
): OktaChange[] {
	const statusCount = Math.ceil(count * 0.35);
	const nameCount = Math.ceil(count * 0.35);
	const groupCount = Math.max(0, count - statusCount - nameCount);
	const returners = Math.floor(statusCount / 3);
	const groupId = siteRuleGroup(store, config);
	const groupName = store.group(groupId)!.profile.name;
	const members = new Set(store.memberIdsOf(groupId));
	const picks = strided(store.users, count);
	const take = (accept: (user: OktaUserRecord) => boolean): OktaUserRecord => {
		for (let next = picks.next(); !next.done; next = picks.next())
			if (accept(next.value)) return next.value;
		throw new Error('The org has too few users for the requested changes');
	};
	const changes: OktaChange[] = [];
	const active = (user: OktaUserRecord) => user.status === 'ACTIVE';

	for (let i = 0; i < statusCount; i++) {
		const returning = i < returners;
		const user = take(
			returning ? (u) => u.status === 'DEPROVISIONED' || u.status === 'SUSPENDED' : active,
		);
		const status = returning ? 'ACTIVE' : 'SUSPENDED';
		changes.push({
			kind: 'status',
			login: user.profile.login,
			detail: `${user.status} → ${status}`,
		});
		store.updateUser(user.id, { status });
	}
	for (let i = 0; i < nameCount; i++) {
		const user = take(active);
		const lastName = `${user.profile.lastName ?? ''}-Renamed`;
		changes.push({
			kind: 'name',
			login: user.profile.login,
			detail: `lastName ${user.profile.lastName} → ${lastName}`,
		});
		store.updateUser(user.id, { profile: { lastName } });
	}
	for (let i = 0; i < groupCount; i++) {
		// Half leave the group, half join it.
		const leaving = i % 2 === 0;
		const user = take((u) => active(u) && members.has(u.id) === leaving);
		if (leaving) store.removeMember(groupId, user.id);
		else store.addMember(groupId, user.id);
		changes.push({
			kind: 'group',
			login: user.profile.login,
			detail: `${leaving ? 'left' : 'joined'} ${groupName}`,
		});
	}
	return changes;
}
