/**
 * Halo's "Advanced" tab as a pure plan: Okta groups grant agent roles, CAB
 * membership and user roles. Per record the wanted set is what its mapped
 * groups grant; what a mapping manages but the person no longer earns is
 * removed; whatever no mapping manages is never touched (roles given by hand in
 * Halo survive every run). Halo replaces a record's whole `roles` list and a
 * CAB's whole `members` list on write, so the writes carry full new lists.
 */
import type { OktaGroupRef, RoleMapping, UpsertResultItem } from './types';

export interface AgentRoleRef {
	id: string;
	name?: string;
}

export interface UserRoleRef {
	id: number;
	name?: string;
}

/** A CAB member as Halo lists it; members other than this agent are written back as read. */
export interface CabMemberRef {
	agent_id?: number | null;
	[field: string]: unknown;
}

/** What Halo holds now, read once per execution (only the kinds the mappings use). */
export interface CurrentRoleState {
	/** Agent id → its agent roles. An agent missing here is not touched. */
	agentRoles?: ReadonlyMap<number, readonly AgentRoleRef[]>;
	/** User id → its user roles. A user missing here is not touched. */
	userRoles?: ReadonlyMap<number, readonly UserRoleRef[]>;
	/** CAB id → its members. A managed CAB missing here is not touched. */
	cabMembers?: ReadonlyMap<number, readonly CabMemberRef[]>;
}

export interface RoleKinds<A = string, C = number, U = number> {
	agentRoles: A[];
	cabs: C[];
	userRoles: U[];
}

export interface ItemRoleChanges {
	added: RoleKinds;
	removed: RoleKinds;
	/** Why nothing was planned for this record (e.g. not found in Halo). */
	skipped?: string;
}

export interface RoleWrites {
	agents: Array<{ id: number; roles: AgentRoleRef[] }>;
	users: Array<{ id: number; roles: UserRoleRef[] }>;
	cabs: Array<{ id: number; members: CabMemberRef[] }>;
}

export interface RolePlan {
	writes: RoleWrites;
	/** Per input item; `null` for items passed through untouched (failed, skipped, no Halo id). */
	items: Array<ItemRoleChanges | null>;
}

/** Which Halo state the mappings need, so the node reads only those. */
export interface RoleNeeds {
	agentRoles: boolean;
	cabs: boolean;
	userRoles: boolean;
}

export function roleNeeds(
	mappings: readonly RoleMapping[],
	items: ReadonlyArray<Pick<UpsertResultItem, 'target'>>,
): RoleNeeds {
	const agents = items.some((item) => item.target === 'agent');
	const users = items.some((item) => item.target === 'user');
	return {
		agentRoles: agents && mappings.some((m) => isSet(m.agentRoleId)),
		cabs: agents && mappings.some((m) => isSet(m.cabId)),
		userRoles: users && mappings.some((m) => isSet(m.userRoleId)),
	};
}

/** Whether an item gets a role plan at all. */
export function isPlannable(item: Partial<UpsertResultItem>): boolean {
	return item.action !== 'failed' && item.action !== 'skipped' && typeof item.haloId === 'number';
}

/**
 * Okta group names are unique regardless of case among Okta groups, but an app
 * group (`APP_GROUP`, imported from an app) may share one: it matches by id
 * only, so a group name never grants roles through an app's group. Ids are
 * compared as given.
 */
export function groupMatches(mappingGroup: string, group: OktaGroupRef): boolean {
	const wanted = mappingGroup.trim();
	if (group.id === wanted) return true;
	if (group.type === 'APP_GROUP') return false;
	return typeof group.name === 'string' && group.name.toLowerCase() === wanted.toLowerCase();
}

