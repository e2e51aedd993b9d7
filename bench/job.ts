/** What the parent asks a worker process to run, and what it gets back. */
import type { IDataObject } from 'n8n-workflow';

import type { CredentialStore } from '../test/helpers/n8nEngine';
import type { NaiveTarget } from './naive';

export type Job =
	| {
			kind: 'ours';
			workflow: Record<string, unknown>;
			credentials: CredentialStore;
			staticData: IDataObject;
			upsertNode: string;
	  }
	| { kind: 'naive'; target: NaiveTarget };

export interface JobSuccess {
	ok: true;
	wallMs: number;
	/** RSS once everything is loaded, just before the run. */
	rssBeforeBytes: number;
	/** The process's peak RSS (getrusage maxrss), loading included. */
	peakRssBytes: number;
	/** Largest heapUsed seen while running (sampled every 20 ms). */
	peakHeapBytes: number;
	heapLimitBytes: number;
	/** Output items per action (`created`, `updated`, `unchanged`, …). */
	actions: Record<string, number>;
	/** n8n keeps the credential's token and the workflow's static data between runs; so does the bench. */
	credentials?: CredentialStore;
	staticData?: IDataObject;
}

export type JobResult = JobSuccess | { ok: false; error: string };
