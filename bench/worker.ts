/**
 * One measured run in its own process, so its peak RSS is its own (the
 * emulators live in the parent). Ours runs through n8n's engine; the baseline
 * is plain HTTP. The parent sends one Job and gets one JobResult.
 */
import { getHeapStatistics } from 'node:v8';

import type { Job, JobResult } from './job';
import { runNaiveSync } from './naive';

function countActions(items: ReadonlyArray<Record<string, unknown>>): Record<string, number> {
	const actions: Record<string, number> = {};
	for (const item of items) {
		const action = typeof item.action === 'string' ? item.action : 'none';
		actions[action] = (actions[action] ?? 0) + 1;
	}
	return actions;
}

async function run(job: Job): Promise<JobResult> {
	// Load n8n (ours) before the clock starts: a scheduled run finds it loaded.
	const engine = job.kind === 'ours' ? await import('../test/helpers/n8nEngine') : undefined;
	await engine?.loadPackage();
	let peakHeapBytes = process.memoryUsage().heapUsed;
	const sampler = setInterval(
		() => (peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed)),
		20,
	);
	const rssBeforeBytes = process.memoryUsage.rss();
	const started = performance.now();
	try {
		let result: Pick<JobResult & { ok: true }, 'actions' | 'credentials' | 'staticData'>;
		if (job.kind === 'ours') {
			const out = await engine!.runWorkflow(job.workflow, {
				credentials: job.credentials,
				staticData: job.staticData,
			});
			if (out.status !== 'success') {
				const nodeErrors = Object.entries(out.nodeErrors).map(
					([node, error]) => `${node}: ${error.message}`,
				);
				return {
					ok: false,
					error: `workflow ${out.status}: ${[out.error?.message, ...nodeErrors].filter(Boolean).join('; ')}`,
				};
			}
			result = {
				actions: countActions(out.output[job.upsertNode] ?? []),
				credentials: out.credentials,
				staticData: out.staticData,
			};
		} else {
			result = { actions: await runNaiveSync(job.target) };
		}
		const wallMs = performance.now() - started;
		peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
		return {
			ok: true,
			wallMs,
			rssBeforeBytes,
			peakRssBytes: process.resourceUsage().maxRSS * 1024,
			peakHeapBytes,
			heapLimitBytes: getHeapStatistics().heap_size_limit,
			...result,
		};
	} catch (error) {
		return {
			ok: false,
			error: error instanceof Error ? (error.stack ?? error.message) : String(error),
		};
	} finally {
		clearInterval(sampler);
	}
}

process.once('message', (job: Job) => {
	void run(job).then((result) => process.send!(result, () => process.exit(0)));
});
