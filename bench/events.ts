/**
 * The event path (`npm run bench`, section "Event deliveries"): the webhook
 * onboarding example (examples/okta-halo-webhook-onboarding.json) in n8n's
 * engine against a large Halo (10,000 users, 5,000 onboarding tickets) that
 * answers with latency. For 1, 5 and 20 new starters, Okta's create and
 * activate arrive as two deliveries at once (all creates in one, all
 * activations in the other) and the two executions run side by side. Each
 * size runs twice in the same process: as the nodes run (reads chosen by
 * estimated cost) and with every page read (the path every run took before,
 * `readPolicy.mode = 'pages'`). Halo calls are counted from the emulator's
 * log; duplicates are counted in Halo's store afterwards.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IConnections, INode } from 'n8n-workflow';

import { startHaloEmulator } from '../emulators/halo';
import { startOktaEmulator, userEvent } from '../emulators/okta';
import type { OktaUserRecord } from '../emulators/okta';
import { fillHalo } from '../test/helpers/bigHalo';
import { emulatorCredentials } from '../test/helpers/emulators';
import { PACKAGE_DIR } from '../test/helpers/n8nEngine';
import { packageTriggerHarness } from '../test/helpers/webhook';
import { count, duration } from './format';

export interface EventBenchParams {
	haloUsers: number;
	haloTickets: number;
	/** New starters per pair of deliveries. */
	sizes: number[];
	/** Halo's latency per request, ms. */
	latencyMs: number;
}

export const DEFAULT_EVENT_PARAMS: EventBenchParams = {
	haloUsers: 10_000,
	haloTickets: 5_000,
	sizes: [1, 5, 20],
	latencyMs: 20,
};

export type ReadMode = 'auto' | 'pages';

export interface EventRun {
	starters: number;
	mode: ReadMode;
	/** Halo API calls of both deliveries together (the token request, once an hour in n8n, left out). */
	haloCalls: number;
	haloWrites: number;
	/** Extra Halo users / tickets for the new starters beyond one each. */
	duplicateUsers: number;
	duplicateTickets: number;
	/** New starters without a Halo user or without a ticket. */
	missing: number;
	wallMs: number;
	/** The same size again with other people, each delivery alone (create, then activate): its own calls. */
	alone?: { create: number; activate: number };
}

export interface EventResults {
	params: EventBenchParams;
	runs: EventRun[];
}

const TRIGGER = 'Okta Event Hook Trigger';
const SECRET = 'bench-event-secret-7a1c';

/** The budget for one delivery of `n` new starters, onboarding included (docs/requests.md). */
export function deliveryBudget(n: number): number {
	return 2 + 4 * n;
}

