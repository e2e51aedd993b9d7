/**
 * The mapping configuration as a whole (docs/mapping-config.md): validation of
 * untrusted input (an object or JSON text, from the UI or a file) with issues
 * that name the bad path, and resolution of every default. Each section's
 * type and checks live in lib/core/mappingConfig/<section>.ts.
 */
import { ConfigError, type ConfigIssue } from './ConfigError';
import { arrayOf, isPlainObject, objectOf } from './configChecks';
import {
	DEFAULT_AGENT_FIELDS,
	DEFAULT_MATCH_ON,
	DEFAULT_USER_FIELDS,
	mergeFieldMappings,
} from './fields';
import { agentConfig } from './mappingConfig/agent';
import { onboardingConfig } from './mappingConfig/onboarding';
import { roleMappingsConfig } from './mappingConfig/roleMappings';
import { oktaStatus, userConfig } from './mappingConfig/user';
import { DEFAULT_ACTIVE_STATUSES, type MappingConfig, type ResolvedConfig } from './types';

const configShape = objectOf({
	activeStatuses: { check: arrayOf(oktaStatus, { nonEmpty: true }) },
	user: { check: userConfig },
	agent: { check: agentConfig },
	roleMappings: { check: roleMappingsConfig },
	onboarding: { check: onboardingConfig },
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
			...(user.unmatched !== undefined ? { unmatched: user.unmatched } : {}),
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
