/**
 * The `roleMappings` section of the mapping configuration
 * (docs/mapping-config.md): its type and its validation. The editor's fields
 * for it are in lib/n8n/mappingConfig/roleMappings.ts.
 */
import { arrayOf, objectOf, refine, stringOf, wholeNumber } from '../configChecks';
import type { Checker } from '../configChecks';

/** Halo's "Advanced" tab: members of an Okta group get these. */
export interface RoleMapping {
	/** Okta group name (or id). */
	group: string;
	/** A GUID. */
	agentRoleId?: string;
	cabId?: number;
	userRoleId?: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const roleMapping: Checker = refine(
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

export const roleMappingsConfig: Checker = arrayOf(roleMapping);
