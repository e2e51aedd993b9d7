/**
 * Halo's "Site/Agent Mappings": a rule matches a user by Okta group (name,
 * case-insensitive, or id) or by assigned Okta app (the user's `appIds`,
 * which List Okta Users and Groups attaches, docs/items.md), and only when
 * the user's status is one of its `statuses` (when given) and every one of
 * its `filters` matches (filters.ts). A rule with neither group nor app
 * matches on statuses and filters alone. The first matching rule wins.
 */
import { filtersMatch } from './filters';
import { sameName } from './names';
import type { OktaUser, SiteRule } from './types';

function inGroup(user: OktaUser, group: string): boolean {
	return (user.groups ?? []).some((g) => g.id === group || sameName(g.name, group));
}

export function siteRuleMatches(rule: SiteRule, user: OktaUser): boolean {
	if (rule.statuses && rule.statuses.length > 0 && !rule.statuses.includes(user.status))
		return false;
	if (rule.group !== undefined && !inGroup(user, rule.group)) return false;
	if (rule.appId !== undefined && !(user.appIds ?? []).includes(rule.appId)) return false;
	return filtersMatch(rule.filters, user);
}

export function findSiteRule(user: OktaUser, rules: readonly SiteRule[]): SiteRule | undefined {
	return rules.find((rule) => siteRuleMatches(rule, user));
}
