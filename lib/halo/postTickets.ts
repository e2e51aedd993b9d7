/**
 * Logging the tickets so that one refusal does not sink a batch. Tickets go in
 * batches per (ticket type, template). Halo saves a batch whole or not at all,
 * so a refused batch is retried: after a CAB-approval refusal, tickets that name
 * no approvers are refused without another call (the type refuses them all)
 * and those that do are posted singly; after any other refusal the batch is
 * halved until the bad ticket stands alone. Without continue-on-fail the first
 * refused batch ends the posting; its tickets carry the error for the caller.
 */
import { carriesApprovers, isCabApprovalRefusal } from '../core/onboarding';
import type { OnboardingTicket } from '../core/onboarding';
import { HaloApiError } from './HaloApiError';
import type { HaloRecord } from '../core/types';
import type { HaloClient } from './HaloClient';
import { chunk } from '../core/chunk';
import { batchSizeOf } from './entities';

export interface TicketJob {
	index: number;
	ticket: OnboardingTicket;
}

export type TicketResult =
	{ saved: HaloRecord; error?: undefined } | { saved?: undefined; error: Error };

export interface PostOptions {
	batchSize: number;
	continueOnError: boolean;
	/** The explained refusal for a ticket type that needs CAB approval. */
	cabRefusal: (ticketTypeId: number) => Promise<Error>;
}

export async function postTickets(
	client: HaloClient,
	jobs: readonly TicketJob[],
	options: PostOptions,
): Promise<Map<number, TicketResult>> {
	const results = new Map<number, TicketResult>();
	const needsCab = new Set<string>();
	let stopped = false;
	const groups = new Map<string, TicketJob[]>();
	for (const job of jobs) {
		const key = `${job.ticket.tickettype_id}/${job.ticket.template_id ?? ''}`;
		groups.set(key, [...(groups.get(key) ?? []), job]);
	}

	const send = async (key: string, batch: TicketJob[]): Promise<void> => {
		if (needsCab.has(key)) {
			const refused = batch.filter((job) => !carriesApprovers(job.ticket));
			for (const job of refused)
				results.set(job.index, { error: await options.cabRefusal(job.ticket.tickettype_id) });
			batch = batch.filter((job) => carriesApprovers(job.ticket));
			if (batch.length === 0) return;
		}
		try {
			const saved = await client.save(
				'Tickets',
				batch.map((job) => job.ticket),
				{ batchSize: batch.length },
			);
			batch.forEach((job, i) => results.set(job.index, { saved: saved[i] }));
		} catch (error) {
			const failure = error instanceof Error ? error : new Error(String(error));
			if (
				error instanceof HaloApiError &&
				isCabApprovalRefusal(error.haloMessage ?? error.message)
			) {
				needsCab.add(key);
				if (options.continueOnError && batch.length > 1) {
					for (const job of batch) await send(key, [job]);
					return;
				}
				const explained = await options.cabRefusal(batch[0].ticket.tickettype_id);
				for (const job of batch) results.set(job.index, { error: explained });
				stopped = !options.continueOnError;
				return;
			}
			if (options.continueOnError && batch.length > 1 && isRefusal(error)) {
				const half = Math.ceil(batch.length / 2);
				await send(key, batch.slice(0, half));
				await send(key, batch.slice(half));
				return;
			}
			for (const job of batch) results.set(job.index, { error: failure });
			stopped = !options.continueOnError;
		}
	};

	for (const [key, group] of groups) {
		for (const batch of chunk(group, batchSizeOf(options.batchSize))) {
			if (stopped) return results;
			await send(key, batch);
		}
	}
	return results;
}

/** Halo refused the data (4xx other than the rate limit): another ticket in the batch may be fine. */
function isRefusal(error: unknown): boolean {
	return (
		error instanceof HaloApiError &&
		error.status >= 400 &&
		error.status < 500 &&
		error.status !== 429
	);
}
