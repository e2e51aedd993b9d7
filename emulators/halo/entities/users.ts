/**
 * `/Users` (end users). Lists answer `{record_count, users}` and leave inactive
 * users out unless `includeinactive=true` (`includeactive=false` drops the
 * active ones). A user belongs to a site: `site_name`, `client_id` and
 * `client_name` always follow `site_id`, whatever the client sent. `roles` are
 * user roles with integer ids; a save replaces them, `add_roles` adds to them.
 * List items are `Users_List` (no `roles`, no `oktaid`: the Okta id is
 * `okta_id`); `role=ID` lists the holders of one user role. GET by id and
 * save answers are the full `Users` record with both `oktaid` and `okta_id`.
 */
import { validationError } from '../errors';
import type { HaloStore } from '../store';
import type { HaloUserRecord } from '../types';
import {
	activityFilter,
	displayName,
	intParam,
	withBothOktaIds,
	withoutKeys,
	type EntityDef,
} from './entity';
import { inDepartment, savedDepartments } from './departments';
import { savedRoles } from './roles';

/** The site and the client it belongs to, or a refusal naming the bad id. */
export function siteFields(store: HaloStore, siteId: unknown) {
	const site = store.sites.get(siteId);
	if (!site) throw validationError(`Site ${String(siteId)} does not exist`);
	const client = store.clients.get(site.client_id);
	return {
		site_id: site.id,
		site_name: site.name,
		client_id: site.client_id,
		client_name: client?.name ?? site.client_name ?? '',
	};
}

export const userDef: EntityDef<HaloUserRecord> = {
	path: 'Users',
	listKey: 'users',
	listSchema: 'Users_List',
	paging: 'wrapped',
	searchFields: ['name', 'emailaddress', 'login'],
	orderBy: 'name',
	table: (store) => store.users,
	filter(user, query) {
		const siteId = intParam(query, 'site_id');
		if (siteId !== undefined && user.site_id !== siteId) return false;
		const clientId = intParam(query, 'client_id');
		if (clientId !== undefined && user.client_id !== clientId) return false;
		const roleId = intParam(query, 'role');
		if (roleId !== undefined && !user.roles.some((role) => role.id === roleId)) return false;
		if (!inDepartment(user.departments, intParam(query, 'department_id'))) return false;
		return activityFilter(user.inactive, query, 'includeinactive', 'includeactive');
	},
	view: (user, _query, mode) => (mode === 'one' ? withBothOktaIds(user) : { ...user }),
	prepare(input, existing, store, newId) {
		const merged: Record<string, unknown> = withoutKeys({ ...existing, ...input }, ['add_roles']);
		if (merged.site_id === undefined || merged.site_id === null)
			throw validationError('Please select a site for the user');
		const name = displayName(merged);
		if (!name) throw validationError('Please enter a name for the user');
		const roles = savedRoles(
			{ table: store.userRoles, plural: 'user roles', singular: 'User role' },
			input,
			existing?.roles,
		);
		const id = existing?.id ?? (newId as number);
		return {
			...merged,
			id,
			name,
			...siteFields(store, merged.site_id),
			inactive: merged.inactive === true,
			roles,
			departments: savedDepartments(
				store,
				input,
				{ kind: 'user', id, name },
				existing?.departments,
			),
		};
	},
};