export async function runEventBench(
	params: EventBenchParams,
	onRun?: (run: EventRun) => void,
): Promise<EventResults> {
	// The package as n8n loads it (dist): its read policy is the one the nodes consult.
	const lookup = (await import(path.join(PACKAGE_DIR, 'dist', 'lib', 'halo', 'lookup.js'))) as {
		readPolicy: { mode: ReadMode };
	};
	const okta = await startOktaEmulator({ org: { users: 20, groups: 4, apps: 1 } });
	const halo = await startHaloEmulator({
		latencyMs: params.latencyMs,
		rateLimit: { max: 1_000_000, windowMs: 300_000 },
	});
	const runs: EventRun[] = [];
	try {
		fillHalo(halo, { users: params.haloUsers, tickets: params.haloTickets });
		const workflow = JSON.parse(
			readFileSync(path.join(PACKAGE_DIR, 'examples', 'okta-halo-webhook-onboarding.json'), 'utf8'),
		) as { name: string; nodes: INode[]; connections: IConnections };
		const h = await packageTriggerHarness(workflow, TRIGGER, {
			credentialData: {
				...emulatorCredentials(okta.url, halo.url),
				oktaEventHookApi: { headerName: 'Authorization', secret: SECRET },
			},
		});
		let serial = 0;
		const newPeople = (n: number) =>
			Array.from({ length: n }, () => {
				serial++;
				return okta.store.createUser(
					{
						firstName: 'Bench',
						lastName: `Starter${serial}`,
						email: `bench.starter${serial}@example.com`,
					},
					'ACTIVE',
				);
			});
		/** One delivery per event type, all sent at once; their executions run side by side. */
		const deliver = async (people: OktaUserRecord[], types: string[]): Promise<void> => {
			const first = h.executions.length;
			const answers = await Promise.all(
				types.map((type) =>
					h.call({
						method: 'POST',
						headers: { Authorization: SECRET },
						body: {
							eventType: 'com.okta.event_hook',
							data: { events: people.map((person) => userEvent(type, person)) },
						},
					}),
				),
			);
			if (answers.some((answer) => answer.status !== 200))
				throw new Error(`A delivery was refused: ${JSON.stringify(answers.map((a) => a.body))}`);
			const executions = await Promise.all(
				h.executions.slice(first).map(async (data) => await h.execute(data)),
			);
			const failed = executions.find((run) => run.status !== 'success');
			if (failed)
				throw new Error(
					`An execution failed: ${String(failed.error ?? JSON.stringify(failed.nodeErrors))}`,
				);
		};
		const apiCalls = () =>
			halo.server.log.filter(
				(entry) => entry.path.startsWith('/api/') && entry.path !== '/api/authinfo',
			);
		const callsOf = async (work: () => Promise<void>): Promise<number> => {
			const mark = apiCalls().length;
			await work();
			return apiCalls().length - mark;
		};
		for (const starters of params.sizes) {
			for (const mode of ['auto', 'pages'] as const) {
				const people = newPeople(starters);
				lookup.readPolicy.mode = mode;
				halo.server.clearLog();
				const started = performance.now();
				await deliver(people, ['user.lifecycle.create', 'user.lifecycle.activate']);
				const wallMs = performance.now() - started;
				const api = apiCalls();
				let duplicateUsers = 0;
				let duplicateTickets = 0;
				let missing = 0;
				for (const person of people) {
					const users = halo.store.users
						.all()
						.filter(
							(user) =>
								String(user.emailaddress).toLowerCase() === person.profile.email.toLowerCase(),
						);
					const tickets = halo.store.tickets
						.all()
						.filter((ticket) => users.some((user) => user.id === ticket.user_id));
					duplicateUsers += Math.max(0, users.length - 1);
					duplicateTickets += Math.max(0, tickets.length - 1);
					if (users.length === 0 || tickets.length === 0) missing++;
				}
				// Each delivery alone (other people): what one delivery costs by itself.
				let alone: EventRun['alone'];
				if (mode === 'auto') {
					const others = newPeople(starters);
					const create = await callsOf(
						async () => await deliver(others, ['user.lifecycle.create']),
					);
					const activate = await callsOf(
						async () => await deliver(others, ['user.lifecycle.activate']),
					);
					alone = { create, activate };
				}
				const run: EventRun = {
					starters,
					mode,
					haloCalls: api.length,
					haloWrites: api.filter((entry) => entry.method !== 'GET').length,
					duplicateUsers,
					duplicateTickets,
					missing,
					wallMs,
					alone,
				};
				runs.push(run);
				onRun?.(run);
			}
		}
	} finally {
		lookup.readPolicy.mode = 'auto';
		await Promise.all([okta.close(), halo.close()]);
	}
	return { params, runs };
}

export function eventConsoleLine(run: EventRun): string {
	return (
		`  ${String(run.starters).padStart(2)} new starters, ${run.mode === 'auto' ? 'as the nodes run' : 'every page     '}` +
		`  Halo ${count(run.haloCalls).padStart(5)} calls (${(run.haloCalls / run.starters).toFixed(1)} per person)` +
		`  duplicates ${run.duplicateUsers + run.duplicateTickets}  ${duration(run.wallMs)}` +
		(run.alone ? `  alone: create ${run.alone.create}, activate ${run.alone.activate}` : '')
	);
}

