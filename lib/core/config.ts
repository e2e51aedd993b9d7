/**
 * The mapping configuration (DESIGN.md `MappingConfig`): validation of
 * untrusted input (an object or JSON text, from the UI or a file) with issues
 * that name the bad path, and resolution of every default.
 */
import { ConfigError, type ConfigIssue } from './ConfigError';
import {
	arrayOf,
	booleanValue,
	childPath,
	isPlainObject,
	objectOf,
	oneOf,
	refine,
	stringOf,
	wholeNumber,
	type Checker,
} from './configChecks';
import {
	DEFAULT_AGENT_FIELDS,
	DEFAULT_MATCH_ON,
	DEFAULT_USER_FIELDS,
	mergeFieldMappings,
} from './fields';
import { compileSource, parseTemplate } from './template';
import {
	DEFAULT_ACTIVE_STATUSES,
	OKTA_STATUSES,
	type FieldMapping,
	type MappingConfig,
	type ResolvedConfig,
	type RoleMapping,
	type SiteRule,
} from './types';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HALO_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Fields the Upsert and role mappings manage themselves; mapping them would fight those nodes. */
const MANAGED_HALO_FIELDS = ['id', 'inactive', 'isdisabled', 'roles', 'teams'];

const oktaStatus = oneOf(OKTA_STATUSES, 'an Okta status');

const oktaSource: Checker = refine(stringOf(), (value, path, issues) => {
	const compiled = compileSource(value as string);
	if ('error' in compiled) issues.push({ path, message: compiled.error });
});

/** Free text where `{{ path }}` placeholders are optional (ticket summary and details). */
const textWithPlaceholders: Checker = refine(stringOf(), (value, path, issues) => {
	const parsed = parseTemplate(value as string);
	if ('error' in parsed) issues.push({ path, message: parsed.error });
});

const fieldMapping = (managedFields: readonly string[]): Checker =>
	refine(
		objectOf({
			halo: {
				required: true,
				check: stringOf({
					pattern: HALO_FIELD,
					expected: 'a Halo field name (letters, digits, _)',
				}),
			},
			okta: { required: true, check: oktaSource },
			dontUpdate: { check: booleanValue },
			populateEmpty: { check: booleanValue },
		}),
		(value, path, issues) => {
			const halo = (value as FieldMapping).halo;
			if (managedFields.includes(halo)) {
				issues.push({
					path: childPath(path, 'halo'),
					message: `"${halo}" is set by the nodes themselves and cannot be mapped`,
				});
			}
		},
	);

/** A field list where each Halo field appears once (a second mapping of the same field is almost always a mistake). */
const fieldList = (managedFields: readonly string[]): Checker =>
	refine(arrayOf(fieldMapping(managedFields)), (value, path, issues) => {
		const firstAt = new Map<string, number>();
		(value as FieldMapping[]).forEach((mapping, i) => {
			const earlier = firstAt.get(mapping.halo);
			if (earlier === undefined) firstAt.set(mapping.halo, i);
			else
				issues.push({
					path: childPath(childPath(path, i), 'halo'),
					message: `"${mapping.halo}" is mapped twice (also at ${childPath(path, earlier)})`,
				});
		});
	});

