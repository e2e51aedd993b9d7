/**
 * `npm run test:reliability`: fault and attack scenarios against the emulators
 * in n8n's engine, each compared with a clean run, and docs/reliability.md
 * written with the figures measured in this run. Exits non-zero when any
 * scenario has duplicates, people lost, secrets found, or an end state that is
 * neither identical to the clean run's nor "stopped before any write".
 *
 * Per scenario: a fresh pair of emulators (same seed), the fault or bad input,
 * one run; then, for faults, a rerun without the fault (what the next
 * scheduled run does). End state = active Halo users by Okta id with their
 * email and name.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Emulators } from '../helpers/emulators';
import { startEmulators } from '../helpers/emulators';
import { PACKAGE_DIR, runWorkflow } from '../helpers/n8nEngine';
import type { CredentialStore, RunResult } from '../helpers/n8nEngine';
import type { RecordingServer } from '../helpers/recordingServer';
import { startRecordingServer } from '../helpers/recordingServer';

type Workflow = { nodes: Array<{ name: string; parameters: Record<string, unknown> }> } & Record<
	string,
	unknown
>;

const ORG = { users: 450, groups: 12, apps: 2, seed: 11 };

function example(name: string): Workflow {
	return JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'examples', name), 'utf8')) as Workflow;
}

function userSync(): Workflow {
	return example('okta-halo-user-sync.json');
}

/** Active Halo users managed by Okta: oktaid → "email|name". */
function endState(emulators: Emulators): Map<string, string> {
	const state = new Map<string, string>();
	for (const user of emulators.halo.store.users.all() as Array<Record<string, unknown>>) {
		const oktaId = String(user.oktaid ?? '').trim();
		if (!oktaId || user.inactive === true) continue;
		state.set(
			oktaId,
			`${String(user.emailaddress ?? '').toLowerCase()}|${String(user.name ?? '')}`,
		);
	}
	return state;
}

/** Halo users sharing an Okta id or an email: each extra record is a duplicate. */
function duplicates(emulators: Emulators): number {
	let extra = 0;
	for (const key of ['oktaid', 'emailaddress'] as const) {
		const seen = new Map<string, number>();
		for (const user of emulators.halo.store.users.all() as Array<Record<string, unknown>>) {
			const value = String(user[key] ?? '')
				.trim()
				.toLowerCase();
			if (!value || user.inactive === true) continue;
			seen.set(value, (seen.get(value) ?? 0) + 1);
		}
		for (const count of seen.values()) extra += Math.max(0, count - 1);
	}
	return extra;
}

interface Scenario {
	name: string;
	kind: 'fault' | 'bad input';
	/** What the scenario injects. */
	inject: string;
	/** Sets up the fault or bad input; returns the run's credentials and workflow. */
	prepare: (
		emulators: Emulators,
		elsewhere: RecordingServer,
	) => {
		credentials?: CredentialStore;
		workflow?: Workflow;
		startNode?: string;
		startItems?: unknown[];
	};
	/** After the faulty run, a clean rerun (faults); bad inputs must stop before any write. */
	expect: 'identical after rerun' | 'stopped before any write' | 'identical';
}

interface Figures {
	name: string;
	kind: string;
	inject: string;
	status: string;
	writesInFaultyRun: number;
	endState: string;
	duplicates: number;
	lost: number;
	secrets: number;
	ok: boolean;
}

const users = (req: { path: string }) => req.path === '/api/v1/users';
const haloUsersGet = (req: { path: string; method: string }) =>
	/^\/api\/users$/i.test(req.path) && req.method === 'GET';
const haloUsersPost = (req: { path: string; method: string }) =>
	/^\/api\/users$/i.test(req.path) && req.method === 'POST';