/** The section of bench/results.md (between its markers, so that `--only events` can replace it). */
export function eventMarkdown(results: EventResults): string {
	const { params } = results;
	const lines = [
		EVENTS_START,
		'## Event deliveries (webhook onboarding, overlapping create and activate)',
		'',
		`Halo of ${count(params.haloUsers)} users and ${count(params.haloTickets)} onboarding tickets, ${params.latencyMs} ms latency per Halo request; ` +
			'for each size, one delivery with every `user.lifecycle.create` and one with every `user.lifecycle.activate`, sent at once, ' +
			"their two executions run side by side in n8n's engine (`examples/okta-halo-webhook-onboarding.json`). " +
			'"As the nodes run": reads chosen by estimated cost (page 1, then look-ups or pages); "every page": the same nodes reading every user page and every ticket page of the type, as every run did before. ' +
			"Halo calls are both deliveries together, from the emulator's log (the token request left out); the budget is 2 + 4 × people per delivery.",
		'',
		'| new starters | reads | Halo calls (2 overlapping deliveries) | per delivery | per person | alone: create / activate | budget per delivery | writes | duplicate users | duplicate tickets | missing | wall time |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
	];
	for (const run of results.runs) {
		lines.push(
			`| ${run.starters} | ${run.mode === 'auto' ? 'as the nodes run' : 'every page'} | ${count(run.haloCalls)} | ${(run.haloCalls / 2).toFixed(1)} | ${(run.haloCalls / run.starters).toFixed(1)} | ${run.alone ? `${run.alone.create} / ${run.alone.activate}` : '–'} | ${deliveryBudget(run.starters)} | ${run.haloWrites} | ${run.duplicateUsers} | ${run.duplicateTickets} | ${run.missing} | ${duration(run.wallMs)} |`,
		);
	}
	lines.push('', ...eventChecks(results).map((check) => `- ${check}`), EVENTS_END, '');
	return lines.join('\n');
}

/** PASS/FAIL lines: the budget (as the nodes run) and no duplicate or missing person on either path. */
export function eventChecks(results: EventResults): string[] {
	const checks: string[] = [];
	for (const run of results.runs) {
		const clean = run.duplicateUsers + run.duplicateTickets + run.missing === 0;
		// The budget holds for 1–5 new starters: the overlapping pair on average, and each delivery alone.
		const budget = deliveryBudget(run.starters);
		const measured = run.alone ? Math.max(run.alone.create, run.alone.activate) : run.haloCalls / 2;
		const within =
			run.mode !== 'auto' ||
			run.starters > 5 ||
			(run.haloCalls / 2 <= budget && measured <= budget);
		const label = `${run.starters} new starters, ${run.mode === 'auto' ? 'as the nodes run' : 'every page'}`;
		checks.push(
			`${clean && within ? 'PASS' : 'FAIL'} ${label}: ${(run.haloCalls / 2).toFixed(1)} Halo calls per overlapping delivery` +
				(run.alone
					? `, alone ${run.alone.create} (create) / ${run.alone.activate} (activate)`
					: '') +
				(run.mode === 'auto' && run.starters <= 5 ? ` (budget ${budget})` : '') +
				`, ${run.duplicateUsers + run.duplicateTickets} duplicates, ${run.missing} missing`,
		);
	}
	return checks;
}

export const EVENTS_START = '<!-- event-deliveries:start -->';
export const EVENTS_END = '<!-- event-deliveries:end -->';

/** `report` with its event section replaced by `section` (added at the end when it has none). */
export function withEventSection(report: string, section: string): string {
	const start = report.indexOf(EVENTS_START);
	const end = report.indexOf(EVENTS_END);
	if (start === -1 || end === -1) return `${report.trimEnd()}\n\n${section}`;
	return `${report.slice(0, start)}${section.trimEnd()}${report.slice(end + EVENTS_END.length)}`;
}
