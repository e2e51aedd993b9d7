/**
 * `npm run bench:scale`: the user-sync example in a real n8n 2.41.1 process
 * (`n8n execute`, default heap, a fresh user folder and SQLite database each
 * time) against the emulators at 10,000, 50,000 and 100,000 Okta users, Halo
 * empty at the start. For each size it reports peak RSS of the n8n process tree
 * (/proc VmRSS sampled every 100 ms, and the main process's VmHWM), wall time,
 * the sync's own time (first to last API request), and Okta and Halo calls.
 * The result replaces the "Scale" section of bench/results.md and leaves the
 * other sections alone. Options: `--sizes a,b,c`, `--latency ms`, `--groups N`,
 * `--env NAME=value` (an n8n setting, repeatable), `--out file`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Emulators } from '../test/helpers/emulators';
import {
	N8nInstance,
	PACKAGE_DIR,
	emulatorCredentials,
	exampleWorkflows,
	installN8n,
	packPackage,
	withManualTrigger,
} from '../test/e2e/realN8n';
import type { N8nInstall } from '../test/e2e/realN8n';
import { startBenchEmulators } from './emulators';
import { count, duration } from './format';
import { describeMachine } from './machine';
import { DEFAULT_PARAMS } from './params';
import type { BenchParams } from './params';

const WORKFLOW_ID = 'exampleUserSync';
/** Each variant (its --env settings) keeps its own section between these markers. */
const sectionStart = (variant: string) =>
	`<!-- bench:scale start${variant ? ` ${variant}` : ''} -->`;
const sectionEnd = (variant: string) => `<!-- bench:scale end${variant ? ` ${variant}` : ''} -->`;
const variantOf = (params: ScaleParams) =>
	Object.entries(params.env)
		.map(([name, value]) => `${name}=${value}`)
		.join(' ');
const MB = 1024 * 1024;
const ACTIVE = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY']);

interface ScaleParams {
	sizes: number[];
	latencyMs: number;
	groups: number;
	out: string;
	/** Extra n8n settings (`--env NAME=value`, repeatable), e.g. EXECUTIONS_DATA_SAVE_ON_SUCCESS=none. */
	env: Record<string, string>;
}

export interface ScaleRun {
	users: number;
	activeUsers: number;
	status: string;
	/** The exit code, or the signal that ended the process. */
	exitCode: number | string | null;
	/** Largest sum of VmRSS over the n8n process and its children (100 ms samples). */
	peakTreeRssBytes: number;
	/** The n8n process's own high-water mark (VmHWM), last read before it exited. */
	peakHwmBytes: number;
	/** RSS when the first API request arrived: n8n booted, nothing read yet. */
	rssAtStartBytes: number;
	/** `n8n execute` from spawn to exit (boot, run, saving and printing the result). */
	wallMs: number;
	/** First API request to last API request: the sync itself. */
	syncMs: number;
	/** The execution's own startedAt → stoppedAt, from the result n8n prints. */
	executionMs?: number;
	oktaCalls: number;
	haloCalls: number;
	haloReads: number;
	haloPageReads: number;
	haloWrites: number;
	haloRecordsWritten: number;
	haloUsersAfter: number;
	stdoutBytes: number;
	/**
	 * The run finished but `n8n execute` could not print it: it JSON-stringifies the whole run
	 * (every item of every node) and the text passed V8's longest string (about 512 MB).
	 */
	printFailed: boolean;
	error?: string;
}

