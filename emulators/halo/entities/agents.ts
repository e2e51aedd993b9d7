/**
 * `/Agent`: a bare array. Disabled agents are left out unless
 * `includedisabled=true` (`includeenabled=false` drops the enabled ones); the
 * agent the API logs in as only with `includeapiagents=true`; roles only with
 * `includeroles=true` (GET by id always has them). Filters `team_id`, `team`, `role`.
 * `team` is the default team's name and must name a team; `teams` holds the
 * memberships (`UnameSection`) with Halo's three permissions. `roles` are agent
 * roles with GUID ids; a save replaces them, `add_roles` adds to them.
 * List items are `Uname_List` (the Okta id is `okta_id`; `roles` only with
 * `includeroles=true`); `role=GUID` lists the holders of one agent role. GET
 * by id and save answers are the full `Uname` record with `oktaid` and `okta_id`.
 */
import { validationError } from '../errors';
import type { HaloStore } from '../store';
import type { HaloAgentRecord, HaloAgentTeam } from '../types';
import {
	activityFilter,
	displayName,
	intParam,
	isTrue,
	withBothOktaIds,
	withoutKeys,
	type EntityDef,
} from './entity';
import { inDepartment, savedDepartments } from './departments';
import { savedRoles } from './roles';

function flag(value: unknown, fallback: boolean): boolean {
	return typeof value === 'boolean' ? value : fallback;
}

/** One membership from what was sent (`team_id` or `team_name`), keeping the membership id when it existed. */
function membership(
	store: HaloStore,
	sent: Record<string, unknown>,
	agent: { id: number; name: string },
	previous: HaloAgentTeam[],
): HaloAgentTeam {
	const team =
		sent.team_id !== undefined && sent.team_id !== null
			? store.teams.get(sent.team_id)
			: typeof sent.team_name === 'string'
				? store.teamByName(sent.team_name)
				: undefined;
	if (!team) throw validationError(`Team ${String(sent.team_id ?? sent.team_name)} does not exist`);
	const before = previous.find((m) => m.team_id === team.id);
	return {
		id: before?.id ?? store.newTeamMembershipId(),
		agent_id: agent.id,
		agent_name: agent.name,
		team_id: team.id,
		team_name: team.name,
		fortickets: flag(sent.fortickets, before?.fortickets ?? true),
		unassigned_access: flag(sent.unassigned_access, before?.unassigned_access ?? false),
		otheragent_access: flag(sent.otheragent_access, before?.otheragent_access ?? false),
	};
}

export const agentDef: EntityDef<HaloAgentRecord> = {
	path: 'Agent',
	listSchema: 'Uname_List',
	// Uname_List has no `roles`; Halo adds them when asked (SOURCES, docs/apis.md).
	listKeeps: (query) => (isTrue(query.get('includeroles')) ? ['roles'] : []),
	paging: 'none',
	searchFields: ['name', 'email'],
	orderBy: 'name',
	table: (store) => store.agents,
	filter(agent, query, store) {
		if (agent.id === store.apiAgentId && !isTrue(query.get('includeapiagents'))) return false;
		const teamId = intParam(query, 'team_id');
		if (teamId !== undefined && !agent.teams.some((m) => m.team_id === teamId)) return false;
		const teamName = query.get('team');
		if (teamName && !agent.teams.some((m) => m.team_name.toLowerCase() === teamName.toLowerCase()))
			return false;
		const roleId = query.get('role')?.trim().toLowerCase();
		if (roleId && !agent.roles.some((role) => role.id.toLowerCase() === roleId)) return false;
		if (!inDepartment(agent.departments, intParam(query, 'department_id'))) return false;
		return activityFilter(agent.isdisabled, query, 'includedisabled', 'includeenabled');
	},
	view(agent, query, mode) {
		if (mode === 'one') return withBothOktaIds(agent);
		return isTrue(query.get('includeroles')) ? { ...agent } : withoutKeys(agent, ['roles']);
	},
	prepare(input, existing, store, newId) {
		const merged: Record<string, unknown> = withoutKeys({ ...existing, ...input }, ['add_roles']);
		const id = existing?.id ?? (newId as number);
		const name = displayName(merged);
		if (!name) throw validationError('Please enter a name for the agent');
		const previous = existing?.teams ?? [];
		let teams: HaloAgentTeam[] = previous.map((m) => ({ ...m, agent_name: name }));
		if (input.teams !== undefined && input.teams !== null) {
			if (!Array.isArray(input.teams))
				throw validationError('teams must be a list of team memberships');
			teams = [];
			for (const sent of input.teams as Array<Record<string, unknown>>) {
				const m = membership(store, sent ?? {}, { id, name }, previous);
				if (!teams.some((t) => t.team_id === m.team_id)) teams.push(m);
			}
		}
		let team: string | undefined;
		if (typeof merged.team === 'string' && merged.team.trim() !== '') {
			const found = store.teamByName(merged.team);
			if (!found) throw validationError(`Team ${merged.team} does not exist`);
			team = found.name;
			// The default team is always one of the agent's teams.
			if (!teams.some((m) => m.team_id === found.id))
				teams.push(membership(store, { team_id: found.id }, { id, name }, previous));
		} else {
			team = teams[0]?.team_name;
		}
		const roles = savedRoles(
			{ table: store.agentRoles, plural: 'agent roles', singular: 'Role' },
			input,
			existing?.roles,
		);
		const agent: HaloAgentRecord = {
			...merged,
			id,
			name,
			isdisabled: merged.isdisabled === true,
			teams,
			roles,
			departments: savedDepartments(
				store,
				input,
				{ kind: 'agent', id, name },
				existing?.departments,
			),
		};
		if (team !== undefined) agent.team = team;
		else delete agent.team;
		return agent;
	},
	onDelete(agent, store) {
		// Halo drops a deleted agent's CAB memberships with it.
		for (const cab of store.cabs.all())
			cab.members = cab.members.filter((m) => m.agent_id !== agent.id);
	},
};
