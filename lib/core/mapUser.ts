/** "Map to Halo": one Okta user → the Halo user or agent record the Upsert should make true (docs/items.md "Map → Upsert"). */
import { findTeam, teamMembership } from './agentTeam';
import { EMAIL_FIELD, readFieldValue } from './fields';
import { findSiteRule } from './siteRules';
import type {
	HaloRecord,
	HaloTeam,
	MappedItem,
	OktaSummary,
	OktaUser,
	ResolvedConfig,
	Target,
} from './types';
import { isEmptyValue, toText } from './values';

export interface MapContext {
	/** Halo teams (`GET /api/Team`), for agents' `team` mapping and `agent.defaultTeam`. */
	teams?: readonly HaloTeam[];
}

export function oktaSummary(user: OktaUser): OktaSummary {
	return {
		id: user.id,
		status: user.status,
		login: user.profile.login,
		groups: user.groups ?? [],
		profile: user.profile,
	};
}

interface Draft {
	record: HaloRecord;
	createOnly: Set<string>;
	warnings: string[];
}

function applyFieldMappings(user: OktaUser, target: Target, config: ResolvedConfig): Draft {
	const draft: Draft = { record: {}, createOnly: new Set(), warnings: [] };
	for (const mapping of config[target].fields) {
		const value = readFieldValue(user, mapping.okta);
		if (value === undefined && !mapping.populateEmpty) continue;
		draft.record[mapping.halo] = value ?? '';
		if (mapping.dontUpdate) draft.createOnly.add(mapping.halo);
	}
	return draft;
}

/** Site from the first matching rule, else a mapped `site_id`, else `defaultSiteId`; the user role goes with it. */
function applySite(
	user: OktaUser,
	config: ResolvedConfig,
	draft: Draft,
	item: Partial<MappedItem>,
): void {
	const { siteRules, defaultSiteId, defaultUserRoleId } = config.user;
	const rule = findSiteRule(user, siteRules);
	if (rule) {
		draft.record.site_id = rule.siteId;
		if (rule.newUsersOnly) draft.createOnly.add('site_id');
		item.siteRule = { ...rule };
	} else if (isEmptyValue(draft.record.site_id) && defaultSiteId !== undefined) {
		draft.record.site_id = defaultSiteId;
	}
	if (isEmptyValue(draft.record.site_id)) {
		draft.warnings.push('no site: no site rule matches and no defaultSiteId is set');
	}
	const userRoleId = rule?.userRoleId ?? defaultUserRoleId;
	if (userRoleId !== undefined) item.userRoleId = userRoleId;
}

/**
 * `team` must name a Halo team; matched, it becomes the default team plus a `teams` membership.
 * When it gives no Halo team, `agent.defaultTeam` (a Halo team name) is used the same way.
 */
function applyTeam(config: ResolvedConfig, context: MapContext, draft: Draft): void {
	const value = draft.record.team;
	const text = value === undefined ? '' : toText(value).trim();
	const teams = context.teams ?? [];
	const why = context.teams ? '' : ' (Halo teams were not loaded)';
	const mappedMiss = `Okta value "${text}" for field team matches no Halo team`;
	const defaultTeam = config.agent.defaultTeam;
	let team = text === '' ? undefined : findTeam(teams, text);
	if (!team && defaultTeam === undefined) {
		if (text !== '') draft.warnings.push(`${mappedMiss}${why}`);
	} else if (!team && defaultTeam !== undefined) {
		team = findTeam(teams, defaultTeam);
		if (team && text !== '')
			draft.warnings.push(`${mappedMiss}; the default team "${team.name}" was used`);
		if (!team) {
			if (text !== '') draft.warnings.push(`${mappedMiss}${why}`);
			draft.warnings.push(`default team "${defaultTeam}" matches no Halo team${why}`);
		}
	}
	if (!team) {
		delete draft.record.team;
		return;
	}
	draft.record.team = team.name;
	draft.record.teams = [teamMembership(team, config.agent.teamAccess)];
	if (draft.createOnly.has('team')) draft.createOnly.add('teams');
}

export function mapOktaUser(
	user: OktaUser,
	target: Target,
	config: ResolvedConfig,
	context: MapContext = {},
): MappedItem {
	const draft = applyFieldMappings(user, target, config);
	const extras: Partial<MappedItem> = {};
	if (target === 'user') applySite(user, config, draft, extras);
	else applyTeam(config, context, draft);

	if (isEmptyValue(draft.record[EMAIL_FIELD[target]])) {
		draft.warnings.push(
			`no email: the Halo field ${EMAIL_FIELD[target]} is empty (Okta user ${user.profile.login ?? user.id})`,
		);
	}
	if (isEmptyValue(draft.record.name)) draft.warnings.push('no name: the Halo field name is empty');

	return {
		target,
		okta: oktaSummary(user),
		active: config.activeStatuses.includes(user.status),
		record: draft.record,
		createOnly: [...draft.createOnly],
		...extras,
		warnings: draft.warnings,
	};
}