function parseScaleParams(argv: readonly string[]): ScaleParams {
	const params: ScaleParams = {
		sizes: [10_000, 50_000, 100_000],
		latencyMs: 1,
		groups: DEFAULT_PARAMS.groups,
		out: path.join(PACKAGE_DIR, 'bench', 'results.md'),
		env: {},
	};
	for (let i = 0; i < argv.length; i += 2) {
		const [flag, value] = [argv[i], argv[i + 1]];
		if (flag === '--sizes') params.sizes = value.split(',').map(Number);
		else if (flag === '--latency') params.latencyMs = Number(value);
		else if (flag === '--groups') params.groups = Number(value);
		else if (flag === '--out') params.out = path.resolve(value);
		else if (flag === '--env' && /^[A-Z0-9_]+=/.test(value)) {
			const [name, ...rest] = value.split('=');
			params.env[name] = rest.join('=');
		} else
			throw new Error(
				`Unknown option ${flag}; use --sizes, --latency, --groups, --env NAME=value, --out`,
			);
	}
	if (params.sizes.some((n) => !Number.isInteger(n) || n <= 0))
		throw new Error('--sizes needs positive whole numbers');
	return params;
}

/** VmRSS and VmHWM of one process, bytes (0 when it is gone). */
function memoryOf(pid: number): { rss: number; hwm: number } {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const field = (name: string) =>
			Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
		return { rss: field('VmRSS'), hwm: field('VmHWM') };
	} catch {
		return { rss: 0, hwm: 0 };
	}
}

/** The process and every descendant (task runners included). */
function processTree(pid: number): number[] {
	const pids = [pid];
	for (let i = 0; i < pids.length; i++) {
		try {
			for (const task of fs.readdirSync(`/proc/${pids[i]}/task`)) {
				const children = fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8');
				pids.push(...children.split(/\s+/).filter(Boolean).map(Number));
			}
		} catch {
			// exited meanwhile
		}
	}
	return pids;
}

function tailOf(file: string, bytes: number): string {
	const size = fs.statSync(file).size;
	const fd = fs.openSync(file, 'r');
	const length = Math.min(size, bytes);
	const buffer = Buffer.alloc(length);
	fs.readSync(fd, buffer, 0, length, size - length);
	fs.closeSync(fd);
	return buffer.toString('utf8');
}

/** The tail of what `n8n execute` printed: the run's status and times come last. */
function executionSummary(file: string): { status?: string; executionMs?: number } {
	const tail = tailOf(file, 64 * 1024);
	const last = (name: string) =>
		[...tail.matchAll(new RegExp(`^  "${name}": "([^"]+)"`, 'gm'))].pop()?.[1];
	const startedAt = last('startedAt');
	const stoppedAt = last('stoppedAt');
	return {
		status: last('status'),
		executionMs: startedAt && stoppedAt ? Date.parse(stoppedAt) - Date.parse(startedAt) : undefined,
	};
}

