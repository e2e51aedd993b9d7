/**
 * What n8n's queue mode needs besides n8n: Redis (Bull's job queue) and
 * PostgreSQL (the database every n8n process shares), from Debian's packages,
 * started as plain processes on free loopback ports with their data in a
 * temporary folder, and removed again by stop(). The packages are installed
 * with apt-get when missing (as root; otherwise the error says what to install).
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePort } from './realN8n';

const POSTGRES_ROOT = '/usr/lib/postgresql';
const DATABASE = 'n8n';

export interface QueueServices {
	redisPort: number;
	postgresPort: number;
	/** The n8n settings for this Redis and this database (every n8n process gets them). */
	n8nEnv: NodeJS.ProcessEnv;
	/** Runs one SQL statement in n8n's database; rows as arrays of column texts. */
	sql: (query: string) => string[][];
	stop: () => Promise<void>;
}

/** The binaries folder of the newest PostgreSQL installed, e.g. /usr/lib/postgresql/15/bin. */
function postgresBin(): string | undefined {
	if (!existsSync(POSTGRES_ROOT)) return undefined;
	const versions = readdirSync(POSTGRES_ROOT)
		.filter((name) => existsSync(path.join(POSTGRES_ROOT, name, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(POSTGRES_ROOT, versions[0], 'bin') : undefined;
}

function onPath(command: string): boolean {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** apt-get install redis-server postgresql, once, when either is missing. */
export function ensureDebianPackages(): { postgres: string } {
	if (!onPath('redis-server') || !postgresBin()) {
		if (process.getuid?.() !== 0)
			throw new Error(
				'Queue mode needs Redis and PostgreSQL: run `apt-get install -y redis-server postgresql` as root',
			);
		const run = (args: string[]) =>
			execFileSync('apt-get', args, {
				stdio: ['ignore', 'ignore', 'inherit'],
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			});
		run(['update', '-qq']);
		run(['install', '-y', '-qq', 'redis-server', 'postgresql']);
	}
	return { postgres: postgresBin()! };
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. */
function asPostgres(command: string, args: string[]): [string, string[]] {
	return process.getuid?.() === 0
		? ['runuser', ['-u', 'postgres', '--', command, ...args]]
		: [command, args];
}

async function redisAnswers(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let answer = '';
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) socket.end();
		});
		socket.on('close', () => resolve(answer.startsWith('+PONG')));
		socket.on('error', () => resolve(false));
	});
}

async function waitFor(what: string, ready: () => Promise<boolean> | boolean, log: () => string) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (await ready()) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${what} did not start\n${log()}`);
}

async function stopChild(child: ChildProcess, signal: () => void): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	signal();
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
	clearTimeout(timer);
	if (child.exitCode === null && child.signalCode === null) {
		child.kill('SIGKILL');
		await exited;
	}
}

export async function startQueueServices(): Promise<QueueServices> {
	const { postgres: bin } = ensureDebianPackages();
	const folder = mkdtempSync(path.join(tmpdir(), 'okta-halo-queue-'));
	const folders = [folder];
	const children: Array<{ child: ChildProcess; stop: () => void }> = [];
	const stop = async () => {
		for (const { child, stop: signal } of children.reverse()) await stopChild(child, signal);
		for (const each of folders) rmSync(each, { recursive: true, force: true });
	};
	try {
		const redisPort = await freePort();
		const redis = spawn(
			'redis-server',
			[
				'--port',
				String(redisPort),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				folder,
			],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		children.push({ child: redis, stop: () => redis.kill('SIGINT') });
		let redisLog = '';
		redis.stdout!.on('data', (chunk) => (redisLog += chunk));
		redis.stderr!.on('data', (chunk) => (redisLog += chunk));
		await waitFor(
			'redis-server',
			async () => await redisAnswers(redisPort),
			() => redisLog,
		);

		// Data and socket in a folder of its own, owned by the user PostgreSQL runs as.
		const pgFolder = mkdtempSync(path.join(tmpdir(), 'okta-halo-postgres-'));
		folders.push(pgFolder);
		if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', pgFolder]);
		const data = path.join(pgFolder, 'data');
		const [initdb, initArgs] = asPostgres(path.join(bin, 'initdb'), [
			'-D',
			data,
			'-U',
			'postgres',
			'--auth=trust',
			'-E',
			'UTF8',
			'--no-sync',
		]);
		execFileSync(initdb, initArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
		const postgresPort = await freePort();
		const [server, serverArgs] = asPostgres(path.join(bin, 'postgres'), [
			'-D',
			data,
			'-p',
			String(postgresPort),
			'-k',
			pgFolder,
			'-h',
			'127.0.0.1',
			'-c',
			'fsync=off',
		]);
		const pg = spawn(server, serverArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
		// runuser does not pass signals on: SIGINT (a fast shutdown) goes to the postmaster itself.
		children.push({
			child: pg,
			stop: () => {
				const pidFile = path.join(data, 'postmaster.pid');
				const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
				if (pid > 0) process.kill(pid, 'SIGINT');
				else pg.kill('SIGINT');
			},
		});
		let pgLog = '';
		pg.stdout!.on('data', (chunk) => (pgLog += chunk));
		pg.stderr!.on('data', (chunk) => (pgLog += chunk));
		const psql = (database: string, query: string) =>
			execFileSync(
				path.join(bin, 'psql'),
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(postgresPort),
					'-U',
					'postgres',
					'-d',
					database,
					'-AtX',
					'-F',
					'\t',
					'-v',
					'ON_ERROR_STOP=1',
					'-c',
					query,
				],
				{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
			);
		await waitFor(
			'postgres',
			() => {
				try {
					psql('postgres', 'SELECT 1');
					return true;
				} catch {
					return false;
				}
			},
			() => pgLog,
		);
		psql('postgres', `CREATE DATABASE ${DATABASE}`);

		return {
			redisPort,
			postgresPort,
			n8nEnv: {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redisPort),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(postgresPort),
				DB_POSTGRESDB_DATABASE: DATABASE,
				DB_POSTGRESDB_USER: 'postgres',
				DB_POSTGRESDB_PASSWORD: '',
			},
			sql: (query) =>
				psql(DATABASE, query)
					.split('\n')
					.filter((line) => line !== '')
					.map((line) => line.split('\t')),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
