/**
 * The `user` section in the editor (docs/mapping-config.md): its fields
 * (field mappings, site rules with their filters, default site and role,
 * unmatched users, match fields) and the reader that turns them into the
 * section. Its type and validation: lib/core/mappingConfig/user.ts.
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import type { FilterOp } from '../../core/mappingConfig/user';
import type { Filter, OktaStatus, SiteRule } from '../../core/types';
import { fieldMappingsFromUi } from './targetFields';
import { STATUS_OPTIONS, listFromUi, setNumber, toNumberish, uiOnly } from './uiValues';

const FILTER_OP_OPTIONS: Array<{ name: string; value: FilterOp }> = [
	{ name: 'Equals', value: 'eq' },
	{ name: 'Does Not Equal', value: 'ne' },
	{ name: 'Contains', value: 'contains' },
	{ name: 'Starts With', value: 'startsWith' },
	{ name: 'Ends With', value: 'endsWith' },
	{ name: 'Is One Of', value: 'in' },
	{ name: 'Exists', value: 'exists' },
	{ name: 'Does Not Exist', value: 'notExists' },
];

/** The `user` section the editor's fields describe; undefined when none is set. */
export function readUiUser(context: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const param = <T>(name: string, fallback: T): T =>
		context.getNodeParameter(name, itemIndex, fallback) as T;
	const user: IDataObject = {};
	const userFields = fieldMappingsFromUi(param<IDataObject>('userFields', {}));
	if (userFields.length > 0) user.fields = userFields;
	const siteRules = siteRulesFromUi(param<IDataObject>('siteRules', {}));
	if (siteRules.length > 0) user.siteRules = siteRules;
	setNumber(user, 'defaultSiteId', param<unknown>('defaultSiteId', ''));
	setNumber(user, 'defaultUserRoleId', param<unknown>('defaultUserRoleId', ''));
	const userMatchOn = listFromUi(param<unknown>('userMatchOn', ''));
	if (userMatchOn.length > 0) user.matchOn = userMatchOn;
	const unmatched = param<unknown>('userUnmatched', 'defaultSite');
	// The default choice stays unset, so configurations from before the field read the same.
	if (unmatched !== 'defaultSite' && unmatched !== '' && unmatched !== undefined)
		user.unmatched = unmatched as IDataObject[string];
	return Object.keys(user).length > 0 ? user : undefined;
}

/** `{ rule: [{ matchBy, group, appId, siteId, statuses, filters, userRoleId, newUsersOnly }] }` → SiteRule[] (numbers kept as given, for the validator). */
export function siteRulesFromUi(value: IDataObject): SiteRule[] {
	const rows = (value?.rule ?? []) as IDataObject[];
	return rows.map((row) => {
		const rule = { siteId: toNumberish(row.siteId) } as unknown as SiteRule & IDataObject;
		if (row.matchBy === 'app') rule.appId = String(row.appId ?? '').trim();
		else rule.group = String(row.group ?? '').trim();
		const statuses = (row.statuses ?? []) as OktaStatus[];
		if (statuses.length > 0) rule.statuses = statuses;
		const filters = filtersFromUi(row.filters as IDataObject | undefined);
		if (filters.length > 0) rule.filters = filters;
		setNumber(rule, 'userRoleId', row.userRoleId);
		if (row.newUsersOnly === true) rule.newUsersOnly = true;
		return rule;
	});
}

/** `{ filter: [{ field, op, value }] }` → Filter[]: "Is One Of" takes comma-separated values; "Exists" none. */
export function filtersFromUi(value: IDataObject | undefined): Filter[] {
	const rows = (value?.filter ?? []) as IDataObject[];
	return rows.map((row) => {
		const field = String(row.field ?? '').trim();
		const op = row.op as FilterOp;
		if (op === 'exists' || op === 'notExists') return { field, op };
		if (op === 'in') return { field, op, value: listFromUi(row.value) };
		return { field, op, value: String(row.value ?? '') } as Filter;
	});
}

/**
 * Site rules (Halo's "Site/Agent Mappings"), the default site and the default
 * user role. Dropdowns: the node provides `getHaloSites`, `getHaloSiteChoices`
 * and `getHaloUserRoleChoices` (lib/n8n/halo, the last two with "- None -").
 */
export function siteRulesProperties(displayOptions?: IDisplayOptions): INodeProperties[] {
	const show = uiOnly(displayOptions);
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
							displayName: 'Only for Users Matching',
							name: 'filters',
							type: 'fixedCollection',
							typeOptions: { multipleValues: true },
							placeholder: 'Add Filter',
							default: {},
							description:
								'Apply the rule only to users matching all of these Okta attribute conditions (text compared regardless of case)',
							options: [
								{
									displayName: 'Filter',
									name: 'filter',
									values: [
										{
											displayName: 'Okta Attribute',
											name: 'field',
											type: 'string',
											default: '',
											placeholder: 'profile.department',
											description:
												'An Okta path such as profile.department, profile.userType or status',
										},
										{
											displayName: 'Condition',
											name: 'op',
											type: 'options',
											options: FILTER_OP_OPTIONS,
											default: 'eq',
										},
										{
											displayName: 'Value',
											name: 'value',
											type: 'string',
											default: '',
											description: 'For "Is One Of": the values, comma-separated',
											displayOptions: { hide: { op: ['exists', 'notExists'] } },
										},
									],
								},
							],
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
			displayName: 'Users No Rule Matches',
			name: 'userUnmatched',
			type: 'options',
			options: [
				{
					name: 'Put in the Default Site',
					value: 'defaultSite',
					description: 'Created and updated with the default site below',
				},
				{
					name: 'Skip',
					value: 'skip',
					description:
						"Neither created nor updated, as Halo's own integration does (leavers are still deactivated)",
				},
			],
			default: 'defaultSite',
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