export function planRoles(
	items: ReadonlyArray<Partial<UpsertResultItem>>,
	mappings: readonly RoleMapping[],
	state: CurrentRoleState,
): RolePlan {
	const managed = {
		agentRoles: unique(
			mappings
				.map((m) => m.agentRoleId)
				.filter(isSet)
				.map(guidKey),
		),
		cabs: unique(mappings.map((m) => m.cabId).filter(isSet)),
		userRoles: unique(mappings.map((m) => m.userRoleId).filter(isSet)),
	};
	// Working copies: a person listed twice sees the first item's changes, and each record is written once.
	const agentRoles = new Map<number, AgentRoleRef[]>();
	const userRoles = new Map<number, UserRoleRef[]>();
	const cabMembers = new Map<number, CabMemberRef[]>();
	const changedAgents = new Set<number>();
	const changedUsers = new Set<number>();
	const changedCabs = new Set<number>();

	const results = items.map((item): ItemRoleChanges | null => {
		if (!isPlannable(item)) return null;
		const id = item.haloId as number;
		const groups = item.okta?.groups;
		const result: ItemRoleChanges = { added: emptyKinds(), removed: emptyKinds() };
		if (!Array.isArray(groups)) {
			// Without groups every managed role would look unearned; never strip people on missing data.
			result.skipped =
				'The item has no Okta groups (turn on "Include Groups" in List Okta Users and Groups).';
			return result;
		}
		const earned = mappings.filter((m) => groups.some((g) => groupMatches(m.group, g)));

		if (item.target === 'agent') {
			const wantedRoles = unique(
				earned
					.map((m) => m.agentRoleId)
					.filter(isSet)
					.map(guidKey),
			);
			const wantedCabs = unique(earned.map((m) => m.cabId).filter(isSet));
			if (managed.agentRoles.length > 0) {
				const current = workingCopy(agentRoles, state.agentRoles, id);
				if (!current)
					result.skipped = `Agent ${id} was not found in Halo; its roles were left as they are.`;
				else {
					const next = reconcile(
						current,
						(r) => guidKey(r.id),
						managed.agentRoles,
						wantedRoles,
						(key) => agentRoleRef(key, mappings),
					);
					if (next.changed) {
						agentRoles.set(id, next.list);
						changedAgents.add(id);
						result.added.agentRoles = next.added.map((r) => r.id);
						result.removed.agentRoles = next.removed.map((r) => r.id);
					}
				}
			}
			for (const cabId of managed.cabs) {
				const members = workingCopy(cabMembers, state.cabMembers, cabId);
				if (!members) continue;
				const isMember = members.some((m) => m.agent_id === id);
				const wanted = wantedCabs.includes(cabId);
				if (wanted && !isMember) {
					cabMembers.set(cabId, [...members, { agent_id: id }]);
					result.added.cabs.push(cabId);
				} else if (!wanted && isMember) {
					cabMembers.set(
						cabId,
						members.filter((m) => m.agent_id !== id),
					);
					result.removed.cabs.push(cabId);
				} else continue;
				changedCabs.add(cabId);
			}
		} else if (item.target === 'user' && managed.userRoles.length > 0) {
			const wanted = unique(earned.map((m) => m.userRoleId).filter(isSet));
			const current = workingCopy(userRoles, state.userRoles, id);
			if (!current)
				result.skipped = `User ${id} was not found in Halo; its roles were left as they are.`;
			else {
				const next = reconcile(
					current,
					(r) => r.id,
					managed.userRoles,
					wanted,
					(key) => ({ id: key }),
				);
				if (next.changed) {
					userRoles.set(id, next.list);
					changedUsers.add(id);
					result.added.userRoles = next.added.map((r) => r.id);
					result.removed.userRoles = next.removed.map((r) => r.id);
				}
			}
		}
		return result;
	});

	return {
		items: results,
		writes: {
			agents: [...changedAgents].map((id) => ({ id, roles: agentRoles.get(id) as AgentRoleRef[] })),
			users: [...changedUsers].map((id) => ({ id, roles: userRoles.get(id) as UserRoleRef[] })),
			cabs: [...changedCabs].map((id) => ({ id, members: cabMembers.get(id) as CabMemberRef[] })),
		},
	};
}

