/**
 * Halo's built-in Okta integration, as its `Control` record keeps it, turned
 * into one MappingConfig (docs/halo-okta-settings.md has the field table).
 * Whatever the MappingConfig cannot say is left out and named in `warnings`;
 * nothing is guessed wider than Halo had it: a site mapping with a filter we
 * cannot read is dropped (people it would take stay unmapped and are skipped,
 * as Halo's import skips unmapped people) rather than kept without the filter.
 */
import { DEFAULT_AGENT_FIELDS, DEFAULT_USER_FIELDS } from './fields';
import { compileSource } from './template';
import { OKTA_STATUSES } from './types';
import type {
	FieldMapping,
	Filter,
	FilterOp,
	MappingConfig,
	OktaStatus,
	RoleMapping,
	SiteRule,
} from './types';

export interface BuiltInSync {
	enabled: boolean;
	lastSync: string | null;
	lastError: string | null;
}

export interface TakenOver {
	config: MappingConfig;
	warnings: string[];
	builtInSync: BuiltInSync;
}

type Json = Record<string, unknown>;

/**
 * `IntegrationFilter.filter_type` → operator. Halo's swagger types it as an
 * integer without naming the values; this is the order of Halo's filter
 * drop-down (docs/halo-okta-settings.md). An unknown number drops its mapping.
 */
export const HALO_FILTER_TYPES: Readonly<Record<number, FilterOp>> = Object.freeze({
	0: 'eq',
	1: 'ne',
	2: 'contains',
	3: 'startsWith',
	4: 'endsWith',
	5: 'in',
	6: 'exists',
	7: 'notExists',
});

/** Fields the nodes set themselves (a mapping of them would fight the Upsert or role mappings). */
const MANAGED = new Set(['id', 'inactive', 'isdisabled', 'roles', 'teams']);
const HALO_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Okta user properties that live outside `profile`. */
const TOP_LEVEL_OKTA = new Set([
	'id',
	'status',
	'created',
	'activated',
	'statusChanged',
	'lastLogin',
	'lastUpdated',
	'passwordChanged',
	'login',
]);

function list(value: unknown): Json[] {
	return Array.isArray(value) ? value.filter((v): v is Json => !!v && typeof v === 'object') : [];
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (typeof value === 'number') return String(value);
	return undefined;
}

