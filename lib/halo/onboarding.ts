/**
 * "Create Onboarding Ticket" without n8n: read the existing tickets of each
 * ticket type once (one ticket per person ever), find each user's client and
 * site, and log the tickets in batches (`postTickets`).
 */
import {
	OnboardingLedger,
	buildOnboardingTicket,
	cabApprovalMessage,
	indexTicketsByUser,
} from '../core/onboarding';
import type { OnboardingSettings, TicketPlacement } from '../core/onboarding';
import type { UpsertResultItem } from '../core/types';
import { HaloApiError } from './HaloApiError';
import type { HaloClient } from './HaloClient';
import { ticketsOfType } from './lookup';
import { onboardingLock, onboardingLockKey } from './personLock';
import { postTickets } from './postTickets';
import type { TicketJob } from './postTickets';

/** An item that wants a ticket (the node has already skipped the others). */
export interface OnboardingRequest {
	/** Input position. */
	index: number;
	item: Partial<UpsertResultItem>;
	settings: OnboardingSettings;
}

export type OnboardingOutcome =
	{ ticket: { id: number; summary: string } } | { skipped: string } | { error: Error };

export interface OnboardingOptions {
	/** Tickets per POST. */
	batchSize: number;
	/** A refused batch is split and the rest go on; otherwise posting stops at the first refusal. */
	continueOnError: boolean;
}

/** Outcome per input position of `requests` (posting stopped early: the rest have none). */
export async function runOnboarding(
	client: HaloClient,
	requests: readonly OnboardingRequest[],
	options: OnboardingOptions,
): Promise<Map<number, OnboardingOutcome>> {
	const outcomes = new Map<number, OnboardingOutcome>();
	// Held from the check for an existing ticket until the new one is logged (docs/concurrency.md):
	// an overlapping execution for the same person waits, then finds this ticket.
	const keys = requests.map((entry) =>
		onboardingLockKey(client.baseUrl, entry.settings.ticketTypeId, entry.item.haloId as number),
	);
	const failure = await onboardingLock
		.run(keys, async () => await ticketsFor(client, requests, options, outcomes))
		.then(
			() => undefined,
			(error: unknown) => (error instanceof Error ? error : new Error(String(error))),
		);
	if (failure && !options.continueOnError) throw failure;
	// Who was already skipped or served keeps that; everyone else gets the error.
	if (failure)
		for (const { index } of requests)
			if (!outcomes.has(index)) outcomes.set(index, { error: failure });
	return outcomes;
}

async function ticketsFor(
	client: HaloClient,
	requests: readonly OnboardingRequest[],
	options: OnboardingOptions,
	outcomes: Map<number, OnboardingOutcome>,
): Promise<void> {
	const jobs = await ticketJobs(client, requests, outcomes);
	const typeNames = lazy(
		async () =>
			new Map((await client.listTicketTypes()).map((t) => [Number(t.id), String(t.name ?? '')])),
	);
	const results = await postTickets(client, jobs, {
		batchSize: options.batchSize,
		continueOnError: options.continueOnError,
		cabRefusal: async (id) =>
			new HaloApiError(
				400,
				undefined,
				'POST /api/Tickets',
				cabApprovalMessage({ id, name: (await typeNames().catch(() => undefined))?.get(id) }),
			),
	});
	for (const [index, result] of results) {
		outcomes.set(
			index,
			result.error
				? { error: result.error }
				: { ticket: { id: Number(result.saved.id), summary: result.saved.summary as string } },
		);
	}
}

/**
 * The existing tickets of each ticket type, read right before posting (under the onboarding
 * lock): per person for a small run, else every page once (lib/halo/lookup.ts). People who
 * have one, or repeat in this run, are skipped.
 */
async function ticketJobs(
	client: HaloClient,
	requests: readonly OnboardingRequest[],
	outcomes: Map<number, OnboardingOutcome>,
): Promise<TicketJob[]> {
	const ledgers = new Map<number, OnboardingLedger>();
	const claimed: OnboardingRequest[] = [];
	for (const entry of requests) {
		const typeId = entry.settings.ticketTypeId;
		let ledger = ledgers.get(typeId);
		if (!ledger) {
			const people = requests
				.filter((other) => other.settings.ticketTypeId === typeId)
				.map((other) => other.item.haloId as number);
			ledger = new OnboardingLedger(
				indexTicketsByUser(await ticketsOfType(client, typeId, people)),
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

function positive(value: unknown): number | undefined {
	const n = Number(value);
	return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Runs `load` at most once, on first use. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
	let promise: Promise<T> | undefined;
	return () => (promise ??= load());
}
