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
import { readUiOnboarding } from '../../lib/n8n/mappingConfig/onboarding';
import { readMappingConfig } from '../../lib/n8n/mappingConfig/read';

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
			const onlyCreated = context.getNodeParameter('onlyCreated', index, true) as boolean;
			// Settings are read only for items that may get a ticket (a skipped run needs none).
			let reason = onboardingSkipReason(item, onlyCreated);
			const settings = reason ? undefined : readSettings(context, index);
			if (settings?.createdWithinDays !== undefined)
				reason = onboardingSkipReason(item, onlyCreated, settings);
			if (reason) outcomes.set(index, { skipped: reason });
			else wanted.push({ index, item, settings: settings! });
		} catch (error) {
			fail(index, error);
		}
	});

	// Items of a dry-run Upsert (`dryRun: true`) get no ticket: this run only says what it would post.
	const dryRun = items.some((item) => item.json.dryRun === true);
	if (wanted.length > 0) {
		try {
			const client = await haloClientFor(context, { dryRun });
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
			json: dryRun
				? dryRunOutputOf(entry.json, outcomes.get(index))
				: outputOf(entry.json, outcomes.get(index)),
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

/** In a dry run: the ticket it would post (no id), and `dryRun: true`. */
function dryRunOutputOf(json: IDataObject, outcome: OnboardingOutcome | undefined): IDataObject {
	if (outcome && 'ticket' in outcome) {
		const ticket: IDataObject = { ...(outcome.ticket as unknown as IDataObject) };
		delete ticket.id;
		return { ...json, dryRun: true, wouldCreateTicket: ticket };
	}
	return { ...outputOf(json, outcome), dryRun: true };
}

function outputOf(json: IDataObject, outcome: OnboardingOutcome | undefined): IDataObject {
	if (!outcome) return { ...json };
	if ('ticket' in outcome) return { ...json, ticketId: outcome.ticket.id, ticket: outcome.ticket };
	if ('skipped' in outcome) return { ...json, skipped: outcome.skipped };
	return failedItem(json, errorText(outcome.error));
}