async function runSize(
	install: N8nInstall,
	tarball: string,
	users: number,
	params: ScaleParams,
): Promise<ScaleRun> {
	const benchParams: BenchParams = {
		...DEFAULT_PARAMS,
		users,
		groups: params.groups,
		latencyMs: params.latencyMs,
	};
	const emulators: Emulators = await startBenchEmulators(benchParams, users);
	const n8n = new N8nInstance(install, tarball);
	// Level info: `n8n execute` prints its result at info (it builds the string at any level).
	n8n.envOverrides = { N8N_LOG_LEVEL: 'info', ...params.env };
	try {
		await n8n.importCredentials(
			emulatorCredentials({ okta: emulators.okta.url, halo: emulators.halo.url }, 'unused'),
		);
		const example = exampleWorkflows().find((e) => e.id === WORKFLOW_ID)!;
		await n8n.importWorkflow(withManualTrigger(example.workflow));
		emulators.clearLogs();

		const env = await n8n.env();
		const outFile = path.join(n8n.userFolder, 'execute.out');
		const fd = fs.openSync(outFile, 'w');
		const started = performance.now();
		const child = spawn(
			install.nodeBin,
			[install.n8nBin, 'execute', `--id=${WORKFLOW_ID}`, '--rawOutput'],
			{
				env,
				cwd: n8n.userFolder,
				stdio: ['ignore', fd, 'pipe'],
			},
		);
		fs.closeSync(fd);
		let stderr = '';
		child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-20_000)));
		const exited = new Promise<number | string | null>((resolve) =>
			child.on('close', (code, signal) => resolve(code ?? signal)),
		);

		let peakTree = 0;
		let peakHwm = 0;
		let rssAtStart = 0;
		let firstRequest = 0;
		let lastRequest = 0;
		let seen = 0;
		const sample = () => {
			const tree = processTree(child.pid!);
			const rss = tree.reduce((sum, pid) => sum + memoryOf(pid).rss, 0);
			peakTree = Math.max(peakTree, rss);
			peakHwm = Math.max(peakHwm, memoryOf(child.pid!).hwm);
			const requests = emulators.okta.server.log.length + emulators.halo.server.log.length;
			if (requests > seen) {
				if (seen === 0) {
					firstRequest = performance.now();
					rssAtStart = rss;
				}
				lastRequest = performance.now();
				seen = requests;
			}
		};
		const sampler = setInterval(sample, 100);
		const exitCode = await exited;
		clearInterval(sampler);
		const wallMs = performance.now() - started;

		const haloApi = emulators.halo.server.log.filter((r) => /^\/api\//i.test(r.path));
		const reads = haloApi.filter((r) => r.method === 'GET');
		const posts = haloApi.filter((r) => r.method === 'POST');
		const summary = executionSummary(outFile);
		const activeUsers = emulators.okta.store.users.filter((u) => ACTIVE.has(u.status)).length;
		const run: ScaleRun = {
			users,
			activeUsers,
			status: summary.status ?? (exitCode === 0 ? 'unknown' : 'failed'),
			printFailed: /Invalid string length[\s\S]*at JSON\.stringify[\s\S]*commands\/execute/.test(
				stderr + tailOf(outFile, 4000),
			),
			exitCode,
			peakTreeRssBytes: peakTree,
			peakHwmBytes: peakHwm,
			rssAtStartBytes: rssAtStart,
			wallMs,
			syncMs: lastRequest - firstRequest,
			executionMs: summary.executionMs,
			oktaCalls: emulators.oktaCalls(),
			haloCalls: emulators.haloCalls(),
			haloReads: reads.length,
			haloPageReads: reads.filter((r) => /^\/api\/(users|agent)$/i.test(r.path)).length,
			haloWrites: posts.length,
			haloRecordsWritten: posts.reduce(
				(n, r) => n + (Array.isArray(r.body) ? r.body.length : 1),
				0,
			),
			haloUsersAfter: emulators.halo.store.users.all().length,
			stdoutBytes: fs.statSync(outFile).size,
		};
		if (exitCode !== 0)
			run.error =
				[stderr.trim(), tailOf(outFile, 1500).trim()]
					.filter(Boolean)
					.join(' | ')
					.split('\n')
					.slice(-8)
					.join(' ') || 'no message';
		return run;
	} finally {
		await emulators.close();
		n8n.cleanup();
	}
}

function statusCell(run: ScaleRun): string {
	if (run.printFailed)
		return 'sync done; `n8n execute` exit 1 printing it (RangeError: Invalid string length in JSON.stringify)';
	if (run.error) return `${run.status} (exit ${run.exitCode}: ${run.error.slice(0, 160)})`;
	return run.status;
}

const mb = (bytes: number) => `${count(Math.round(bytes / MB))} MB`;