const SCENARIOS: Scenario[] = [
	{
		name: 'Okta 429 storm',
		kind: 'fault',
		inject: '6 consecutive 429s on the user listing',
		prepare: (e) => {
			e.okta.server.addFault({ match: users, status: 429, times: 6 });
			return {};
		},
		expect: 'identical',
	},
	{
		name: 'Okta 5xx mid-paging',
		kind: 'fault',
		inject: '503 on the 2nd and 3rd user pages',
		prepare: (e) => {
			e.okta.server.addFault({ match: users, status: 503, skip: 1, times: 2 });
			return {};
		},
		expect: 'identical',
	},
	{
		name: 'Okta connection dropped mid-paging',
		kind: 'fault',
		inject: 'socket destroyed on the 2nd user page',
		prepare: (e) => {
			e.okta.server.addFault({ match: users, drop: 'before', skip: 1, times: 1 });
			return {};
		},
		expect: 'identical',
	},
	{
		name: 'Halo 429',
		kind: 'fault',
		inject: '3 consecutive 429s on the Halo user listing',
		prepare: (e) => {
			e.halo.server.addFault({ match: haloUsersGet, status: 429, times: 3 });
			return {};
		},
		expect: 'identical',
	},
	{
		name: 'Halo 5xx on a write',
		kind: 'fault',
		inject: '503 on the first POST /api/Users',
		prepare: (e) => {
			e.halo.server.addFault({ match: haloUsersPost, status: 503, times: 1 });
			return {};
		},
		expect: 'identical after rerun',
	},
	{
		name: 'Connection dropped mid-write',
		kind: 'fault',
		inject: 'Halo saves the first POST /api/Users, then the socket is destroyed',
		prepare: (e) => {
			e.halo.server.addFault({ match: haloUsersPost, drop: 'after', times: 1 });
			return {};
		},
		expect: 'identical after rerun',
	},
	{
		name: 'Crash between creates and roles',
		kind: 'fault',
		inject: 'the run ends after Upsert (no Apply Role Mappings, no tickets); then the full sync',
		prepare: () => {
			const full = example('okta-halo-full-sync.json');
			const keep = new Set([
				'Schedule Trigger',
				'List Okta Users and Groups',
				'Map to Halo',
				'Upsert Halo User/Agent',
			]);
			return { workflow: { ...full, nodes: full.nodes.filter((n) => keep.has(n.name)) } };
		},
		expect: 'identical after rerun',
	},
	{
		name: 'Malformed configuration',
		kind: 'bad input',
		inject: 'Upsert matchOn ["__proto__"]',
		prepare: () => {
			const workflow = userSync();
			const upsert = workflow.nodes.find((n) => n.name === 'Upsert Halo User/Agent')!;
			upsert.parameters.configJson = JSON.stringify({ user: { matchOn: ['__proto__'] } });
			return { workflow };
		},
		expect: 'stopped before any write',
	},
	{
		name: 'Malformed items',
		kind: 'bad input',
		inject: 'Upsert fed items that are not Map to Halo results',
		prepare: () => ({
			startNode: 'Upsert Halo User/Agent',
			startItems: [{ json: { target: 'user', record: 'x' } }, { json: { okta: 5 } }],
		}),
		expect: 'stopped before any write',
	},
	{
		name: 'Wrong Halo client secret',
		kind: 'bad input',
		inject: 'haloApi clientSecret wrong',
		prepare: (e) => {
			const credentials = e.credentials();
			credentials.haloApi = { ...credentials.haloApi, clientSecret: 'wrong-secret-value' };
			return { credentials };
		},
		expect: 'stopped before any write',
	},
	{
		name: 'Missing Okta token',
		kind: 'bad input',
		inject: 'oktaTokenApi apiToken empty',
		prepare: (e) => {
			const credentials = e.credentials();
			credentials.oktaTokenApi = { ...credentials.oktaTokenApi, apiToken: '' };
			return { credentials };
		},
		expect: 'stopped before any write',
	},
	{
		name: 'Oversized payload',
		kind: 'bad input',
		inject: 'Okta answers the user listing with a 5 MB body of garbage',
		prepare: (e) => {
			e.okta.server.addFault({
				match: users,
				answer: { status: 200, body: 'x'.repeat(5 * 1024 * 1024) },
				times: 20,
			});
			return {};
		},
		expect: 'stopped before any write',
	},
	{
		name: 'Redirect to another host',
		kind: 'bad input',
		inject: 'Okta 307 to a second loopback server',
		prepare: (e, elsewhere) => {
			e.okta.server.addFault({
				match: users,
				answer: { status: 307, headers: { Location: `${elsewhere.url}/api/v1/users` }, body: '' },
				times: 20,
			});
			return {};
		},
		expect: 'stopped before any write',
	},
	{
		name: 'Spoofed authinfo',
		kind: 'bad input',
		inject: 'Halo /api/authinfo names a second loopback server',
		prepare: (e, elsewhere) => {
			e.halo.server.addFault({
				match: (req) => /^\/api\/authinfo$/i.test(req.path),
				answer: { status: 200, body: { auth_url: `${elsewhere.url}/auth` } },
				times: 20,
			});
			return {};
		},
		expect: 'stopped before any write',
	},
];

