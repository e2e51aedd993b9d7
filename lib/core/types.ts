/**
 * The mapping configuration and the items passed between nodes
 * (docs/mapping-config.md, docs/items.md; saved workflows depend on these shapes).
 */
import type { AgentConfig, TeamAccess } from './mappingConfig/agent';
import type { FieldMapping } from './mappingConfig/names';
import type { OnboardingConfig } from './mappingConfig/onboarding';
import type { RoleMapping } from './mappingConfig/roleMappings';
import type { SiteRule, UserConfig } from './mappingConfig/user';

export const OKTA_STATUSES = [
	'STAGED',
	'PROVISIONED',
	'ACTIVE',
	'RECOVERY',
	'PASSWORD_EXPIRED',
	'LOCKED_OUT',
	'SUSPENDED',
	'DEPROVISIONED',
] as const;
export type OktaStatus = (typeof OKTA_STATUSES)[number];

export const DEFAULT_ACTIVE_STATUSES: OktaStatus[] = [
	'ACTIVE',
	'PASSWORD_EXPIRED',
	'LOCKED_OUT',
	'RECOVERY',
];

export type { FieldMapping } from './mappingConfig/names';
export type { Filter, FilterOp, SiteRule, UserConfig } from './mappingConfig/user';
export type { AgentConfig, TeamAccess } from './mappingConfig/agent';
export type { RoleMapping } from './mappingConfig/roleMappings';
export type { OnboardingConfig } from './mappingConfig/onboarding';

/** The JSON mapping configuration (docs/mapping-config.md); one module per section under mappingConfig/. */
export interface MappingConfig {
	activeStatuses?: OktaStatus[];
	user?: UserConfig;
	agent?: AgentConfig;
	roleMappings?: RoleMapping[];
	onboarding?: OnboardingConfig;
}

export type Target = 'user' | 'agent';

export interface OktaGroupRef {
	id: string;
	name: string;
	/** Okta's group type (`OKTA_GROUP`, `APP_GROUP`, `BUILT_IN`); an `APP_GROUP` is matched by id only. */
	type?: string;
}

/** An Okta user as Okta returns it, plus `groups` when "Include Groups" is on. */
export interface OktaUser {
	id: string;
	status: OktaStatus;
	created?: string;
	activated?: string | null;
	statusChanged?: string | null;
	lastLogin?: string | null;
	lastUpdated?: string;
	passwordChanged?: string | null;
	type?: { id: string };
	profile: Record<string, unknown> & {
		login: string;
		email?: string;
		firstName?: string | null;
		lastName?: string | null;
	};
	_links?: Record<string, unknown>;
	groups?: OktaGroupRef[];
	/** App ids the user is assigned to, when known (site rules by app). */
	appIds?: string[];
}

export interface OktaSummary {
	id: string;
	status: OktaStatus;
	/** When the person was created in Okta (onboarding.createdWithinDays reads it). */
	created?: string;
	login: string;
	groups: OktaGroupRef[];
	profile: Record<string, unknown>;
}

export type HaloRecord = Record<string, unknown>;

/** Map → Upsert. */
export interface MappedItem {
	target: Target;
	okta: OktaSummary;
	active: boolean;
	record: HaloRecord;
	createOnly: string[];
	siteRule?: SiteRule;
	/** Halo user role to give on create (the site rule's `userRoleId`, else `defaultUserRoleId`); users only. */
	userRoleId?: number;
	/**
	 * Set when the mapping takes no one (`user.unmatched: skip` and no site
	 * rule matched): why the Upsert leaves this active person out
	 * (`action: skipped`). Not set for people who are not active.
	 */
	skip?: string;
	/** Agents: the Halo team name to use when `team` names none (`agent.defaultTeam`), for the Upsert to resolve. */
	defaultTeam?: string;
	/** Agents with a team: the access their team membership gets (`agent.teamAccess`). */
	teamAccess?: TeamAccess;
	warnings: string[];
}

