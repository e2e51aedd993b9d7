import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { haloLoadOptions, withNameValues, withNoneOption } from '../../lib/n8n/halo';
import { properties } from './description';
import { mapToHalo } from './map';

export class MapToHalo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Map to Halo',
		name: 'mapToHalo',
		icon: { light: 'file:halo.svg', dark: 'file:halo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "Okta user → Halo " + $parameter["target"] }}',
		description:
			'Turns Okta users into Halo user or agent records: field mappings, site rules, team, active flag',
		defaults: { name: 'Map to Halo' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		// Only for the site/user role/team dropdowns and agent team names; plain user mapping needs no Halo call.
		credentials: [{ name: 'haloApi', required: false }],
		properties,
	};

	methods = {
		loadOptions: {
			getHaloSites: haloLoadOptions.getHaloSites,
			getHaloSiteChoices: withNoneOption(haloLoadOptions.getHaloSites),
			getHaloUserRoleChoices: withNoneOption(haloLoadOptions.getHaloUserRoles),
			// Agents' default team is saved by NAME (MappingConfig agent.defaultTeam).
			getHaloTeams: withNoneOption(withNameValues(haloLoadOptions.getHaloTeams)),
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return mapToHalo(this);
	}
}