function positiveInt(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Halo's Okta field name as a MappingConfig source: Okta profile attributes
 * (`firstName`, `department`) become `profile.…`; paths and templates stay.
 */
export function oktaSourceOf(name: string, root = ''): string {
	const trimmed = name.trim();
	if (trimmed.includes('{{')) return trimmed;
	if (trimmed.startsWith('profile.') || trimmed.includes('.')) return `${root}${trimmed}`;
	if (TOP_LEVEL_OKTA.has(trimmed))
		return `${root}${trimmed === 'login' ? 'profile.login' : trimmed}`;
	return `${root}profile.${trimmed}`;
}

function oktaStatusOf(pair: Json): OktaStatus | undefined {
	for (const raw of [pair.value, pair.label]) {
		const candidate = text(raw)
			?.toUpperCase()
			.replace(/[\s-]+/g, '_');
		if (candidate && (OKTA_STATUSES as readonly string[]).includes(candidate))
			return candidate as OktaStatus;
	}
	return undefined;
}

function statusesOf(
	pairs: unknown,
	fallback: unknown,
	where: string,
	warnings: string[],
): OktaStatus[] | undefined {
	let entries = list(pairs);
	if (entries.length === 0 && typeof fallback === 'string' && fallback.trim())
		entries = fallback.split(',').map((value) => ({ value }));
	if (entries.length === 0) return undefined;
	const out: OktaStatus[] = [];
	for (const pair of entries) {
		const status = oktaStatusOf(pair);
		if (status) {
			if (!out.includes(status)) out.push(status);
		} else
			warnings.push(
				`${where}: "${text(pair.value) ?? text(pair.label) ?? '?'}" is not an Okta status; left out`,
			);
	}
	return out.length > 0 ? out : undefined;
}

function fieldMappings(
	mappings: unknown,
	where: string,
	warnings: string[],
	root = '',
	defaults?: readonly FieldMapping[],
): FieldMapping[] | undefined {
	const out: FieldMapping[] = [];
	list(mappings).forEach((mapping, i) => {
		const halo = text(mapping.name);
		const okta = text(mapping.thirdpartyname);
		const at = `${where}[${i}]`;
		if (!halo || !okta) {
			warnings.push(`${at}: a mapping without a Halo field or an Okta field; left out`);
			return;
		}
		if (!HALO_FIELD.test(halo)) {
			warnings.push(`${at}: "${halo}" is not a Halo field name; left out`);
			return;
		}
		if (MANAGED.has(halo)) {
			warnings.push(`${at}: "${halo}" is set by the nodes themselves; mapping left out`);
			return;
		}
		if (out.some((m) => m.halo === halo)) {
			warnings.push(`${at}: "${halo}" is mapped twice; the first mapping is kept`);
			return;
		}
		const source = oktaSourceOf(okta, root);
		if ('error' in compileSource(source)) {
			warnings.push(`${at}: the Okta field "${okta}" cannot be read; left out`);
			return;
		}
		const field: FieldMapping = { halo, okta: source };
		if (mapping.dontupdate === true) field.dontUpdate = true;
		if (mapping.populateemptyvalue === true) field.populateEmpty = true;
		out.push(field);
	});
	if (defaults && out.length > 0) {
		for (const preset of defaults) {
			if (!out.some((m) => m.halo === preset.halo))
				warnings.push(
					`${where}: Halo does not map "${preset.halo}", but the nodes fill it by default (from ${preset.okta}); add a mapping to change that`,
				);
		}
	}
	return out.length > 0 ? out : undefined;
}

function filtersOf(filters: unknown, at: string, warnings: string[]): Filter[] | null {
	const out: Filter[] = [];
	for (const filter of list(filters)) {
		const field = text(filter.filter_field);
		const type = filter.filter_type;
		const op = typeof type === 'number' ? HALO_FILTER_TYPES[type] : undefined;
		if (!field || !op) {
			warnings.push(
				`${at}: a filter (${field ?? 'no field'}, type ${String(type)}) cannot be expressed; the mapping is left out so it takes no one Halo's filter would not`,
			);
			return null;
		}
		const value = text(filter.filter_value);
		const source = oktaSourceOf(field);
		let converted: Filter;
		if (op === 'in')
			converted = {
				field: source,
				op,
				value: (value ?? '')
					.split(',')
					.map((v) => v.trim())
					.filter(Boolean),
			};
		else if (op === 'exists' || op === 'notExists') converted = { field: source, op };
		else converted = { field: source, op, value: value ?? '' };
		out.push(converted);
	}
	return out;
}

function siteRules(control: Json, warnings: string[]): SiteRule[] | undefined {
	const out: SiteRule[] = [];
	list(control.okta_sitemappings).forEach((mapping, i) => {
		const at = `okta_sitemappings[${i}]`;
		const siteId = positiveInt(mapping.siteid);
		if (positiveInt(mapping.roleid) !== undefined)
			warnings.push(
				`${at}: gives agents the role ${String(mapping.roleid)}; agent roles come from roleMappings (agentRoleId), not site mappings`,
			);
		if (siteId === undefined) {
			if (positiveInt(mapping.roleid) === undefined) warnings.push(`${at}: no site; left out`);
			return;
		}
		const rule: SiteRule = { siteId };
		const appId = text(mapping.applicationid);
		const group = text(mapping.group_name);
		if (mapping.filterbyapp === true && appId) rule.appId = appId;
		else if (group) rule.group = group;
		else if (mapping.filterbyapp === true) {
			warnings.push(`${at}: filters by app but names none; left out`);
			return;
		}
		const statuses = statusesOf(
			mapping.included_statuses_list,
			mapping.included_statuses,
			`${at}.included_statuses_list`,
			warnings,
		);
		if (statuses) rule.statuses = statuses;
		const filters = filtersOf(mapping.filters, at, warnings);
		if (filters === null) return;
		if (filters.length > 0) rule.filters = filters;
		const userRoleId = positiveInt(mapping.userroleid);
		if (userRoleId !== undefined) rule.userRoleId = userRoleId;
		if (mapping.new_users_only === true) rule.newUsersOnly = true;
		out.push(rule);
	});
	return out.length > 0 ? out : undefined;
}

function roleMappings(control: Json, warnings: string[]): RoleMapping[] | undefined {
	const out: RoleMapping[] = [];
	const kinds = [
		{ key: 'okta_rolemappings', what: 'an agent role GUID' },
		{ key: 'okta_cabmappings', what: 'a CAB id' },
		{ key: 'okta_userrolemappings', what: 'a user role id' },
	] as const;
	for (const { key, what } of kinds) {
		list(control[key]).forEach((mapping, i) => {
			const at = `${key}[${i}]`;
			const group = text(mapping.thirdpartyname);
			const halo = text(mapping.name) ?? text(mapping.xmvalue);
			if (!group || !halo) {
				warnings.push(`${at}: needs an Okta group and ${what}; left out`);
				return;
			}
			if (key === 'okta_rolemappings') {
				if (!GUID.test(halo)) {
					warnings.push(`${at}: "${halo}" is not ${what}; left out`);
					return;
				}
				out.push({ group, agentRoleId: halo });
				return;
			}
			const id = positiveInt(halo);
			if (id === undefined) {
				warnings.push(`${at}: "${halo}" is not ${what}; left out`);
				return;
			}
			out.push(key === 'okta_cabmappings' ? { group, cabId: id } : { group, userRoleId: id });
		});
	}
	return out.length > 0 ? out : undefined;
}

/** Halo's matching choices → Halo fields the mapping fills. */
function matchOn(
	pairs: unknown,
	fallback: unknown,
	target: 'user' | 'agent',
	fields: readonly FieldMapping[],
	where: string,
	warnings: string[],
): string[] | undefined {
	let entries = list(pairs);
	if (entries.length === 0 && typeof fallback === 'string' && fallback.trim())
		entries = fallback.split(',').map((value) => ({ value }));
	const email = target === 'user' ? 'emailaddress' : 'email';
	const aliases: Record<string, string> = {
		oktaid: 'oktaid',
		okta_id: 'oktaid',
		id: 'oktaid',
		email: email,
		emailaddress: email,
		login: 'login',
		name: 'name',
	};
	const mapped = new Set(fields.map((f) => f.halo));
	const out: string[] = [];
	for (const pair of entries) {
		const raw = text(pair.value) ?? text(pair.label);
		if (!raw) continue;
		const key = raw.toLowerCase().replace(/[\s-]+/g, '');
		const field = aliases[key] ?? raw;
		if (!mapped.has(field)) {
			warnings.push(
				`${where}: Halo matches on "${raw}", which no ${target} mapping fills; left out`,
			);
			continue;
		}
		if (!out.includes(field)) out.push(field);
	}
	return out.length > 0 ? out : undefined;
}

function mergedNames(defaults: readonly FieldMapping[], custom?: FieldMapping[]): FieldMapping[] {
	const names = new Set((custom ?? []).map((m) => m.halo));
	return [...defaults.filter((m) => !names.has(m.halo)), ...(custom ?? [])];
}

/** Halo's `Control` record → `{ config, warnings, builtInSync }`. */
export function mappingConfigFromControl(control: Json): TakenOver {
	const warnings: string[] = [];
	const config: MappingConfig = {};

	const active = statusesOf(
		control.okta_active_statuses_list,
		control.oktaactivestatuses,
		'okta_active_statuses_list',
		warnings,
	);
	if (active) config.activeStatuses = active;

	const userFields = fieldMappings(
		control.okta_usermappings,
		'okta_usermappings',
		warnings,
		'',
		DEFAULT_USER_FIELDS,
	);
	const rules = siteRules(control, warnings);
	const userMatch = matchOn(
		control.okta_user_matching_list,
		control.oktausermatchingfields,
		'user',
		mergedNames(DEFAULT_USER_FIELDS, userFields),
		'okta_user_matching_list',
		warnings,
	);
	const user: NonNullable<MappingConfig['user']> = {};
	if (userFields) user.fields = userFields;
	if (rules) {
		user.siteRules = rules;
		// Halo's import takes only people a site mapping takes.
		user.unmatched = 'skip';
	}
	if (userMatch) user.matchOn = userMatch;
	if (Object.keys(user).length > 0) config.user = user;

	const agentFields = fieldMappings(
		control.okta_agentmappings,
		'okta_agentmappings',
		warnings,
		'',
		DEFAULT_AGENT_FIELDS,
	);
	const agentMatch = matchOn(
		control.okta_agent_matching_list,
		control.oktaagentmatchingfields,
		'agent',
		mergedNames(DEFAULT_AGENT_FIELDS, agentFields),
		'okta_agent_matching_list',
		warnings,
	);
	if (agentFields || agentMatch) {
		config.agent = {};
		if (agentFields) config.agent.fields = agentFields;
		if (agentMatch) config.agent.matchOn = agentMatch;
	}

	const roles = roleMappings(control, warnings);
	if (roles) config.roleMappings = roles;

	const ticketTypeId = positiveInt(control.new_user_type);
	if (ticketTypeId !== undefined) {
		const onboarding: NonNullable<MappingConfig['onboarding']> = { ticketTypeId };
		const templateId = positiveInt(control.new_user_template);
		if (templateId !== undefined) onboarding.templateId = templateId;
		const fields = fieldMappings(
			control.okta_mappings_new_user,
			'okta_mappings_new_user',
			warnings,
			'okta.',
		);
		if (fields) onboarding.fields = fields;
		config.onboarding = onboarding;
	} else if (list(control.okta_mappings_new_user).length > 0) {
		warnings.push('okta_mappings_new_user: ticket field mappings without a ticket type; left out');
	}

	if (control.okta_deactivate_entities === false)
		warnings.push(
			'okta_deactivate_entities is off in Halo; the nodes deactivate people whose Okta status is not active (set activeStatuses to keep more statuses active)',
		);

	const builtInSync: BuiltInSync = {
		enabled: control.halointegrator_okta === true,
		lastSync: text(control.halointegrator_okta_lastsync) ?? null,
		lastError: text(control.halointegrator_okta_lasterror) ?? null,
	};
	if (builtInSync.enabled)
		warnings.push(
			"Halo's own scheduled Okta import (halointegrator_okta) is on: two syncs fight over the same people; turn it off in Halo (Okta › Imports) before the nodes take over",
		);
	return { config, warnings, builtInSync };
}
