/**
 * The report: a console table while the run is fresh, and bench/results.md
 * with the date, machine, parameters, ours-vs-baseline ratios per scenario,
 * the request paths each side sent, the memory curve and the performance-target checks (docs/requests.md).
 */
import type { Check } from './checks';
import { TARGET_USERS } from './checks';
import { count, duration, markdownTable, megabytes, ratio, textTable } from './format';
import type { Machine } from './machine';
import { extrapolate, type MemoryCurve } from './memory';
import type { BenchParams } from './params';
import type { RunMeasure, SideResult } from './scenario';

export interface BenchResults {
	date: string;
	machine: Machine;
	params: BenchParams;
	workflow: { source: string; pageSize: number; batchSize: number };
	ours: SideResult;
	naive: SideResult;
	memory?: MemoryCurve;
	checks: Check[];
	totalMs: number;
}

const SIDE_HEAD = [
	'scenario',
	'side',
	'Okta calls',
	'Halo calls',
	'Halo writes (records)',
	'wall time',
	'real Halo ≥ (300/5 min)',
	'Halo calls over budget',
	'real Okta ≥',
	'peak RSS',
];

function sideRow(scenario: string, side: string, run: RunMeasure): string[] {
	const { okta, halo } = run.traffic;
	return [
		scenario,
		side,
		count(okta.calls),
		count(halo.calls),
		`${count(halo.writes)} (${count(halo.recordsWritten)})`,
		duration(run.wallMs),
		duration(run.limits.haloMinMs),
		count(run.limits.haloOverBudget),
		duration(run.limits.oktaMinMs),
		megabytes(run.peakRssBytes),
	];
}

function ratioRow(scenario: string, ours: RunMeasure, naive: RunMeasure): string[] {
	return [
		scenario,
		'naive / ours',
		ratio(naive.traffic.okta.calls, ours.traffic.okta.calls),
		ratio(naive.traffic.halo.calls, ours.traffic.halo.calls),
		ratio(naive.traffic.halo.writes, ours.traffic.halo.writes),
		ratio(naive.wallMs, ours.wallMs),
		ratio(naive.limits.haloMinMs, ours.limits.haloMinMs),
		'',
		ratio(naive.limits.oktaMinMs, ours.limits.oktaMinMs),
		'',
	];
}

function comparisonRows(results: BenchResults): string[][] {
	const rows = [SIDE_HEAD];
	results.ours.runs.forEach((ours, i) => {
		const naive = results.naive.runs[i];
		rows.push(
			sideRow(ours.label, 'ours', ours),
			sideRow('', 'naive', naive),
			ratioRow('', ours, naive),
		);
	});
	return rows;
}

function ratioTable(results: BenchResults): string[][] {
	const rows = [
		[
			'scenario',
			'Okta calls ×',
			'Halo calls ×',
			'Halo writes ×',
			'wall time ×',
			'min real-Halo time (ours → naive)',
		],
	];
	results.ours.runs.forEach((ours, i) => {
		const naive = results.naive.runs[i];
		rows.push([
			ours.label,
			ratio(naive.traffic.okta.calls, ours.traffic.okta.calls),
			ratio(naive.traffic.halo.calls, ours.traffic.halo.calls),
			ratio(naive.traffic.halo.writes, ours.traffic.halo.writes),
			ratio(naive.wallMs, ours.wallMs),
			`${duration(ours.limits.haloMinMs)} → ${duration(naive.limits.haloMinMs)} (${ratio(naive.limits.haloMinMs, ours.limits.haloMinMs)})`,
		]);
	});
	return rows;
}

function memoryRows(memory: MemoryCurve): string[][] {
	return [
		['users', 'RSS before run', 'peak RSS', 'peak heap used'],
		...memory.points.map((p) => [
			count(p.users),
			megabytes(p.rssBeforeBytes),
			megabytes(p.peakRssBytes),
			megabytes(p.peakHeapBytes),
		]),
	];
}

function memorySummary(memory: MemoryCurve): string {
	return (
		`Peak RSS grows ${count(memory.rss.slope)} bytes per user (R² ${memory.rss.r2.toFixed(3)}), peak heap ${count(memory.heap.slope)} bytes per user ` +
		`(R² ${memory.heap.r2.toFixed(3)}); extrapolated to ${count(TARGET_USERS)} users: ${megabytes(extrapolate(memory.rss, TARGET_USERS))} RSS, ` +
		`${megabytes(extrapolate(memory.heap, TARGET_USERS))} heap (heap limit of the process: ${megabytes(memory.heapLimitBytes)}).`
	);
}

function checkLines(checks: readonly Check[]): string[] {
	return checks.map((check) => `${check.pass ? 'PASS' : 'FAIL'}  ${check.name} — ${check.detail}`);
}

export function consoleReport(results: BenchResults): string {
	const lines = [
		'',
		`Okta → Halo sync benchmark: ${count(results.params.users)} users, ${results.params.groups} groups, latency ${results.params.latencyMs} ms (${duration(results.totalMs)} in all)`,
		'',
		textTable(comparisonRows(results)),
		'',
	];
	if (results.memory)
		lines.push(textTable(memoryRows(results.memory)), memorySummary(results.memory), '');
	lines.push(...checkLines(results.checks), '');
	return lines.join('\n');
}

function routeRows(side: SideResult): string[][] {
	const routes = new Set<string>();
	for (const run of side.runs)
		for (const route of [
			...Object.keys(run.traffic.okta.routes),
			...Object.keys(run.traffic.halo.routes),
		])
			routes.add(route);
	const rows = [['request', ...side.runs.map((run) => run.label)]];
	for (const route of [...routes].sort()) {
		const isOkta = side.runs.some((run) => route in run.traffic.okta.routes);
		const cell = (run: RunMeasure) =>
			count((isOkta ? run.traffic.okta.routes : run.traffic.halo.routes)[route] ?? 0);
		rows.push([`${isOkta ? 'Okta' : 'Halo'} ${route}`, ...side.runs.map(cell)]);
	}
	return rows;
}

