/**
 * The role lists agents (agent roles, GUID ids) and users (user roles,
 * integer ids) carry: `roles` on a save replaces the list, `add_roles` adds to
 * it; every id must name an existing role, and each role is kept once.
 */
import { validationError } from '../errors';

type RoleRef<Id> = { id: Id; name: string };

/** Where the roles are looked up, and Halo's words for them in refusals. */
export interface RoleKind<Id> {
	table: { get(id: unknown): RoleRef<Id> | undefined };
	/** "agent roles": `roles must be a list of agent roles`. */
	plural: string;
	/** "Role": `Role 7 does not exist`. */
	singular: string;
}

function resolveRoles<Id>(kind: RoleKind<Id>, roles: unknown): Array<RoleRef<Id>> {
	if (roles === null || roles === undefined) return [];
	if (!Array.isArray(roles)) throw validationError(`roles must be a list of ${kind.plural}`);
	const out: Array<RoleRef<Id>> = [];
	for (const role of roles as Array<Record<string, unknown>>) {
		const found = kind.table.get(role?.id);
		if (!found) throw validationError(`${kind.singular} ${String(role?.id)} does not exist`);
		if (!out.some((r) => r.id === found.id)) out.push({ id: found.id, name: found.name });
	}
	return out;
}

/** The role list a save leaves: `roles` when sent (else the existing list), plus the `add_roles` not already in it. */
export function savedRoles<Id>(
	kind: RoleKind<Id>,
	input: Record<string, unknown>,
	existing: Array<RoleRef<Id>> | undefined,
): Array<RoleRef<Id>> {
	const roles = input.roles !== undefined ? resolveRoles(kind, input.roles) : (existing ?? []);
	if (input.add_roles === undefined) return roles;
	const added = resolveRoles(kind, input.add_roles).filter(
		(a) => !roles.some((r) => r.id === a.id),
	);
	return [...roles, ...added];
}
