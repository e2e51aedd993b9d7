/**
 * Users' current user roles, as Halo lets them be read: `Users_List` has no
 * `roles`, so the holders of each user role a mapping manages are read with
 * `GET /api/Users?role=ID` (paged, one listing per managed role, never per
 * user; docs/requests.md). That gives each user's *managed* roles only, so a
 * write must not replace the whole list: a user who only gains roles gets
 * them with `add_roles`; one who loses a role has their full record read
 * (`GET /api/Users/{id}`, only for those) and gets the full new list, so
 * roles no mapping manages are kept.
 */
import type { HaloRecord } from '../core/types';
import type { HaloClient, HaloQuery } from './HaloClient';
import { usersQuery } from './HaloClient';
import type { ListPage } from './entities';

export interface UserRoleRef {
	id: number;
	name?: string;
}

/** User id → the managed roles the user holds now (an empty list for users of the run holding none). */
export async function readManagedUserRoles(
	client: HaloClient,
	managedRoleIds: readonly number[],
	userIds: readonly number[],
): Promise<Map<number, UserRoleRef[]>> {
	const held = new Map<number, UserRoleRef[]>(userIds.map((id) => [id, []]));
	const roles = [...new Set(managedRoleIds)];
	const people = [...held.keys()];
	// Small runs: each person's full record (the only answer with roles) when that takes fewer
	// calls than listing every managed role's holders: each listing is at least one call, so with
	// fewer people than roles the records win outright; otherwise page 1 of each listing tells
	// its size, and is reused when the listings win (docs/requests.md).
	const firstPages = new Map<number, ListPage>();
	let byRecord = people.length < roles.length;
	if (!byRecord && people.length > 0) {
		let pages = 0;
		for (const roleId of roles) {
			const page = await client.listFirstPage('Users', roleQuery(roleId));
			firstPages.set(roleId, page);
			pages +=
				page.total === undefined
					? Infinity
					: Math.max(1, Math.ceil(page.total / client.listPageSize));
		}
		byRecord = people.length < pages - roles.length;
	}
	if (byRecord) {
		const managed = new Set(roles);
		for (const id of people) {
			const record = await client.get('Users', id);
			held.set(
				id,
				roleIdsOf(record.roles)
					.filter((roleId) => managed.has(roleId))
					.map((roleId) => ({ id: roleId })),
			);
		}
		return held;
	}
	for (const roleId of roles) {
		const holders = await client.listAll('Users', roleQuery(roleId), firstPages.get(roleId));
		for (const holder of holders) held.get(Number(holder.id))?.push({ id: roleId });
	}
	return held;
}

function roleQuery(roleId: number): HaloQuery {
	return usersQuery({ includeInactive: true, query: { role: roleId } });
}

function roleIdsOf(value: unknown): number[] {
	return Array.isArray(value)
		? value.map((role) => Number((role as { id?: unknown })?.id)).filter((id) => !Number.isNaN(id))
		: [];
}

/**
 * The POST elements for planned user role lists when only the managed roles
 * are known: `add_roles` for gains only; the full record read, and a full
 * list sent, where a role is taken away.
 */
export async function userRoleSaves(
	client: HaloClient,
	writes: ReadonlyArray<{ id: number; roles: UserRoleRef[] }>,
	current: ReadonlyMap<number, readonly UserRoleRef[]>,
): Promise<HaloRecord[]> {
	const saves: HaloRecord[] = [];
	for (const write of writes) {
		const before = new Set(roleIdsOf(current.get(write.id)));
		const after = new Set(roleIdsOf(write.roles));
		const added = [...after].filter((id) => !before.has(id));
		const removed = new Set([...before].filter((id) => !after.has(id)));
		if (removed.size === 0) {
			if (added.length > 0) saves.push({ id: write.id, add_roles: added.map((id) => ({ id })) });
			continue;
		}
		const full = roleIdsOf((await client.get('Users', write.id)).roles);
		const roles = [
			...full.filter((id) => !removed.has(id)),
			...added.filter((id) => !full.includes(id)),
		];
		saves.push({ id: write.id, roles: roles.map((id) => ({ id })) });
	}
	return saves;
}
