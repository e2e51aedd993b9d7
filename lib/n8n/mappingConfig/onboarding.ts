/**
 * The `onboarding` section in the editor (docs/mapping-config.md): ticket
 * type, template, summary, details, ticket fields, the Okta-age limit, and the
 * reader that turns them into the section. Its type and validation:
 * lib/core/mappingConfig/onboarding.ts.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_ONBOARDING_DETAILS, DEFAULT_ONBOARDING_SUMMARY } from '../../core/onboarding';
import { setNumber, toNumberish, uiOnly } from './uiValues';

/** Dropdowns come from the node's `getHaloTicketTypes` and `getTemplatesOfType`. */
export function onboardingProperties(): INodeProperties[] {
	const show = uiOnly();
	return [
		{
			displayName: 'Ticket Type Name or ID',
			name: 'ticketTypeId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getHaloTicketTypes' },
			default: '',
			required: true,
			description:
				'Type of the onboarding ticket; one without CAB approval. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: show,
		},
		{
			displayName: 'Template Name or ID',
			name: 'templateId',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getTemplatesOfType',
				loadOptionsDependsOn: ['ticketTypeId'],
			},
			default: '',
			description:
				'Ticket template (optional). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: show,
		},
		{
			displayName: 'Summary',
			name: 'summary',
			type: 'string',
			default: DEFAULT_ONBOARDING_SUMMARY,
			description:
				'Text with {{ path }} placeholders over the item, e.g. {{record.name}}, {{okta.profile.department}}',
			displayOptions: show,
		},
		{
			displayName: 'Details',
			name: 'details',
			type: 'string',
			typeOptions: { rows: 4 },
			default: DEFAULT_ONBOARDING_DETAILS,
			description: 'Text with {{ path }} placeholders over the item',
			displayOptions: show,
		},
		{
			displayName: 'Ticket Field Mappings',
			name: 'ticketFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Ticket Field',
			default: {},
			description:
				'Ticket fields filled from the person; custom fields by name (CFStartDate) or by ID (customfield_12)',
			displayOptions: show,
			options: [
				{
					displayName: 'Field',
					name: 'mapping',
					values: [
						{
							displayName: 'Source Path or Template',
							name: 'okta',
							type: 'string',
							default: '',
							placeholder: 'okta.profile.department',
							description:
								'A path in the item (record.emailaddress, okta.profile.startDate, or just profile.startDate) or a {{ }} template',
						},
						{
							displayName: 'Ticket Field',
							name: 'halo',
							type: 'string',
							default: '',
							placeholder: 'CFStartDate',
							description:
								'A Halo ticket field (category_1, priority_id, …), a custom field name (CF…), or customfield_ID',
						},
						{
							displayName: 'Write Empty Values',
							name: 'populateEmpty',
							type: 'boolean',
							default: false,
							description: 'Whether to send the field even when the value is empty',
						},
					],
				},
			],
		},
		{
			displayName: 'Only People Created Within (Days)',
			name: 'createdWithinDays',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'Log tickets only for people created in Okta within this many days (0: anyone), so a first import of an existing directory opens none',
			displayOptions: show,
		},
	];
}

/** The UI fields as a MappingConfig fragment; the validator judges the values. */
export function readUiOnboarding(context: IExecuteFunctions, index: number): IDataObject {
	const param = (name: string, fallback: unknown) =>
		context.getNodeParameter(name, index, fallback);
	const onboarding: IDataObject = { ticketTypeId: toNumberish(param('ticketTypeId', '')) };
	setNumber(onboarding, 'templateId', param('templateId', ''));
	for (const name of ['summary', 'details']) {
		const text = String(param(name, '') ?? '');
		if (text.trim() !== '') onboarding[name] = text;
	}
	const rows = (param('ticketFields.mapping', []) as IDataObject[]) ?? [];
	if (rows.length > 0) {
		onboarding.fields = rows.map((row) => {
			const field: IDataObject = {
				halo: String(row.halo ?? '').trim(),
				okta: String(row.okta ?? '').trim(),
			};
			if (row.populateEmpty === true) field.populateEmpty = true;
			return field;
		});
	}
	setNumber(onboarding, 'createdWithinDays', param('createdWithinDays', 0));
	return { onboarding };
}
