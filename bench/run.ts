/**
 * `npm run bench`: our scheduled sync (n8n engine) against a hand-built
 * baseline on the same 10,000-user org, three runs each, then our full sync
 * at several org sizes for the memory curve. Prints a table and writes
 * bench/results.md. Not part of `npm test`: it takes minutes, not seconds.
 */
import fs from 'node:fs';
import path from 'node:path';

import { PACKAGE_DIR } from '../test/helpers/n8nEngine';
import { designChecks } from './checks';
import {
	DEFAULT_EVENT_PARAMS,
	eventChecks,
	eventConsoleLine,
	eventMarkdown,
	runEventBench,
	withEventSection,
} from './events';
import { count, duration } from './format';
import { describeMachine } from './machine';
import { memoryCurve } from './memory';
import { parseParams } from './params';
import { consoleReport, markdownReport, type BenchResults } from './report';
import { runOursFullSync, runSide, type Progress } from './scenario';
import { loadSyncWorkflow } from './workflow';

const progress: Progress = {
	start: (side, label) => process.stdout.write(`  ${side.padEnd(5)} ${label.padEnd(32)} … `),
	done: (_side, run) =>
		console.log(
			`Okta ${count(run.traffic.okta.calls).padStart(6)}  Halo ${count(run.traffic.halo.calls).padStart(6)}` +
				`  writes ${count(run.traffic.halo.writes).padStart(6)}  ${duration(run.wallMs)}`,
		),
};

/** The event-delivery section (bench/events.ts); false when one of its checks failed. */
async function eventSection(): Promise<{ markdown: string; pass: boolean }> {
	console.log(
		`Event deliveries: Halo of ${count(DEFAULT_EVENT_PARAMS.haloUsers)} users, ${count(DEFAULT_EVENT_PARAMS.haloTickets)} tickets, latency ${DEFAULT_EVENT_PARAMS.latencyMs} ms`,
	);
	const results = await runEventBench(DEFAULT_EVENT_PARAMS, (run) =>
		console.log(eventConsoleLine(run)),
	);
	const checks = eventChecks(results);
	for (const check of checks) console.log(`  ${check}`);
	return {
		markdown: eventMarkdown(results),
		pass: checks.every((check) => check.startsWith('PASS')),
	};
}

async function main(): Promise<void> {
	const params = parseParams(process.argv.slice(2));
	const out = params.out ? path.resolve(params.out) : path.join(PACKAGE_DIR, 'bench', 'results.md');
	if (params.only === 'events') {
		const events = await eventSection();
		const report = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '# Benchmark results\n';
		fs.writeFileSync(out, withEventSection(report, events.markdown));
		console.log(`Event section written to ${path.relative(process.cwd(), out) || out}`);
		if (!events.pass) process.exitCode = 1;
		return;
	}
	const workflow = loadSyncWorkflow();
	const started = performance.now();
	console.log(`Workflow: ${workflow.source}`);
	console.log(
		`${count(params.users)} users, ${params.groups} groups, latency ${params.latencyMs} ms`,
	);

	const loadAtStart = describeMachine().loadAverage;
	const ours = await runSide('ours', workflow, params, params.users, progress);
	const naive = await runSide('naive', workflow, params, params.users, progress);
	// Same seed, same stride: both sides must have seen the very same changes.
	if (JSON.stringify(ours.changes) !== JSON.stringify(naive.changes))
		throw new Error('The two sides saw different Okta changes');

	const sized = [{ users: params.users, run: ours.runs[0] }];
	for (const users of params.memorySizes.filter((n) => n !== params.users)) {
		const label = `first full sync, ${count(users)} users`;
		progress.start?.('ours', label);
		const run = await runOursFullSync(workflow, params, users, label);
		progress.done?.('ours', run);
		sized.push({ users, run });
	}
	const memory = sized.length >= 2 ? memoryCurve(sized) : undefined;

	const results: BenchResults = {
		date: new Date().toISOString(),
		machine: { ...describeMachine(), loadAtStart },
		params,
		workflow: {
			source: workflow.source,
			pageSize: workflow.pageSize,
			batchSize: workflow.batchSize,
		},
		ours,
		naive,
		memory,
		checks: designChecks(ours, workflow, memory),
		totalMs: performance.now() - started,
	};
	console.log(consoleReport(results));
	const events = await eventSection();
	// The Scale sections (npm run bench:scale, bench/scale.ts) come last in the file and are kept.
	const previous = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
	const scale = previous.indexOf('<!-- bench:scale start');
	const kept = scale >= 0 ? `\n${previous.slice(scale)}` : '';
	fs.writeFileSync(
		out,
		withEventSection(markdownReport(results), events.markdown).trimEnd() + '\n' + kept,
	);
	console.log(`Report written to ${path.relative(process.cwd(), out) || out}`);
	if (results.checks.some((check) => !check.pass) || !events.pass) process.exitCode = 1;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
