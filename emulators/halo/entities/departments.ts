/**
 * Departments: Halo keeps them as `Tree` records (`GET /api/TopLevel`, list
 * schema `Tree_List`, a bare array; the organisation's `departments` are
 * `Tree_List` too). Teams name theirs by `department_id`. Users and agents
 * hold memberships in `departments` (`UserDepartment` / `UnameDepartment`:
 * `department_id`, `department_name`); a save that carries `departments`
 * replaces them, a membership that stays keeps its id. `department_id=N`
 * on `/Users` and `/Agent` lists the members of one department.
 */
import { validationError } from '../errors';
import type { HaloStore } from '../store';
import type { HaloDepartmentMembership, HaloDepartmentRecord } from '../types';
import { type EntityDef } from './entity';

export const departmentDef: EntityDef<HaloDepartmentRecord> = {
	path: 'TopLevel',
	listSchema: 'Tree_List',
	paging: 'array',
	searchFields: ['name'],
	orderBy: 'name',
	table: (store) => store.departments,
	prepare(input, existing, _store, newId) {
		const merged = { ...existing, ...input };
		const name = typeof merged.name === 'string' ? merged.name.trim() : '';
		if (!name) throw validationError('Please enter a name for the department');
		return { ...merged, id: existing?.id ?? (newId as number), name };
	},
};

/** The memberships a save leaves for a user or an agent; unknown departments are refused. */
export function savedDepartments(
	store: HaloStore,
	input: Record<string, unknown>,
	owner: { kind: 'user' | 'agent'; id: number; name: string },
	existing: HaloDepartmentMembership[] | undefined,
): HaloDepartmentMembership[] {
	const idKey = `${owner.kind}_id`;
	const nameKey = `${owner.kind}_name`;
	const previous = existing ?? [];
	const sent = input.departments;
	if (sent === undefined) return previous.map((m) => ({ ...m, [nameKey]: owner.name }));
	if (sent === null) return [];
	if (!Array.isArray(sent)) throw validationError('departments must be a list of departments');
	const out: HaloDepartmentMembership[] = [];
	for (const element of sent as Array<Record<string, unknown>>) {
		const department = store.departments.get(element?.department_id);
		if (!department)
			throw validationError(`Department ${String(element?.department_id)} does not exist`);
		if (out.some((m) => m.department_id === department.id)) continue;
		const before = previous.find((m) => m.department_id === department.id);
		out.push({
			id: before?.id ?? store.newDepartmentMembershipId(),
			[idKey]: owner.id,
			[nameKey]: owner.name,
			department_id: department.id,
			department_name: department.name,
		} as HaloDepartmentMembership);
	}
	return out;
}

/** `department_id=N`: only members of that department. */
export function inDepartment(
	departments: HaloDepartmentMembership[] | undefined,
	departmentId: number | undefined,
): boolean {
	return (
		departmentId === undefined || (departments ?? []).some((m) => m.department_id === departmentId)
	);
}
