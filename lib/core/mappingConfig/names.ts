/**
 * Checks shared by the sections of the mapping configuration: Halo field
 * names, Okta sources (paths and `{{ }}` templates) and field-mapping lists.
 * A name that is also a key of every JavaScript object (`constructor`,
 * `toString`, `__proto__`, `prototype`, ...) is refused wherever it would be
 * used as a key: reading `user.constructor` or indexing a record by it gives
 * the object's machinery, not data (docs/security.md).
 */
import { arrayOf, childPath, objectOf, refine, stringOf, booleanValue } from '../configChecks';
import type { Checker } from '../configChecks';
import { compileSource, parsePath, parseTemplate } from '../template';
import type { TemplatePart } from '../template';

export interface FieldMapping {
	/** Halo field, e.g. "emailaddress", "team", "site_id". */
	halo: string;
	/** Path "profile.email", "id", "status", or template "{{profile.firstName}} {{profile.lastName}}". */
	okta: string;
	/** Set on create only. */
	dontUpdate?: boolean;
	/** Write even when the Okta value is empty (default: skip empty). */
	populateEmpty?: boolean;
}

/** True for `prototype` and every key an empty object already has (`constructor`, `toString`, `__proto__`, ...). */
export function isReservedKey(key: string | number): boolean {
	return typeof key === 'string' && (key === 'prototype' || key in Object.prototype);
}

const reservedMessage = (name: string) =>
	`uses "${name}", a name every JavaScript object has; it cannot name a field`;

const HALO_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

const notReserved: Checker = (value, path, issues) => {
	if (isReservedKey(value as string))
		issues.push({ path, message: reservedMessage(value as string) });
};

/** A Halo field name (letters, digits, _), not a reserved key. */
export const haloFieldName: Checker = refine(
	stringOf({ pattern: HALO_FIELD, expected: 'a Halo field name (letters, digits, _)' }),
	notReserved,
);

function reservedIn(parts: readonly TemplatePart[]): string | undefined {
	for (const part of parts)
		if ('path' in part) for (const key of part.path) if (isReservedKey(key)) return String(key);
	return undefined;
}

/** A mapping's `okta` source: an Okta path or a `{{ }}` template, no segment a reserved key. */
export const oktaSource: Checker = refine(stringOf(), (value, path, issues) => {
	const compiled = compileSource(value as string);
	if ('error' in compiled) issues.push({ path, message: compiled.error });
	else {
		const reserved = reservedIn(compiled.kind === 'path' ? [compiled] : compiled.parts);
		if (reserved) issues.push({ path, message: reservedMessage(reserved) });
	}
});

/** A plain Okta path (`profile.department`, `status`), no segment a reserved key. */
export const oktaPath: Checker = refine(stringOf({ nonEmpty: true }), (value, path, issues) => {
	const keys = parsePath(value as string);
	if (!keys) issues.push({ path, message: `is not an Okta path like "profile.department"` });
	else {
		const reserved = reservedIn([{ path: keys }]);
		if (reserved) issues.push({ path, message: reservedMessage(reserved) });
	}
});

/** Free text where `{{ path }}` placeholders are optional (ticket summary and details). */
export const textWithPlaceholders: Checker = refine(stringOf(), (value, path, issues) => {
	const parsed = parseTemplate(value as string);
	if ('error' in parsed) issues.push({ path, message: parsed.error });
	else {
		const reserved = reservedIn(parsed.parts);
		if (reserved) issues.push({ path, message: reservedMessage(reserved) });
	}
});

const fieldMapping = (managedFields: readonly string[]): Checker =>
	refine(
		objectOf({
			halo: { required: true, check: haloFieldName },
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
export const fieldList = (managedFields: readonly string[]): Checker =>
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

/** Fields the Upsert and role mappings manage themselves; mapping them would fight those nodes. */
export const MANAGED_HALO_FIELDS: readonly string[] = [
	'id',
	'inactive',
	'isdisabled',
	'roles',
	'teams',
];

/** Halo fields tried in order to find an existing person. */
export const matchOnList: Checker = arrayOf(refine(stringOf({ nonEmpty: true }), notReserved), {
	nonEmpty: true,
});