function markdownSection(runs: ScaleRun[], params: ScaleParams, totalMs: number): string {
	const machine = describeMachine();
	const first = runs[0];
	const last = runs[runs.length - 1];
	const ratio = (pick: (run: ScaleRun) => number | undefined) => {
		const a = pick(first);
		const b = pick(last);
		return a && b ? (b / a).toFixed(2) : 'n/a';
	};
	const lines = [
		sectionStart(variantOf(params)),
		`## Scale: the user sync in a real n8n at 10,000 to 100,000 people${variantOf(params) ? ` (${variantOf(params)})` : ''}`,
		'',
		`Written by \`npm run bench:scale\` (bench/scale.ts) on ${new Date().toISOString()}; the other sections of this file are written by \`npm run bench\`.`,
		'',
		`- Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${count(Math.round(machine.memoryBytes / MB))} MB memory, Linux; load ${machine.loadAverage.join(' / ')} at the end (a shared machine moves times, not counts)`,
		`- n8n 2.41.1 on Node 24, \`n8n execute --id=${WORKFLOW_ID} --rawOutput\` of examples/okta-halo-user-sync.json (a Manual Trigger beside its Schedule Trigger), default heap (no NODE_OPTIONS), ${
			Object.keys(params.env).length
				? `n8n settings ${Object.entries(params.env)
						.map(([k, v]) => `\`${k}=${v}\``)
						.join(', ')}`
				: 'default execution saving'
		}, SQLite, a fresh user folder per size`,
		`- Emulators: ${params.groups} Okta groups (+ Everyone), Halo empty at the start (a first sync: every active user is created), ${params.latencyMs} ms latency per request, rate limits raised`,
		`- Whole run: ${duration(totalMs)}`,
		'',
		'| Okta users | active Okta users / Halo users after | outcome | peak RSS, process tree | VmHWM n8n | RSS booted | sync (first → last request) | execution (n8n) | `n8n execute` wall | Okta calls | Halo calls | Halo reads (user pages) | Halo writes (records) | printed result |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...runs.map(
			(run) =>
				`| ${count(run.users)} | ${count(run.activeUsers)} / ${count(run.haloUsersAfter)} | ${statusCell(run)} | ${mb(run.peakTreeRssBytes)} | ${mb(run.peakHwmBytes)} | ${mb(run.rssAtStartBytes)} | ${duration(run.syncMs)} | ${run.executionMs === undefined ? 'n/a' : duration(run.executionMs)} | ${duration(run.wallMs)} | ${count(run.oktaCalls)} | ${count(run.haloCalls)} | ${count(run.haloReads)} (${count(run.haloPageReads)}) | ${count(run.haloWrites)} (${count(run.haloRecordsWritten)}) | ${mb(run.stdoutBytes)} |`,
		),
		'',
		`Ratios ${count(last.users)} ÷ ${count(first.users)} users: sync time ${ratio((r) => r.syncMs)}×, execution ${ratio((r) => r.executionMs)}×, \`n8n execute\` wall ${ratio((r) => r.wallMs)}×, peak RSS ${ratio((r) => r.peakTreeRssBytes)}×.`,
		sectionEnd(variantOf(params)),
	];
	return lines.join('\n') + '\n';
}

/** Replaces the Scale section (between its markers) or appends it. */
function writeSection(file: string, section: string, variant: string): void {
	const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const start = current.indexOf(sectionStart(variant));
	const end = current.indexOf(sectionEnd(variant));
	const next =
		start >= 0 && end > start
			? current.slice(0, start) +
				section.trimEnd() +
				current.slice(end + sectionEnd(variant).length)
			: `${current.trimEnd()}\n\n${section}`;
	fs.writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}

async function main(): Promise<void> {
	const params = parseScaleParams(process.argv.slice(2));
	const started = performance.now();
	const install = installN8n();
	const packFolder = fs.mkdtempSync(path.join(tmpdir(), 'okta-halo-pack-'));
	const tarball = packPackage(packFolder);
	const runs: ScaleRun[] = [];
	try {
		for (const users of params.sizes) {
			process.stdout.write(`  ${count(users).padStart(7)} users … `);
			const run = await runSize(install, tarball, users, params);
			runs.push(run);
			console.log(
				`${run.status}  peak RSS ${mb(run.peakTreeRssBytes)}  sync ${duration(run.syncMs)}  wall ${duration(run.wallMs)}` +
					`  Okta ${count(run.oktaCalls)}  Halo ${count(run.haloCalls)} (reads ${count(run.haloReads)}, writes ${count(run.haloWrites)})` +
					(run.error ? `  error: ${run.error}` : ''),
			);
		}
	} finally {
		fs.rmSync(packFolder, { recursive: true, force: true });
	}
	const section = markdownSection(runs, params, performance.now() - started);
	writeSection(params.out, section, variantOf(params));
	console.log(`\n${section}`);
	console.log(`Section written to ${path.relative(process.cwd(), params.out) || params.out}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