async function withEmulators<T>(fn: (emulators: Emulators) => Promise<T>): Promise<T> {
	const emulators = await startEmulators({
		okta: { org: ORG },
		halo: { rateLimit: { max: 100_000, windowMs: 300_000 } },
	});
	try {
		return await fn(emulators);
	} finally {
		await emulators.close();
	}
}

function haloApiWrites(emulators: Emulators): number {
	return emulators.halo.server.log.filter((r) => /^\/api\//i.test(r.path) && r.method === 'POST')
		.length;
}

async function run(
	workflow: Workflow,
	credentials: CredentialStore,
	extra: { startNode?: string; startItems?: unknown[] } = {},
): Promise<RunResult> {
	return runWorkflow(workflow, {
		credentials,
		collectSecretFindings: true,
		startNode: extra.startNode,
		startItems: extra.startItems as never,
	});
}

async function cleanState(workflow: Workflow): Promise<Map<string, string>> {
	return withEmulators(async (emulators) => {
		const result = await run(workflow, emulators.credentials());
		if (result.status !== 'success') throw new Error(`clean run failed: ${String(result.error)}`);
		return endState(emulators);
	});
}

function sameState(a: Map<string, string>, b: Map<string, string>): boolean {
	if (a.size !== b.size) return false;
	for (const [key, value] of a) if (b.get(key) !== value) return false;
	return true;
}

async function runScenario(
	scenario: Scenario,
	clean: Map<string, string>,
	cleanFull: Map<string, string>,
): Promise<Figures> {
	const elsewhere = await startRecordingServer();
	try {
		return await withEmulators(async (emulators) => {
			const before = endState(emulators);
			const prepared = scenario.prepare(emulators, elsewhere);
			const workflow = prepared.workflow ?? userSync();
			const credentials = prepared.credentials ?? emulators.credentials();
			emulators.clearLogs();
			const faulty = await run(workflow, credentials, prepared);
			const writes = haloApiWrites(emulators);
			let secrets = faulty.secretsFound.length + elsewhere.credentialed().length;
			let state = endState(emulators);
			let expected = clean;
			let endLabel: string;
			let ok: boolean;
			if (scenario.expect === 'stopped before any write') {
				ok = faulty.status !== 'success' && writes === 0 && sameState(state, before);
				endLabel = ok
					? 'stopped before any write'
					: `changed (${writes} writes, status ${faulty.status})`;
			} else {
				if (scenario.expect === 'identical after rerun') {
					emulators.okta.server.clearFaults();
					emulators.halo.server.clearFaults();
					const rerunWorkflow = scenario.name.startsWith('Crash')
						? example('okta-halo-full-sync.json')
						: userSync();
					if (scenario.name.startsWith('Crash')) expected = cleanFull;
					const rerun = await run(rerunWorkflow, emulators.credentials());
					secrets += rerun.secretsFound.length;
					state = endState(emulators);
				}
				ok = sameState(state, expected);
				endLabel = ok
					? scenario.expect === 'identical'
						? `identical (run ${faulty.status})`
						: `identical after rerun (faulty run ${faulty.status})`
					: 'differs from the clean run';
			}
			const kept = scenario.expect === 'stopped before any write' ? before : expected;
			const lost = [...kept.keys()].filter((id) => !state.has(id)).length;
			const dupes = duplicates(emulators);
			ok = ok && dupes === 0 && lost === 0 && secrets === 0;
			return {
				name: scenario.name,
				kind: scenario.kind,
				inject: scenario.inject,
				status: faulty.status,
				writesInFaultyRun: writes,
				endState: endLabel,
				duplicates: dupes,
				lost,
				secrets,
				ok,
			};
		});
	} finally {
		await elsewhere.close();
	}
}

function report(figures: Figures[], cleanSize: number, started: Date, ms: number): string {
	const rows = figures.map(
		(f) =>
			`| ${f.name} | ${f.kind} | ${f.inject} | ${f.writesInFaultyRun} | ${f.endState} | ${f.duplicates} | ${f.lost} | ${f.secrets} | ${f.ok ? 'pass' : '**FAIL**'} |`,
	);
	const total = (key: 'duplicates' | 'lost' | 'secrets') => figures.reduce((s, f) => s + f[key], 0);
	return [
		'# Reliability and security report',
		'',
		'Written by `npm run test:reliability` (test/reliability/run.ts); every figure below was measured in that run.',
		'Each scenario starts fresh emulators (Okta: ' +
			`${ORG.users} users, ${ORG.groups} groups, seed ${ORG.seed}; the clean run leaves ${cleanSize} active Okta-managed Halo users), ` +
			"runs an example workflow in n8n's engine with the fault or bad input, and, for faults that end a run, runs it again without the fault, as the next scheduled run would.",
		'',
		'- **End state**: active Halo users (Okta id, email, name) compared with a clean run: identical, or stopped before any write (no Halo write, nothing changed).',
		'- **Duplicates**: extra active Halo users sharing an Okta id or an email.',
		'- **Lost**: people active in the clean run (or before a stopped run) missing afterwards.',
		'- **Secrets**: secrets (Okta token, client secret, bearer tokens, DPoP proofs) found in output items or errors, plus credentialed requests that reached the second loopback host.',
		'',
		`Run: ${started.toISOString()}, ${Math.round(ms / 1000)} s, ${figures.length} scenarios.`,
		'',
		'| Scenario | Kind | Injected | Halo writes in the faulty run | End state | Duplicates | Lost | Secrets | Result |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows,
		'',
		`Totals: duplicates ${total('duplicates')}, people lost ${total('lost')}, secrets found ${total('secrets')}; ` +
			`${figures.filter((f) => f.ok).length} of ${figures.length} scenarios pass.`,
		'',
		'See docs/security.md for the rules these scenarios check.',
		'',
	].join('\n');
}

async function main(): Promise<void> {
	const started = new Date();
	const t0 = Date.now();
	const clean = await cleanState(userSync());
	const cleanFull = await cleanState(example('okta-halo-full-sync.json'));
	const only = process.env.RELIABILITY_ONLY;
	const figures: Figures[] = [];
	for (const scenario of SCENARIOS) {
		if (only && !scenario.name.toLowerCase().includes(only.toLowerCase())) continue;
		const f = await runScenario(scenario, clean, cleanFull);
		console.log(
			`${f.ok ? 'pass' : 'FAIL'}  ${f.name}: ${f.endState}; writes ${f.writesInFaultyRun}, duplicates ${f.duplicates}, lost ${f.lost}, secrets ${f.secrets}`,
		);
		figures.push(f);
	}
	const text = report(figures, clean.size, started, Date.now() - t0);
	if (!only) writeFileSync(path.join(PACKAGE_DIR, 'docs', 'reliability.md'), text);
	const failed = figures.filter((f) => !f.ok);
	if (failed.length > 0) {
		console.error(`${failed.length} scenario(s) failed: ${failed.map((f) => f.name).join(', ')}`);
		process.exitCode = 1;
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
