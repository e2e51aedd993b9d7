/**
 * The mapping configuration inside n8n: read from the node's editor fields or
 * from JSON (`configSource` / `configJson`, docs/mapping-config.md), validated
 * by the core with errors naming the bad path, before any write. Each
 * section's editor fields and reader: lib/n8n/mappingConfig/<section>.ts.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import { ConfigError, formatIssue } from '../../core/ConfigError';
import { validateMappingConfig } from '../../core/config';
import { DEFAULT_ACTIVE_STATUSES } from '../../core/types';
import type { MappingConfig } from '../../core/types';
import { readUiAgent } from './agent';
import { readUiUser } from './user';
import { STATUS_OPTIONS, mergeDisplay, uiOnly } from './uiValues';

export type UiConfigReader = (context: IExecuteFunctions, itemIndex: number) => unknown;

/**
 * The validated MappingConfig of this node. A bad configuration raises a
 * NodeOperationError naming every bad path (e.g. `user.siteRules[2].siteId must
 * be a number`); nodes call this before their first Halo write.
 */
export function readMappingConfig(
	context: IExecuteFunctions,
	itemIndex: number,
	fromUi: UiConfigReader,
): MappingConfig {
	const source = context.getNodeParameter('configSource', itemIndex, 'ui') as string;
	const origin =
		source === 'json' ? 'the Configuration (JSON) parameter' : "the node's mapping fields";
	let failure: unknown;
	try {
		const raw =
			source === 'json'
				? context.getNodeParameter('configJson', itemIndex, '{}')
				: fromUi(context, itemIndex);
		return validateMappingConfig(raw);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof ConfigError) raiseConfigError(context, failure, origin, itemIndex);
	throw failure;
}

function raiseConfigError(
	context: IExecuteFunctions,
	error: ConfigError,
	origin: string,
	itemIndex: number,
): never {
	throw new NodeOperationError(
		context.getNode(),
		`Invalid mapping configuration in ${origin}: ${error.issues.map(formatIssue).join('; ')}`,
		{
			description: error.issues.map((issue) => `• ${formatIssue(issue)}`).join('\n'),
			itemIndex,
		},
	);
}

/** The `activeStatuses`, `user` and `agent` sections the editor's fields describe (whichever of them the node has). */
export function readUiMappingConfig(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const config: IDataObject = {};
	const statuses = context.getNodeParameter('activeStatuses', itemIndex, []) as string[];
	if (statuses.length > 0) config.activeStatuses = statuses;
	const user = readUiUser(context, itemIndex);
	if (user) config.user = user;
	const agent = readUiAgent(context, itemIndex);
	if (agent) config.agent = agent;
	return config;
}

export function configSourceProperties(displayOptions?: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Configuration Source',
			name: 'configSource',
			type: 'options',
			options: [
				{ name: 'Fields Below', value: 'ui', description: 'Build the mappings in this node' },
				{
					name: 'JSON',
					value: 'json',
					description:
						'A mapping configuration object, e.g. from a file, a Set node or a variable, shared across workflows',
				},
			],
			default: 'ui',
			displayOptions,
		},
		{
			displayName: 'Configuration (JSON)',
			name: 'configJson',
			type: 'json',
			default: '{\n  "user": { "siteRules": [], "defaultSiteId": 1 }\n}',
			description:
				'A mapping configuration (see the package README): activeStatuses, user, agent, roleMappings, onboarding',
			displayOptions: mergeDisplay(displayOptions, { show: { configSource: ['json'] } }),
		},
	];
}

/** Okta statuses that count as active; other statuses deactivate the Halo record. */
export function activeStatusesProperty(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Active Okta Statuses',
		name: 'activeStatuses',
		type: 'multiOptions',
		options: STATUS_OPTIONS,
		default: [...DEFAULT_ACTIVE_STATUSES],
		description: 'Users with any other status are deactivated in Halo (and never created)',
		displayOptions: uiOnly(displayOptions),
	};
}