/** Keeps unmanaged entries and their order; drops unearned managed ones; appends newly earned ones. */
function reconcile<R, K>(
	current: readonly R[],
	keyOf: (ref: R) => K,
	managed: readonly K[],
	wanted: readonly K[],
	create: (key: K) => R,
): { list: R[]; added: R[]; removed: R[]; changed: boolean } {
	const removed: R[] = [];
	const list = current.filter((ref) => {
		const key = keyOf(ref);
		const drop = managed.includes(key) && !wanted.includes(key);
		if (drop && !removed.some((r) => keyOf(r) === key)) removed.push(ref);
		return !drop;
	});
	const present = new Set(list.map(keyOf));
	const added = wanted.filter((key) => !present.has(key)).map(create);
	list.push(...added);
	return { list, added, removed, changed: added.length > 0 || removed.length > 0 };
}

function workingCopy<R>(
	working: Map<number, R[]>,
	initial: ReadonlyMap<number, readonly R[]> | undefined,
	id: number,
): R[] | undefined {
	const copy = working.get(id);
	if (copy) return copy;
	const read = initial?.get(id);
	return read ? [...read] : undefined;
}

/** The id as the mapping spelled it (Halo answers GUIDs in one case, people type another). */
function agentRoleRef(key: string, mappings: readonly RoleMapping[]): AgentRoleRef {
	const spelled = mappings.find(
		(m) => isSet(m.agentRoleId) && guidKey(m.agentRoleId) === key,
	)?.agentRoleId;
	return { id: spelled ?? key };
}

function guidKey(id: string): string {
	return id.trim().toLowerCase();
}

function emptyKinds(): RoleKinds {
	return { agentRoles: [], cabs: [], userRoles: [] };
}

function isSet<T>(value: T | undefined | null | ''): value is T {
	return value !== undefined && value !== null && value !== '';
}

function unique<T>(values: T[]): T[] {
	return [...new Set(values)];
}

/**
 * The state as Halo lists it: agents (with `roles`), users (with `roles`), CABs
 * (with `members`, or else the flat `/CABMember` list). A record whose answer
 * has no list is left out, so it is skipped rather than stripped.
 */
export function roleStateFromHalo(lists: {
	agents?: ReadonlyArray<Record<string, unknown>>;
	users?: ReadonlyArray<Record<string, unknown>>;
	cabs?: ReadonlyArray<Record<string, unknown>>;
	cabMembers?: ReadonlyArray<Record<string, unknown>>;
}): CurrentRoleState {
	const state: CurrentRoleState = {};
	if (lists.agents) {
		state.agentRoles = byId(lists.agents, (record) =>
			Array.isArray(record.roles)
				? (record.roles as AgentRoleRef[]).map((r) => ({ ...r, id: String(r.id) }))
				: undefined,
		);
	}
	if (lists.users) {
		state.userRoles = byId(lists.users, (record) =>
			Array.isArray(record.roles)
				? (record.roles as UserRoleRef[]).map((r) => ({ ...r, id: Number(r.id) }))
				: undefined,
		);
	}
	if (lists.cabs) {
		const flat = lists.cabMembers;
		state.cabMembers = byId(lists.cabs, (record) => {
			if (Array.isArray(record.members))
				return (record.members as CabMemberRef[]).map((m) => ({ ...m }));
			return flat
				? flat
						.filter((m) => Number(m.cab_id) === Number(record.id))
						.map((m) => ({ ...m }) as CabMemberRef)
				: undefined;
		});
	}
	return state;
}

function byId<T>(
	records: ReadonlyArray<Record<string, unknown>>,
	value: (record: Record<string, unknown>) => T[] | undefined,
): Map<number, T[]> {
	const out = new Map<number, T[]>();
	for (const record of records) {
		const id = Number(record.id);
		const list = value(record);
		if (Number.isInteger(id) && list) out.set(id, list);
	}
	return out;
}
