/**
 * The mapping configuration inside n8n: read from the node's UI fields or from
 * JSON (`configSource` / `configJson`, DESIGN.md), validated by the core with
 * errors naming the bad path, before any write. Also the UI property builders
 * the nodes share, so every node edits the same configuration the same way.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import { ConfigError, formatIssue } from '../core/ConfigError';
import { validateMappingConfig } from '../core/config';
import { DEFAULT_ACTIVE_STATUSES, OKTA_STATUSES } from '../core/types';
import type { FieldMapping, MappingConfig, OktaStatus, SiteRule, Target } from '../core/types';

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

// ---- Reading the UI fields ------------------------------------------------------------------------

const CUSTOM = '__custom';

/** The MappingConfig the shared UI fields describe (whichever of them the node has). */
export function readUiMappingConfig(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const param = <T>(name: string, fallback: T): T =>
		context.getNodeParameter(name, itemIndex, fallback) as T;
	const config: IDataObject = {};
	const statuses = param<string[]>('activeStatuses', []);
	if (statuses.length > 0) config.activeStatuses = statuses;

	const user: IDataObject = {};
	const userFields = fieldMappingsFromUi(param<IDataObject>('userFields', {}));
	if (userFields.length > 0) user.fields = userFields;
	const siteRules = siteRulesFromUi(param<IDataObject>('siteRules', {}));
	if (siteRules.length > 0) user.siteRules = siteRules;
	setNumber(user, 'defaultSiteId', param<unknown>('defaultSiteId', ''));
	setNumber(user, 'defaultUserRoleId', param<unknown>('defaultUserRoleId', ''));
	const userMatchOn = listFromUi(param<unknown>('userMatchOn', ''));
	if (userMatchOn.length > 0) user.matchOn = userMatchOn;
	if (Object.keys(user).length > 0) config.user = user;

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
	if (Object.keys(agent).length > 0) config.agent = agent;
	return config;
}

/** `{ mapping: [{ halo, customHalo, okta, dontUpdate, populateEmpty }] }` → FieldMapping[]. */
export function fieldMappingsFromUi(value: IDataObject): FieldMapping[] {
	const rows = (value?.mapping ?? []) as IDataObject[];
	return rows.map((row) => {
		const halo = row.halo === CUSTOM ? String(row.customHalo ?? '').trim() : String(row.halo ?? '');
		const mapping: FieldMapping = { halo, okta: String(row.okta ?? '').trim() };
		if (row.dontUpdate === true) mapping.dontUpdate = true;
		if (row.populateEmpty === true) mapping.populateEmpty = true;
		return mapping;
	});
}

/** `{ rule: [{ matchBy, group, appId, siteId, statuses, userRoleId, newUsersOnly }] }` → SiteRule[] (numbers kept as given, for the validator). */
export function siteRulesFromUi(value: IDataObject): SiteRule[] {
	const rows = (value?.rule ?? []) as IDataObject[];
	return rows.map((row) => {
		const rule = { siteId: toNumberish(row.siteId) } as SiteRule & IDataObject;
		if (row.matchBy === 'app') rule.appId = String(row.appId ?? '').trim();
		else rule.group = String(row.group ?? '').trim();
		const statuses = (row.statuses ?? []) as OktaStatus[];
		if (statuses.length > 0) rule.statuses = statuses;
		setNumber(rule, 'userRoleId', row.userRoleId);
		if (row.newUsersOnly === true) rule.newUsersOnly = true;
		return rule;
	});
}

/** Comma-separated text or a list → trimmed non-empty strings. */
function listFromUi(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}

/** Empty and 0 ("none") mean unset; anything else is passed on for the validator to judge. */
function setNumber(target: IDataObject, key: string, value: unknown): void {
	if (value === undefined || value === null || value === '' || value === 0 || value === '0') return;
	target[key] = toNumberish(value) as IDataObject[string];
}

function toNumberish(value: unknown): unknown {
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
	return value;
}

// ---- UI property builders -------------------------------------------------------------------------

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

const HALO_FIELDS: Record<Target, Array<[string, string]>> = {
	user: [
		['Name', 'name'],
		['First Name', 'firstname'],
		['Surname', 'surname'],
		['Email', 'emailaddress'],
		['Email 2', 'email2'],
		['Login', 'login'],
		['Phone', 'phonenumber'],
		['Mobile', 'mobilenumber'],
		['Home Phone', 'homenumber'],
		['Job Title', 'title'],
		['Department', 'department'],
		['Site ID', 'site_id'],
		['Manager Email', 'manager_email'],
		['Okta ID', 'oktaid'],
		['Other 1', 'other1'],
		['Other 2', 'other2'],
		['Other 3', 'other3'],
		['Notes', 'notes'],
	],
	agent: [
		['Name', 'name'],
		['First Name', 'firstname'],
		['Surname', 'surname'],
		['Email', 'email'],
		['Job Title', 'jobtitle'],
		['SMS / Mobile', 'sms'],
		['Default Team (By Name)', 'team'],
		['Department', 'department'],
		['Okta ID', 'oktaid'],
		['Initials', 'initials'],
	],
};

