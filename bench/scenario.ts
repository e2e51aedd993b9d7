/**
 * One side (ours or the baseline) through the three runs against its own
 * fresh emulators: first full sync into an empty Halo, a repeat with no
 * change, and a run after the Okta changes. Each run's traffic is read from
 * the request logs, cleared before it.
 */
import type { IDataObject } from 'n8n-workflow';

import type { OktaStore } from '../emulators/okta/store';
import { PAGE_SIZE } from '../lib/okta/OktaClient';
import type { CredentialStore } from '../test/helpers/n8nEngine';
import {
	HALO_CLIENT_ID,
	HALO_CLIENT_SECRET,
	OKTA_TOKEN,
	type Emulators,
} from '../test/helpers/emulators';
import { realLimits, type RealLimits } from './budget';
import { applyOktaChanges, type OktaChange } from './changes';
import { haloEndState, type HaloEndState } from './endState';
import { runInChild } from './child';
import { startBenchEmulators } from './emulators';
import type { Job, JobSuccess } from './job';
import type { BenchParams } from './params';
import { measureTraffic, type Traffic } from './traffic';
import type { SyncWorkflow } from './workflow';

export type Side = 'ours' | 'naive';

export interface OktaShape {
	users: number;
	groups: number;
	/** Reads a per-group listing needs with our client's page sizes: user pages + group pages + member pages of every group. */
	perGroupReads: number;
}

export interface RunMeasure extends Omit<JobSuccess, 'ok' | 'credentials' | 'staticData'> {
	label: string;
	traffic: Traffic;
	limits: RealLimits;
	/** Halo users before the run (what a page-once read has to read). */
	haloUsersBefore: number;
	okta: OktaShape;
}

export interface SideResult {
	side: Side;
	users: number;
	runs: RunMeasure[];
	changes: OktaChange[];
	/** Okta users the side's first run saw (the baseline's plain listing leaves DEPROVISIONED out). */
	oktaUsersSeen: number;
	haloEnd: HaloEndState;
}

export function oktaShape(store: OktaStore): OktaShape {
	const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
	let memberPages = 0;
	for (const group of store.groups)
		memberPages += pages(store.memberIdsOf(group.id).length, PAGE_SIZE.groupMembers);
	return {
		users: store.users.length,
		groups: store.groups.length,
		perGroupReads:
			pages(store.users.length, PAGE_SIZE.users) +
			pages(store.groups.length, PAGE_SIZE.groups) +
			memberPages,
	};
}

class SideRunner {
	private credentials: CredentialStore;
	private staticData: IDataObject = {};

	constructor(
		readonly side: Side,
		private readonly emulators: Emulators,
		private readonly workflow: SyncWorkflow,
		private readonly params: BenchParams,
	) {
		this.credentials = emulators.credentials();
	}

	private job(): Job {
		if (this.side === 'ours') {
			return {
				kind: 'ours',
				workflow: this.workflow.json,
				credentials: this.credentials,
				staticData: this.staticData,
				upsertNode: this.workflow.upsertNode,
			};
		}
		return {
			kind: 'naive',
			target: {
				oktaUrl: this.emulators.okta.url,
				oktaToken: OKTA_TOKEN,
				haloUrl: this.emulators.halo.url,
				haloClientId: HALO_CLIENT_ID,
				haloClientSecret: HALO_CLIENT_SECRET,
				config: this.workflow.config,
				concurrency: this.params.naiveConcurrency,
			},
		};
	}

	async run(label: string): Promise<RunMeasure> {
		const { okta, halo } = this.emulators;
		this.emulators.clearLogs();
		const haloUsersBefore = halo.store.users.all().length;
		const shape = oktaShape(okta.store);
		const result = await runInChild(this.job());
		if (result.credentials) this.credentials = result.credentials;
		if (result.staticData) this.staticData = result.staticData;
		const traffic = measureTraffic(okta.server.log, halo.server.log);
		this.emulators.clearLogs();
		return {
			label,
			wallMs: result.wallMs,
			rssBeforeBytes: result.rssBeforeBytes,
			peakRssBytes: result.peakRssBytes,
			peakHeapBytes: result.peakHeapBytes,
			heapLimitBytes: result.heapLimitBytes,
			actions: result.actions,
			traffic,
			limits: realLimits(traffic, this.params.haloBudget),
			haloUsersBefore,
			okta: shape,
		};
	}
}

export interface Progress {
	start?: (side: Side, label: string) => void;
	done?: (side: Side, run: RunMeasure) => void;
}

export async function runSide(
	side: Side,
	workflow: SyncWorkflow,
	params: BenchParams,
	users: number,
	progress: Progress = {},
): Promise<SideResult> {
	const emulators = await startBenchEmulators(params, users);
	try {
		const runner = new SideRunner(side, emulators, workflow, params);
		const runs: RunMeasure[] = [];
		const measure = async (label: string) => {
			progress.start?.(side, label);
			const run = await runner.run(label);
			runs.push(run);
			progress.done?.(side, run);
		};
		await measure('first full sync');
		await measure('repeat, no change');
		const changes = applyOktaChanges(emulators.okta.store, workflow.config, params.changes);
		await measure(`after ${changes.length} Okta changes`);
		const oktaUsersSeen = Object.entries(runs[0].actions)
			.filter(([action]) => action !== 'deactivated')
			.reduce((sum, [, n]) => sum + n, 0);
		return {
			side,
			users,
			runs,
			changes,
			oktaUsersSeen,
			haloEnd: haloEndState(emulators.halo.store),
		};
	} finally {
		await emulators.close();
	}
}

/** Our first full sync alone at one org size, for the memory curve. */
export async function runOursFullSync(
	workflow: SyncWorkflow,
	params: BenchParams,
	users: number,
	label: string,
): Promise<RunMeasure> {
	const emulators = await startBenchEmulators(params, users);
	try {
		return await new SideRunner('ours', emulators, workflow, params).run(label);
	} finally {
		await emulators.close();
	}
}
