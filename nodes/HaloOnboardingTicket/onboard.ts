/**
 * Create Onboarding Ticket, the run: decide per item (only created users, one
 * ticket per person ever), read the existing tickets of each ticket type once,
 * find each user's client and site, log the tickets, and shape the output.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	OnboardingLedger,
	buildOnboardingTicket,
	cabApprovalMessage,
	indexTicketsByUser,
	onboardingSkipReason,
} from '../../lib/core/onboarding';
import type { OnboardingSettings, TicketPlacement } from '../../lib/core/onboarding';
import type { UpsertResultItem } from '../../lib/core/types';
import { HaloApiError } from '../../lib/halo/HaloApiError';
import type { HaloClient } from '../../lib/halo/HaloClient';
import { errorText, haloClientFor, haloNodeError } from '../../lib/n8n/halo';
import { readMappingConfig } from '../../lib/n8n/mappingConfig';
import { postTickets } from './post';
import type { TicketJob } from './post';

type Outcome = { ticket: IDataObject } | { skipped: string } | { error: Error };

interface Wanted {
	index: number;
	item: Partial<UpsertResultItem>;
	settings: OnboardingSettings;
}

export async function createOnboardingTickets(
	context: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const outcomes = new Map<number, Outcome>();
	const fail = (index: number, error: unknown) => {
		const nodeError = haloNodeError(context.getNode(), error, index);
		if (!continueOnFail) throw nodeError;
		outcomes.set(index, { error: nodeError });
	};

	const wanted: Wanted[] = [];
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
			const jobs = await ticketJobs(client, wanted, outcomes);
			const typeNames = lazy(
				async () =>
					new Map(
						(await client.listTicketTypes()).map((t) => [Number(t.id), String(t.name ?? '')]),
					),
			);
			const results = await postTickets(client, jobs, {
				batchSize: context.getNodeParameter('options.batchSize', 0, 50) as number,
				continueOnError: continueOnFail,
				cabRefusal: async (id) =>
					new HaloApiError(
						400,
						undefined,
						'POST /api/Tickets',
						cabApprovalMessage({ id, name: (await typeNames().catch(() => undefined))?.get(id) }),
					),
			});
			for (const [index, result] of results) {
				if (result.error) fail(index, result.error);
				else
					outcomes.set(index, {
						ticket: { id: Number(result.saved.id), summary: result.saved.summary as string },
					});
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

/** Existing tickets read once per ticket type; people who have one, or repeat in this run, are skipped. */
async function ticketJobs(
	client: HaloClient,
	wanted: Wanted[],
	outcomes: Map<number, Outcome>,
): Promise<TicketJob[]> {
	const ledgers = new Map<number, OnboardingLedger>();
	const claimed: Wanted[] = [];
	for (const entry of wanted) {
		const typeId = entry.settings.ticketTypeId;
		let ledger = ledgers.get(typeId);
		if (!ledger) {
			ledger = new OnboardingLedger(
				indexTicketsByUser(await client.listTickets({ ticketTypeId: typeId })),
			);
			ledgers.set(typeId, ledger);
		}
		const reason = ledger.claim(entry.item.haloId as number);
		if (reason) outcomes.set(entry.index, { skipped: reason });
		else claimed.push(entry);
	}
	const placements = await placementsOf(
		client,
		claimed.map((entry) => entry.item),
	);
	return claimed.map((entry) => ({
		index: entry.index,
		ticket: buildOnboardingTicket(
			entry.item,
			entry.settings,
			placements.get(entry.item.haloId as number) ?? {},
		),
	}));
}

/**
 * Each user's client and site. The Upsert item of a created user carries
 * Halo's answer (both); otherwise the site's client comes from one read of the
 * sites, and only a user with no known site is read by id.
 */
async function placementsOf(
	client: HaloClient,
	items: Array<Partial<UpsertResultItem>>,
): Promise<Map<number, TicketPlacement>> {
	const placements = new Map<number, TicketPlacement>();
	const sites = lazy(
		async () =>
			new Map(
				(await client.listSites()).map((site) => [Number(site.id), positive(site.client_id)]),
			),
	);
	for (const item of items) {
		const userId = item.haloId as number;
		let siteId = positive(item.record?.site_id);
		let clientId = positive(item.record?.client_id);
		if (siteId === undefined) {
			// A user that cannot be read gets no placement; Halo then refuses or fills in that one ticket alone.
			const user = await client.get('Users', userId).catch(() => undefined);
			siteId = positive(user?.site_id);
			clientId = positive(user?.client_id);
		}
		if (clientId === undefined && siteId !== undefined) clientId = (await sites()).get(siteId);
		placements.set(userId, { site_id: siteId, client_id: clientId });
	}
	return placements;
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

function outputOf(json: IDataObject, outcome: Outcome | undefined): IDataObject {
	if (!outcome) return { ...json };
	if ('ticket' in outcome) return { ...json, ticketId: outcome.ticket.id, ticket: outcome.ticket };
	if ('skipped' in outcome) return { ...json, skipped: outcome.skipped };
	// The Upsert's `action` stays; the ticket's failure is its own field.
	return { ...json, error: errorText(outcome.error) };
}

function positive(value: unknown): number | undefined {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : undefined;
}

function numberish(value: unknown): IDataObject[string] {
	return typeof value === 'string' && /^\s*\d+\s*$/.test(value)
		? Number(value)
		: (value as IDataObject[string]);
}

/** Runs `load` at most once, on first use. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
	let promise: Promise<T> | undefined;
	return () => (promise ??= load());
}
