/**
 * The `user` section of the mapping configuration (docs/mapping-config.md):
 * its type and its validation. The editor's fields for it are in
 * lib/n8n/mappingConfig/user.ts.
 */
import {
	arrayOf,
	booleanValue,
	childPath,
	objectOf,
	oneOf,
	refine,
	stringOf,
	wholeNumber,
} from '../configChecks';
import type { Checker } from '../configChecks';
import { OKTA_STATUSES } from '../types';
import type { OktaStatus } from '../types';
import { MANAGED_HALO_FIELDS, fieldList, matchOnList, oktaPath } from './names';
import type { FieldMapping } from './names';

export const FILTER_OPS = [
	'eq',
	'ne',
	'contains',
	'startsWith',
	'endsWith',
	'in',
	'exists',
	'notExists',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** Halo's IntegrationFilter: an Okta attribute condition (text ops ignore letter case). */
export type Filter =
	| { field: string; op: Exclude<FilterOp, 'in' | 'exists' | 'notExists'>; value: string }
	| { field: string; op: 'in'; value: string[] }
	| { field: string; op: 'exists' | 'notExists' };

/** Halo's "Site/Agent Mappings" (OktaMapping). */
export interface SiteRule {
	/** Okta group name (or id). */
	group?: string;
	/** Or: users assigned to this Okta app. */
	appId?: string;
	siteId: number;
	/** The rule applies only to these statuses. */
	statuses?: OktaStatus[];
	/** And only to users matching all of these. */
	filters?: Filter[];
	/** User role given with this site. */
	userRoleId?: number;
	newUsersOnly?: boolean;
}

export const UNMATCHED_CHOICES = ['defaultSite', 'skip'] as const;

export interface UserConfig {
	fields?: FieldMapping[];
	siteRules?: SiteRule[];
	defaultSiteId?: number;
	defaultUserRoleId?: number;
	matchOn?: string[];
	/** A user no site rule takes: the default site (default), or skipped. */
	unmatched?: (typeof UNMATCHED_CHOICES)[number];
}

export const oktaStatus = oneOf(OKTA_STATUSES, 'an Okta status');

const NO_VALUE_OPS: readonly FilterOp[] = ['exists', 'notExists'];

const filter: Checker = refine(
	objectOf({
		field: { required: true, check: oktaPath },
		op: { required: true, check: oneOf(FILTER_OPS, 'a filter operator') },
		value: { check: () => undefined },
	}),
	(value, path, issues) => {
		const { op, value: operand } = value as { op: FilterOp; value?: unknown };
		const at = childPath(path, 'value');
		if (NO_VALUE_OPS.includes(op)) {
			if (operand !== undefined) issues.push({ path: at, message: `must not be set for "${op}"` });
		} else if (operand === undefined) {
			issues.push({ path: at, message: `is required for "${op}"` });
		} else if (op === 'in') {
			arrayOf(stringOf(), { nonEmpty: true })(operand, at, issues);
		} else {
			stringOf()(operand, at, issues);
		}
	},
);

const siteRule: Checker = refine(
	objectOf({
		group: { check: stringOf({ nonEmpty: true }) },
		appId: { check: stringOf({ nonEmpty: true }) },
		siteId: { required: true, check: wholeNumber },
		statuses: { check: arrayOf(oktaStatus) },
		filters: { check: arrayOf(filter) },
		userRoleId: { check: wholeNumber },
		newUsersOnly: { check: booleanValue },
	}),
	(value, path, issues) => {
		const rule = value as SiteRule;
		if (rule.group !== undefined && rule.appId !== undefined) {
			issues.push({
				path,
				message: 'sets both group and appId; a rule matches by one Okta group or by one app',
			});
		}
	},
);

export const userConfig: Checker = objectOf({
	fields: { check: fieldList(MANAGED_HALO_FIELDS) },
	siteRules: { check: arrayOf(siteRule) },
	defaultSiteId: { check: wholeNumber },
	defaultUserRoleId: { check: wholeNumber },
	matchOn: { check: matchOnList },
	unmatched: { check: oneOf(UNMATCHED_CHOICES, 'a choice for unmatched users') },
});