/** Field mappings for one target (`userFields` / `agentFields`), added to the defaults of DESIGN.md. */
export function fieldMappingsProperty(
	target: Target,
	displayOptions?: IDisplayOptions,
): INodeProperties {
	return {
		displayName: target === 'user' ? 'User Field Mappings' : 'Agent Field Mappings',
		name: target === 'user' ? 'userFields' : 'agentFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Field Mapping',
		default: {},
		description:
			target === 'user'
				? 'Added to the defaults (name, firstname, surname, emailaddress, login, phonenumber, mobilenumber, title, oktaid); a mapping of the same Halo field replaces its default'
				: 'Added to the defaults (name, firstname, surname, email, jobtitle, sms, oktaid); "team" must hold a Halo team name',
		displayOptions: mergeDisplay(displayOptions, { show: { configSource: ['ui'] } }),
		options: [
			{
				displayName: 'Mapping',
				name: 'mapping',
				values: [
					{
						displayName: 'Halo Field',
						name: 'halo',
						type: 'options',
						options: [
							...HALO_FIELDS[target]
								.map(([name, value]) => ({ name, value }))
								.sort((a, b) => a.name.localeCompare(b.name)),
							{ name: 'Other Halo Field…', value: CUSTOM },
						],
						default: target === 'user' ? 'department' : 'team',
					},
					{
						displayName: 'Halo Field Name',
						name: 'customHalo',
						type: 'string',
						default: '',
						placeholder: 'other4',
						displayOptions: { show: { halo: [CUSTOM] } },
					},
					{
						displayName: 'Okta Attribute or Template',
						name: 'okta',
						type: 'string',
						default: '',
						placeholder: 'profile.department',
						description:
							'A path such as profile.department, ID or status, or a template such as {{profile.firstName}} {{profile.lastName}}',
					},
					{
						displayName: 'Set on Create Only',
						name: 'dontUpdate',
						type: 'boolean',
						default: false,
						description:
							'Whether to write this field only when the record is created, leaving later edits in Halo alone',
					},
					{
						displayName: 'Write Empty Values',
						name: 'populateEmpty',
						type: 'boolean',
						default: false,
						description:
							'Whether to clear the Halo field when the Okta value is empty (by default empty values are skipped)',
					},
				],
			},
		],
	};
}

const STATUS_OPTIONS = OKTA_STATUSES.map((status) => ({
	name: status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, ' '),
	value: status,
}));

/**
 * Site rules (Halo's "Site/Agent Mappings"), the default site and the default
 * user role. Dropdowns: the node provides `getHaloSites`, `getHaloSiteChoices`
 * and `getHaloUserRoleChoices` (lib/n8n/halo, the last two with "- None -").
 */
export function siteRulesProperties(displayOptions?: IDisplayOptions): INodeProperties[] {
	const show = mergeDisplay(displayOptions, { show: { configSource: ['ui'] } });
	return [
		{
			displayName: 'Site Rules',
			name: 'siteRules',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Site Rule',
			default: {},
			description:
				'Which Halo site a user belongs to; the first matching rule wins, then the default site',
			displayOptions: show,
			options: [
				{
					displayName: 'Rule',
					name: 'rule',
					values: [
						{
							displayName: 'Match By',
							name: 'matchBy',
							type: 'options',
							options: [
								{ name: 'Okta Group', value: 'group' },
								{ name: 'Okta App Assignment', value: 'app' },
							],
							default: 'group',
						},
						{
							displayName: 'Okta Group',
							name: 'group',
							type: 'string',
							default: '',
							placeholder: 'Sales',
							description: 'Okta group name or ID',
							displayOptions: { show: { matchBy: ['group'] } },
						},
						{
							displayName: 'Okta App ID',
							name: 'appId',
							type: 'string',
							default: '',
							displayOptions: { show: { matchBy: ['app'] } },
						},
						{
							displayName: 'Halo Site Name or ID',
							name: 'siteId',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getHaloSites' },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Only for Statuses',
							name: 'statuses',
							type: 'multiOptions',
							options: STATUS_OPTIONS,
							default: [],
							description:
								'Apply the rule only to users with these Okta statuses; empty means any status',
						},
						{
							displayName: 'User Role Name or ID',
							name: 'userRoleId',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getHaloUserRoleChoices' },
							default: '',
							description:
								'User role given with this site (optional). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'New Users Only',
							name: 'newUsersOnly',
							type: 'boolean',
							default: false,
							description: 'Whether to set the site only when the user is created',
						},
					],
				},
			],
		},
		{
			displayName: 'Default Site Name or ID',
			name: 'defaultSiteId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getHaloSiteChoices' },
			default: '',
			description:
				'Site for users no rule matches. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: show,
		},
		{
			displayName: 'Default User Role Name or ID',
			name: 'defaultUserRoleId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getHaloUserRoleChoices' },
			default: '',
			description:
				'User role for users no rule gives one (optional). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: show,
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
		displayOptions: mergeDisplay(displayOptions, { show: { configSource: ['ui'] } }),
	};
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
		displayOptions: mergeDisplay(displayOptions, { show: { configSource: ['ui'] } }),
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
		displayOptions: mergeDisplay(displayOptions, { show: { configSource: ['ui'] } }),
	};
}

/** Which Halo fields identify a person (`userMatchOn` / `agentMatchOn`), tried in order. */
export function matchOnProperty(target: Target, displayOptions?: IDisplayOptions): INodeProperties {
	const example = target === 'user' ? 'oktaid, emailaddress' : 'oktaid, email';
	return {
		displayName: target === 'user' ? 'Match Users On' : 'Match Agents On',
		name: target === 'user' ? 'userMatchOn' : 'agentMatchOn',
		type: 'string',
		default: '',
		placeholder: example,
		description: `Comma-separated Halo fields tried in order to find an existing ${target} (text compared case-insensitively); empty means ${example}`,
		displayOptions: mergeDisplay(displayOptions, { show: { configSource: ['ui'] } }),
	};
}

function mergeDisplay(base: IDisplayOptions | undefined, extra: IDisplayOptions): IDisplayOptions {
	return { ...base, show: { ...base?.show, ...extra.show } };
}

/** The "Batch Size" option of the nodes that write to Halo (Halo saves a JSON array per POST). */
export function batchSizeOption(description: string, maxValue = 100): INodeProperties {
	return {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue },
		default: 50,
		description,
	};
}
