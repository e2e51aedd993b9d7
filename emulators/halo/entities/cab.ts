/**
 * `/CAB` (change advisory boards, schema `CabHeader`) and `/CABMember`.
 * `GET /CAB` is a bare array without members unless `includemembers=true`;
 * `GET /CAB/{id}` has them. A save that carries `members` replaces the board's
 * whole member list (members are agents, given by `agent_id`); a membership
 * that stays keeps its id. `GET /CABMember` lists every board's members.
 */
import { validationError } from '../errors';
import type { HaloStore } from '../store';
import type { HaloCabMemberRecord, HaloCabRecord } from '../types';
import { isTrue, withoutKeys, type EntityDef } from './entity';

function resolveMembers(
	store: HaloStore,
	cabId: number,
	sent: unknown,
	previous: HaloCabMemberRecord[],
): HaloCabMemberRecord[] {
	if (sent === null) return [];
	if (!Array.isArray(sent)) throw validationError('members must be a list of CAB members');
	const out: HaloCabMemberRecord[] = [];
	for (const member of sent as Array<Record<string, unknown>>) {
		const agent = store.agents.get(member?.agent_id);
		if (!agent) throw validationError(`Agent ${String(member?.agent_id)} does not exist`);
		if (out.some((m) => m.agent_id === agent.id)) continue;
		const before = previous.find((m) => m.agent_id === agent.id);
		out.push({
			id: before?.id ?? store.newCabMemberId(),
			cab_id: cabId,
			agent_id: agent.id,
			type: 0,
			member_name: agent.name,
			emailaddress: typeof agent.email === 'string' ? agent.email : '',
			is_mandatory:
				typeof member.is_mandatory === 'boolean'
					? member.is_mandatory
					: (before?.is_mandatory ?? false),
		});
	}
	return out;
}

export const cabDef: EntityDef<HaloCabRecord> = {
	path: 'CAB',
	paging: 'none',
	searchFields: ['name'],
	orderBy: 'name',
	table: (store) => store.cabs,
	view(cab, query, mode) {
		const withMembers = mode === 'one' || isTrue(query.get('includemembers'));
		return withMembers
			? { ...cab, members: cab.members.map((m) => ({ ...m })) }
			: withoutKeys(cab, ['members']);
	},
	prepare(input, existing, store, newId) {
		const merged: Record<string, unknown> = { ...existing, ...input };
		const id = existing?.id ?? (newId as number);
		const name = typeof merged.name === 'string' ? merged.name.trim() : '';
		if (!name) throw validationError('Please enter a name for the CAB');
		const members =
			input.members !== undefined
				? resolveMembers(store, id, input.members, existing?.members ?? [])
				: (existing?.members ?? []);
		return { ...merged, id, name, members };
	},
};

/** `GET /api/CABMember`: every membership of every board, one bare array. */
export function listCabMembers(store: HaloStore): Array<Record<string, unknown>> {
	return store.cabMembers().map((m) => ({ ...m }));
}
