/**
 * Create Onboarding Ticket in n8n: decide per item (only created users), read
 * each item's settings, run `runOnboarding` (lib/halo/onboarding.ts), and
 * shape the output.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { onboardingSkipReason } from '../../lib/core/onboarding';
import type { OnboardingSettings } from '../../lib/core/onboarding';
import type { UpsertResultItem } from '../../lib/core/types';
import { failedItem } from '../../lib/halo/failedItem';
import { runOnboarding } from '../../lib/halo/onboarding';
import type { OnboardingOutcome, OnboardingRequest } from '../../lib/halo/onboarding';
import { errorText, haloClientFor, haloNodeError } from '../../lib/n8n/halo';
import { readMappingConfig } from '../../lib/n8n/mappingConfig';

export async function createOnboardingTickets(
	context: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const outcomes = new Map<number, OnboardingOutcome>();
	const fail = (index: number, error: unknown) => {
		const nodeError = haloNodeError(context.getNode(), error, index);
		if (!continueOnFail) throw nodeError;
		outcomes.set(index, { error: nodeError });
	};

	const wanted: OnboardingRequest[] = [];
	items.forEach((entry, index) => {
		try {
			const item = entry.json as Partial<UpsertResultItem>;
			const reason = onboardingSkipReason(
				item,
				context.getNodeParameter('onlyCreated', index, true) as boolean,
			);
			if (reason) outcomes.set(index, { skipped: reason });
			else wanted.push({ index, item, settings: readSettings(context, index) });
		} catch (error) {
			fail(index, error);
		}
	});

	if (wanted.length > 0) {
		try {
			const client = await haloClientFor(context);
			const results = await runOnboarding(client, wanted, {
				batchSize: context.getNodeParameter('options.batchSize', 0, 50) as number,
				continueOnError: continueOnFail,
			});
			for (const [index, result] of results) {
				if ('error' in result) fail(index, result.error);
				else outcomes.set(index, result);
			}
		} catch (error) {
			if (!continueOnFail) throw haloNodeError(context.getNode(), error);
			for (const { index } of wanted) if (!outcomes.has(index)) fail(index, error);
		}
	}

	return [
		items.map((entry, index) => ({
			json: outputOf(entry.json, outcomes.get(index)),
			pairedItem: { item: index },
		})),
	];
}

function readSettings(context: IExecuteFunctions, index: number): OnboardingSettings {
	const settings = readMappingConfig(context, index, readUiOnboarding).onboarding;
	if (!settings) {
		throw new NodeOperationError(
			context.getNode(),
			'The mapping configuration has no "onboarding" section: set onboarding.ticketTypeId (and optionally templateId, summary, details, fields).',
			{
				itemIndex: index,
			},
		);
	}
	return settings;
}

/** The UI fields as a MappingConfig fragment; the validator judges the values. */
function readUiOnboarding(context: IExecuteFunctions, index: number): IDataObject {
	const param = (name: string, fallback: unknown) =>
		context.getNodeParameter(name, index, fallback);
	const onboarding: IDataObject = { ticketTypeId: numberish(param('ticketTypeId', '')) };
	const templateId = param('templateId', '');
	if (templateId !== '' && templateId !== 0 && templateId !== '0')
		onboarding.templateId = numberish(templateId);
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
	return { onboarding };
}

function outputOf(json: IDataObject, outcome: OnboardingOutcome | undefined): IDataObject {
	if (!outcome) return { ...json };
	if ('ticket' in outcome) return { ...json, ticketId: outcome.ticket.id, ticket: outcome.ticket };
	if ('skipped' in outcome) return { ...json, skipped: outcome.skipped };
	return failedItem(json, errorText(outcome.error));
}

function numberish(value: unknown): IDataObject[string] {
	return typeof value === 'string' && /^\s*\d+\s*$/.test(value)
		? Number(value)
		: (value as IDataObject[string]);
}

