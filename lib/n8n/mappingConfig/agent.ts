/**
 * The `agent` section in the editor (docs/mapping-config.md): its fields
 * (field mappings, default team and its access, match fields) and the reader
 * that turns them into the section. Its type and validation:
 * lib/core/mappingConfig/agent.ts.
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import { fieldMappingsFromUi } from './targetFields';
import { listFromUi, uiOnly } from './uiValues';

/** The `agent` section the editor's fields describe; undefined when none is set. */
export function readUiAgent(
	context: IExecuteFunctions,
	itemIndex: number,
): IDataObject | undefined {
	const param = <T>(name: string, fallback: T): T =>
		context.getNodeParameter(name, itemIndex, fallback) as T;
	const agent: IDataObject = {};
	const agentFields = fieldMappingsFromUi(param<IDataObject>('agentFields', {}));
	if (agentFields.length > 0) agent.fields = agentFields;
	const agentMatchOn = listFromUi(param<unknown>('agentMatchOn', ''));
	if (agentMatchOn.length > 0) agent.matchOn = agentMatchOn;
	const teamAccess = param<IDataObject>('teamAccess', {});
	if (Object.keys(teamAccess).length > 0) {
		agent.teamAccess = { canBeAssigned: true, seeUnassigned: true, seeOthers: true, ...teamAccess };
	}
	const defaultTeam = String(param<unknown>('agentDefaultTeam', '') ?? '').trim();
	if (defaultTeam !== '') agent.defaultTeam = defaultTeam;
	return Object.keys(agent).length > 0 ? agent : undefined;
}

/** Halo's three permissions for an agent's default team. */
export function teamAccessProperty(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Default Team Access',
		name: 'teamAccess',
		type: 'collection',
		placeholder: 'Change Access',
		default: {},
		description:
			'What an agent may do in the default team set by a "team" mapping (all on unless changed)',
		displayOptions: uiOnly(displayOptions),
		options: [
			{
				displayName: 'Can Be Assigned',
				name: 'canBeAssigned',
				type: 'boolean',
				default: true,
				description: 'Whether the agent can be assigned tickets of the team',
			},
			{
				displayName: 'Sees Unassigned Tickets',
				name: 'seeUnassigned',
				type: 'boolean',
				default: true,
				description: "Whether the agent sees the team's unassigned tickets",
			},
			{
				displayName: "Sees Other Agents' Tickets",
				name: 'seeOthers',
				type: 'boolean',
				default: true,
				description: 'Whether the agent sees tickets assigned to other agents in the team',
			},
		],
	};
}

/** `agent.defaultTeam`: a Halo team NAME for agents whose `team` mapping gives no Halo team (the node registers `getHaloTeams` with names as values). */
export function defaultTeamProperty(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Default Team Name or ID',
		name: 'agentDefaultTeam',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getHaloTeams' },
		default: '',
		description:
			'Halo team (by name) for agents whose "team" mapping matches no Halo team, or who have no team mapping (optional). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: uiOnly(displayOptions),
	};
}
