/**
 * An agent's default team from an Okta value, as Halo's integration does it:
 * the value must name a Halo team (case-insensitive); the agent then gets
 * that team with the configured access (can be assigned, sees unassigned,
 * sees other agents' tickets).
 */
import { sameName } from './names';
import type { HaloTeam, HaloTeamMembership, TeamAccess } from './types';

export function findTeam(teams: readonly HaloTeam[], value: string): HaloTeam | undefined {
	return teams.find((team) => sameName(team.name, value));
}

export function teamMembership(team: HaloTeam, access: TeamAccess): HaloTeamMembership {
	return {
		team_id: team.id,
		team_name: team.name,
		fortickets: access.canBeAssigned,
		unassigned_access: access.seeUnassigned,
		otheragent_access: access.seeOthers,
	};
}