function actionRows(results: BenchResults): string[][] {
	const rows = [['scenario', 'ours (Upsert output)', 'naive']];
	const text = (actions: Record<string, number>) =>
		Object.entries(actions)
			.map(([action, n]) => `${action} ${count(n)}`)
			.join(', ');
	results.ours.runs.forEach((ours, i) =>
		rows.push([ours.label, text(ours.actions), text(results.naive.runs[i].actions)]),
	);
	return rows;
}

function endStateLine(results: BenchResults): string {
	const [ours, naive] = [results.ours.haloEnd, results.naive.haloEnd];
	const side = (end: typeof ours) =>
		`${count(end.users)} users, ${count(end.inactive)} inactive, digest ${end.digest}`;
	const same = ours.digest === naive.digest;
	return `${same ? 'the same on both sides' : 'DIFFERENT'} (name, email, site, active): ours ${side(ours)}; baseline ${side(naive)}`;
}

/** Where our Halo budget goes in a run with nothing to write: reading the existing users page by page. */
function pageReadNote(results: BenchResults): string {
	const repeat = results.ours.runs[1];
	const reads = Object.entries(repeat.traffic.halo.routes)
		.filter(([route]) => route.startsWith('GET ') && !route.includes('search'))
		.reduce((sum, [, n]) => sum + n, 0);
	const share = (100 * repeat.traffic.halo.apiCalls) / results.params.haloBudget.max;
	return (
		`In the repeat run ours sends ${count(repeat.traffic.halo.apiCalls)} Halo calls, ${count(reads)} of them page reads of ` +
		`${count(repeat.haloUsersBefore)} existing users at ${results.workflow.pageSize} a page: ${share.toFixed(0)} % of one 5-minute Halo budget for a run that writes nothing.`
	);
}

export function markdownReport(results: BenchResults): string {
	const { machine, params } = results;
	const sections = [
		'# Okta → Halo sync benchmark results',
		'',
		'Written by `npm run bench` (bench/run.ts); every figure below was measured in this one run. See bench/README.md for how to read it.',
		'',
		`- Date: ${results.date}`,
		`- Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${megabytes(machine.memoryBytes)} memory, Node ${machine.node}, ${machine.platform}; ` +
			`load average ${(machine.loadAtStart ?? machine.loadAverage).join(' / ')} at the start, ${machine.loadAverage.join(' / ')} at the end (1/5/15 min; a shared machine moves wall times, not counts)`,
		`- Org: ${count(params.users)} Okta users, ${params.groups} groups (+ Everyone), seed ${params.seed}; Halo starts empty`,
		`- Emulator latency: ${params.latencyMs} ms per request on both sides; emulator rate limits raised, real limits applied afterwards ` +
			`(Halo ${params.haloBudget.max} requests / ${duration(params.haloBudget.windowMs)}, Okta's per-minute defaults per endpoint family)`,
		`- Our workflow: ${results.workflow.source}; Halo page size ${results.workflow.pageSize}, write batch ${results.workflow.batchSize}`,
		'- Baseline: plain HTTP as a hand-built n8n workflow does it (bench/naive.ts): Okta users paged, `GET /api/v1/users/{id}/groups` per user, ' +
			`per user \`GET /api/Users?search=<email>\` then a single-record \`POST /api/Users\` to create or update, no diff; ` +
			`${params.naiveConcurrency} requests in flight per stage (an HTTP Request node sends a batch of items at once). Ours sends one request at a time.`,
		`- Okta users seen by the first run: ours ${count(results.ours.oktaUsersSeen)}, baseline ${count(results.naive.oktaUsersSeen)} ` +
			'(a plain `GET /api/v1/users` leaves DEPROVISIONED users out; ours lists every status)',
		`- Halo after the third run: ${endStateLine(results)}`,
		`- Whole benchmark: ${duration(results.totalMs)}`,
		'',
		'## Ratios (naive ÷ ours)',
		'',
		markdownTable(ratioTable(results)),
		'',
		pageReadNote(results),
		'',
		'## Figures',
		'',
		'"real Halo ≥" is the least time a real Halo allows for the run\'s `/api` calls at 300 per rolling 5 minutes (calls ÷ 300 × 5 min); ' +
			'"over budget" counts the calls past the first 300, each of which a real Halo refuses with a 429 at full speed. ' +
			'"real Okta ≥" is the same for the tightest Okta per-minute bucket. Wall time is against the emulators, rate limits raised.',
		'',
		markdownTable(comparisonRows(results)),
		'',
		'### Results per item',
		'',
		markdownTable(actionRows(results)),
		'',
		`### The ${results.ours.changes.length} Okta changes before the third run`,
		'',
		...results.ours.changes.map((change) => `- ${change.kind}: ${change.login} (${change.detail})`),
		'',
		'### Requests sent, ours',
		'',
		markdownTable(routeRows(results.ours)),
		'',
		'### Requests sent, naive',
		'',
		markdownTable(routeRows(results.naive)),
		'',
	];
	if (results.memory) {
		sections.push(
			'## Memory (our first full sync, one fresh process per size)',
			'',
			markdownTable(memoryRows(results.memory)),
			'',
			memorySummary(results.memory),
			'',
		);
	}
	sections.push(
		'## Performance targets (docs/requests.md)',
		'',
		'```',
		...checkLines(results.checks),
		'```',
		'',
	);
	return sections.join('\n');
}
