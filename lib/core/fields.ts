/** Default field mappings (Halo's pre-set ones), merging custom mappings over them, and reading a mapped value. */
import { readSource } from './template';
import type { FieldMapping, OktaUser, Target } from './types';
import { isEmptyValue, toText } from './values';

const NAME_TEMPLATE = '{{profile.firstName}} {{profile.lastName}}';

export const DEFAULT_USER_FIELDS: readonly FieldMapping[] = Object.freeze([
	{ halo: 'firstname', okta: 'profile.firstName' },
	{ halo: 'surname', okta: 'profile.lastName' },
	{ halo: 'name', okta: NAME_TEMPLATE },
	{ halo: 'emailaddress', okta: 'profile.email' },
	{ halo: 'login', okta: 'profile.login' },
	{ halo: 'phonenumber', okta: 'profile.primaryPhone' },
	{ halo: 'mobilenumber', okta: 'profile.mobilePhone' },
	{ halo: 'title', okta: 'profile.title' },
	{ halo: 'oktaid', okta: 'id' },
]);

export const DEFAULT_AGENT_FIELDS: readonly FieldMapping[] = Object.freeze([
	{ halo: 'firstname', okta: 'profile.firstName' },
	{ halo: 'surname', okta: 'profile.lastName' },
	{ halo: 'name', okta: NAME_TEMPLATE },
	{ halo: 'email', okta: 'profile.email' },
	{ halo: 'jobtitle', okta: 'profile.title' },
	{ halo: 'sms', okta: 'profile.mobilePhone' },
	{ halo: 'oktaid', okta: 'id' },
]);

export const DEFAULT_MATCH_ON: Readonly<Record<Target, readonly string[]>> = Object.freeze({
	user: Object.freeze(['oktaid', 'emailaddress']),
	agent: Object.freeze(['oktaid', 'email']),
});

/** The Halo field holding the person's email, per target (for warnings and matching). */
export const EMAIL_FIELD: Readonly<Record<Target, string>> = Object.freeze({
	user: 'emailaddress',
	agent: 'email',
});

/** Custom mappings are added to the defaults; one with the same `halo` field replaces the default in place. */
export function mergeFieldMappings(
	defaults: readonly FieldMapping[],
	custom: readonly FieldMapping[] = [],
): FieldMapping[] {
	const byHalo = new Map(custom.map((mapping) => [mapping.halo, mapping]));
	const merged = defaults.map((mapping) => ({ ...(byHalo.get(mapping.halo) ?? mapping) }));
	const defaultNames = new Set(defaults.map((mapping) => mapping.halo));
	for (const mapping of custom) if (!defaultNames.has(mapping.halo)) merged.push({ ...mapping });
	return merged;
}

export type HaloFieldValue = string | number | boolean;

/**
 * The value a mapping gives for this user, ready for Halo: strings trimmed,
 * numbers and booleans kept, lists and objects as text; undefined when empty.
 */
export function readFieldValue(user: OktaUser, source: string): HaloFieldValue | undefined {
	const raw = readSource(user, source);
	if (isEmptyValue(raw)) return undefined;
	if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
	const text = toText(raw).trim();
	return text === '' ? undefined : text;
}
