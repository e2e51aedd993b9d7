/**
 * "Map to Halo": one Okta user → the Halo user or agent record the Upsert
 * should make true (docs/items.md "Map → Upsert"). Pure: Halo names in the
 * record (`team`, `department`) stay as Okta gives them and are resolved by
 * the Upsert, which reads Halo anyway (resolveNames.ts).
 */
import { EMAIL_FIELD, readFieldValue } from './fields';
import { findSiteRule } from './siteRules';
import type {
	HaloRecord,
	MappedItem,
	OktaSummary,
	OktaUser,
	ResolvedConfig,
	Target,
} from './types';
import { isEmptyValue } from './values';

export function oktaSummary(user: OktaUser): OktaSummary {
	return {
		id: user.id,
		status: user.status,
		...(user.created !== undefined ? { created: user.created } : {}),
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

/**
 * Site from the first matching rule, else (`unmatched: defaultSite`) a mapped
 * `site_id`, else `defaultSiteId`; the user role goes with it. With
 * `unmatched: skip`, an active user no rule takes is marked to be skipped.
 */
function applySite(
	user: OktaUser,
	config: ResolvedConfig,
	draft: Draft,
	item: Partial<MappedItem>,
): void {
	const { siteRules, defaultSiteId, defaultUserRoleId } = config.user;
	const rule = findSiteRule(user, siteRules);
	if (!rule && config.user.unmatched === 'skip') {
		if (config.activeStatuses.includes(user.status))
			item.skip = 'no site rule takes this user (user.unmatched: skip)';
		return;
	}
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

export function mapOktaUser(user: OktaUser, target: Target, config: ResolvedConfig): MappedItem {
	const draft = applyFieldMappings(user, target, config);
	const extras: Partial<MappedItem> = {};
	if (target === 'user') applySite(user, config, draft, extras);
	else if (config.agent.defaultTeam !== undefined || 'team' in draft.record) {
		// The Upsert turns the team name into a Halo team (resolveNames.ts) with these settings.
		if (config.agent.defaultTeam !== undefined) extras.defaultTeam = config.agent.defaultTeam;
		extras.teamAccess = { ...config.agent.teamAccess };
	}

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