const siteRule = refine(
	objectOf({
		group: { check: stringOf({ nonEmpty: true }) },
		appId: { check: stringOf({ nonEmpty: true }) },
		siteId: { required: true, check: wholeNumber },
		statuses: { check: arrayOf(oktaStatus) },
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

const roleMapping = refine(
	objectOf({
		group: { required: true, check: stringOf({ nonEmpty: true }) },
		agentRoleId: {
			check: stringOf({
				pattern: GUID,
				expected: 'a GUID like 1c3ba5e2-84b7-4f0e-9a3a-2f1d7f5a9c10',
			}),
		},
		cabId: { check: wholeNumber },
		userRoleId: { check: wholeNumber },
	}),
	(value, path, issues) => {
		const mapping = value as RoleMapping;
		if (
			mapping.agentRoleId === undefined &&
			mapping.cabId === undefined &&
			mapping.userRoleId === undefined
		) {
			issues.push({ path, message: 'must set agentRoleId, cabId or userRoleId' });
		}
	},
);

const matchOnList = arrayOf(stringOf({ nonEmpty: true }), { nonEmpty: true });

const configShape = objectOf({
	activeStatuses: { check: arrayOf(oktaStatus, { nonEmpty: true }) },
	user: {
		check: objectOf({
			fields: { check: fieldList(MANAGED_HALO_FIELDS) },
			siteRules: { check: arrayOf(siteRule) },
			defaultSiteId: { check: wholeNumber },
			defaultUserRoleId: { check: wholeNumber },
			matchOn: { check: matchOnList },
		}),
	},
	agent: {
		check: objectOf({
			fields: { check: fieldList(MANAGED_HALO_FIELDS) },
			matchOn: { check: matchOnList },
			teamAccess: {
				check: objectOf({
					canBeAssigned: { required: true, check: booleanValue },
					seeUnassigned: { required: true, check: booleanValue },
					seeOthers: { required: true, check: booleanValue },
				}),
			},
			defaultTeam: { check: stringOf({ nonEmpty: true }) },
		}),
	},
	roleMappings: { check: arrayOf(roleMapping) },
	onboarding: {
		check: objectOf({
			ticketTypeId: { required: true, check: wholeNumber },
			templateId: { check: wholeNumber },
			summary: { check: textWithPlaceholders },
			details: { check: textWithPlaceholders },
			fields: { check: fieldList(['id']) },
		}),
	},
});

/** Each matchOn field must be one the mapping fills, or records could never match on it. */
function checkMatchOn(config: MappingConfig, issues: ConfigIssue[]): void {
	const targets = [
		{ name: 'user', section: config.user, defaults: DEFAULT_USER_FIELDS },
		{ name: 'agent', section: config.agent, defaults: DEFAULT_AGENT_FIELDS },
	] as const;
	for (const { name, section, defaults } of targets) {
		if (!section?.matchOn) continue;
		const mapped = mergeFieldMappings(defaults, section.fields).map((mapping) => mapping.halo);
		section.matchOn.forEach((field, i) => {
			if (!mapped.includes(field)) {
				issues.push({
					path: `${name}.matchOn[${i}]`,
					message: `"${field}" is not a mapped Halo ${name} field (mapped: ${mapped.join(', ')})`,
				});
			}
		});
	}
}

function parseInput(input: unknown): unknown {
	if (typeof input !== 'string') return input;
	if (input.trim() === '')
		throw new ConfigError([{ path: '', message: 'the configuration JSON is empty' }]);
	let parsed: { value: unknown } | { error: string };
	try {
		parsed = { value: JSON.parse(input) };
	} catch (error) {
		parsed = { error: (error as Error).message };
	}
	// Thrown outside the catch: the n8n glue turns ConfigError into a NodeOperationError.
	if ('error' in parsed)
		throw new ConfigError([
			{ path: '', message: `the configuration is not valid JSON (${parsed.error})` },
		]);
	return parsed.value;
}

/** Checks a MappingConfig given as an object or JSON text; throws ConfigError listing every issue. */
export function validateMappingConfig(input: unknown): MappingConfig {
	const value = parseInput(input);
	if (!isPlainObject(value))
		throw new ConfigError([{ path: '', message: 'the configuration must be a JSON object' }]);
	const issues: ConfigIssue[] = [];
	configShape(value, '', issues);
	if (issues.length === 0) checkMatchOn(value as MappingConfig, issues);
	if (issues.length > 0) throw new ConfigError(issues);
	return value as MappingConfig;
}

/** A validated configuration with every default filled in; the input is not modified. */
export function resolveConfig(config: MappingConfig): ResolvedConfig {
	const user = config.user ?? {};
	const agent = config.agent ?? {};
	return {
		activeStatuses: [...(config.activeStatuses ?? DEFAULT_ACTIVE_STATUSES)],
		user: {
			fields: mergeFieldMappings(DEFAULT_USER_FIELDS, user.fields),
			siteRules: (user.siteRules ?? []).map((rule) => ({ ...rule })),
			defaultSiteId: user.defaultSiteId,
			defaultUserRoleId: user.defaultUserRoleId,
			matchOn: [...(user.matchOn ?? DEFAULT_MATCH_ON.user)],
		},
		agent: {
			fields: mergeFieldMappings(DEFAULT_AGENT_FIELDS, agent.fields),
			matchOn: [...(agent.matchOn ?? DEFAULT_MATCH_ON.agent)],
			teamAccess: {
				canBeAssigned: true,
				seeUnassigned: true,
				seeOthers: true,
				...agent.teamAccess,
			},
			...(agent.defaultTeam !== undefined ? { defaultTeam: agent.defaultTeam } : {}),
		},
		roleMappings: (config.roleMappings ?? []).map((mapping) => ({ ...mapping })),
		onboarding: config.onboarding,
	};
}
