/**
 * The `agent` section of the mapping configuration (docs/mapping-config.md):
 * its type and its validation. The editor's fields for it are in
 * lib/n8n/mappingConfig/agent.ts.
 */
import { booleanValue, objectOf, stringOf } from '../configChecks';
import type { Checker } from '../configChecks';
import { MANAGED_HALO_FIELDS, fieldList, matchOnList } from './names';
import type { FieldMapping } from './names';

/** Halo's three permissions for an agent's default team. */
export interface TeamAccess {
	canBeAssigned: boolean;
	seeUnassigned: boolean;
	seeOthers: boolean;
}

export interface AgentConfig {
	fields?: FieldMapping[];
	matchOn?: string[];
	teamAccess?: TeamAccess;
	/** Halo team NAME for agents whose `team` mapping gives no Halo team. */
	defaultTeam?: string;
}

export const agentConfig: Checker = objectOf({
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
});
