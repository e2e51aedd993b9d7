/**
 * Halo names in mapped records, resolved where Halo is read (the Upsert), so
 * Map to Halo stays a pure transform that needs no Halo credential
 * (docs/architecture.md). An agent's `team` must name a Halo team
 * (case-insensitive; else `agent.defaultTeam`): it becomes the default team
 * plus a `teams` membership with the configured access. A `department` (users
 * and agents) must name a Halo department: it becomes a `departments`
 * membership. A name that matches nothing is left out, with a warning.
 */
import { findTeam, teamMembership } from './agentTeam';
import { sameName } from './names';
import type { HaloTeam, MappedItem, TeamAccess } from './types';
import { toText } from './values';

/** A Halo department (`GET /api/TopLevel`, docs/apis.md). */
export interface HaloDepartment {
	id: number;
	name: string;
}

export interface NameLookups {
	/** Halo teams; undefined when they were not read. */
	teams?: readonly HaloTeam[];
	departments?: readonly HaloDepartment[];
	defaultTeam?: string;
	teamAccess: TeamAccess;
}

function textOf(value: unknown): string {
	return value === undefined ? '' : toText(value).trim();
}

/** Whether resolving `items` needs the Halo teams / departments read. */
export function namesNeeded(
	items: readonly MappedItem[],
	defaultTeam: string | undefined,
): { teams: boolean; departments: boolean } {
	const agents = items.filter((item) => item.target === 'agent');
	return {
		teams:
			agents.length > 0 &&
			(defaultTeam !== undefined ||
				agents.some((item) => item.defaultTeam !== undefined || textOf(item.record.team) !== '')),
		departments: items.some((item) => textOf(item.record.department) !== ''),
	};
}

function resolveTeam(item: MappedItem, lookups: NameLookups, warnings: string[]): void {
	if (item.target !== 'agent') return;
	const record = item.record;
	const text = textOf(record.team);
	// What Map to Halo's configuration said wins over the Upsert's own.
	const defaultTeam = item.defaultTeam ?? lookups.defaultTeam;
	const access = item.teamAccess ?? lookups.teamAccess;
	if (text === '' && defaultTeam === undefined) return;
	const teams = lookups.teams ?? [];
	const mappedMiss = `Okta value "${text}" for field team matches no Halo team`;
	let team = text === '' ? undefined : findTeam(teams, text);
	if (!team && defaultTeam !== undefined) {
		team = findTeam(teams, defaultTeam);
		if (team && text !== '')
			warnings.push(`${mappedMiss}; the default team "${team.name}" was used`);
		if (!team) {
			if (text !== '') warnings.push(mappedMiss);
			warnings.push(`default team "${defaultTeam}" matches no Halo team`);
		}
	} else if (!team) {
		warnings.push(mappedMiss);
	}
	if (!team) {
		delete record.team;
		return;
	}
	record.team = team.name;
	record.teams = [teamMembership(team, access)];
	if (item.createOnly.includes('team') && !item.createOnly.includes('teams'))
		item.createOnly.push('teams');
}

function resolveDepartment(item: MappedItem, lookups: NameLookups, warnings: string[]): void {
	const record = item.record;
	const text = textOf(record.department);
	if (!('department' in record)) return;
	// Halo's lists carry memberships (`departments`), not the `department` text: only they are written.
	delete record.department;
	if (text === '') return;
	const department = (lookups.departments ?? []).find((d) => sameName(d.name, text));
	if (!department) {
		warnings.push(`Okta value "${text}" for field department matches no Halo department`);
		return;
	}
	record.departments = [{ department_id: department.id, department_name: department.name }];
	if (item.createOnly.includes('department') && !item.createOnly.includes('departments'))
		item.createOnly.push('departments');
}

/** The item with its Halo names resolved (a copy; the input is not changed) and the warnings that gave. */
export function resolveHaloNames(
	item: MappedItem,
	lookups: NameLookups,
): { item: MappedItem; warnings: string[] } {
	const resolved: MappedItem = {
		...item,
		record: { ...item.record },
		createOnly: [...item.createOnly],
	};
	const warnings: string[] = [];
	resolveTeam(resolved, lookups, warnings);
	resolveDepartment(resolved, lookups, warnings);
	resolved.warnings = [...item.warnings, ...warnings];
	return { item: resolved, warnings };
}