export type UpsertAction =
	'created' | 'updated' | 'unchanged' | 'deactivated' | 'reactivated' | 'skipped' | 'failed';

export interface FieldChange {
	from: unknown;
	to: unknown;
}

/**
 * Upsert → Role Mappings / Onboarding: the one type of that hand-off
 * (docs/items.md). Apply Role Mappings reads a user's current `roles` from
 * `record`; Create Onboarding Ticket reads `site_id` / `client_id` there.
 */
export interface UpsertResultItem {
	action: UpsertAction;
	target: Target;
	haloId: number | null;
	changes: Record<string, FieldChange>;
	/** Null for a record deactivated because no input carries it. */
	okta: OktaSummary | null;
	/** The Halo record as this run read or saved it (roles included when Halo listed them). */
	record: HaloRecord;
	/** Why the item failed (`action: 'failed'`), or why a later node failed for it. */
	error?: string;
	/** Why it was skipped, or why a missing record was deactivated. */
	reason?: string;
	/** Halo names (team, department) the Upsert could not resolve, and emails that imitate another Halo record's (lib/core/email.ts). */
	warnings?: string[];
}

/** MappingConfig with every default filled in (`resolveConfig`). */
export interface ResolvedConfig {
	activeStatuses: OktaStatus[];
	user: {
		fields: FieldMapping[];
		siteRules: SiteRule[];
		defaultSiteId?: number;
		defaultUserRoleId?: number;
		matchOn: string[];
		/** Unset means the default site. */
		unmatched?: UserConfig['unmatched'];
	};
	agent: {
		fields: FieldMapping[];
		matchOn: string[];
		teamAccess: TeamAccess;
		defaultTeam?: string;
	};
	roleMappings: RoleMapping[];
	onboarding?: OnboardingConfig;
}

/** A Halo team as `GET /api/Team` lists it (only what the mapping needs). */
export interface HaloTeam {
	id: number;
	name: string;
}

/** An agent's membership of a team, as Halo's agent `teams` holds it. */
export interface HaloTeamMembership {
	team_id: number;
	team_name: string;
	fortickets: boolean;
	unassigned_access: boolean;
	otheragent_access: boolean;
}

/** What the Upsert plans for one input item (or one missing record when `deactivateMissing` is on). */
export interface PlanEntry {
	/** Input item index (for pairedItem); null for records deactivated because no input carries them. */
	index: number | null;
	action: Exclude<UpsertAction, 'failed'>;
	target: Target;
	/** Halo id of the matched record; null until a planned create is written. */
	haloId: number | null;
	changes: Record<string, FieldChange>;
	/** The input's Okta summary; null for missing-record deactivations. */
	okta: OktaSummary | null;
	/** The record as it will be after the write (the create payload for creates). */
	record: HaloRecord;
	/** The POST element for this entry: creates without `id`, updates with `id` and only the changed fields. */
	write?: HaloRecord;
	/** Why: the reason an item was skipped, or a missing-record deactivation was planned. */
	reason?: string;
	/** Things the person should check, e.g. an email that imitates another Halo record's. */
	warnings?: string[];
}

export interface PlanWrite {
	/** Position in `UpsertPlan.entries`. */
	entry: number;
	kind: 'create' | 'update';
	payload: HaloRecord;
}

export interface UpsertPlan {
	target: Target;
	entries: PlanEntry[];
	/** Every write in entry order; send them in batches (`chunk`) as arrays to `POST /api/Users|Agent`. */
	writes: PlanWrite[];
	counts: Record<PlanEntry['action'], number>;
	/** Existing Halo records that were active before the plan (the guard's base). */
	existingActive: number;
	/** People Deactivate Missing left alone, and why (their input items failed upstream). */
	leftAlone?: { count: number; reason: string };
	/** Set when the mass-deactivation guard stops the run; nothing must be written then. */
	guardError?: string;
}
