/**
 * Halo's "Site/Agent Mappings": a rule matches a user by Okta group (name,
 * case-insensitive, or id) or by assigned Okta app, optionally only for some
 * statuses. A rule with neither group nor app matches on statuses alone.
 * The first matching rule wins.
 */
import { sameName } from './names';
import type { OktaUser, SiteRule } from './types';

function inGroup(user: OktaUser, group: string): boolean {
	return (user.groups ?? []).some((g) => g.id === group || sameName(g.name, group));
}

export function siteRuleMatches(rule: SiteRule, user: OktaUser): boolean {
	if (rule.statuses && rule.statuses.length > 0 && !rule.statuses.includes(user.status))
		return false;
	if (rule.group !== undefined) return inGroup(user, rule.group);
	if (rule.appId !== undefined) return (user.appIds ?? []).includes(rule.appId);
	return true;
}

export function findSiteRule(user: OktaUser, rules: readonly SiteRule[]): SiteRule | undefined {
	return rules.find((rule) => siteRuleMatches(rule, user));
}
