/**
 * `npm run dev`: a real n8n editor on http://localhost:5678 with this package
 * installed, credentials for the Okta and Halo emulators (started here, with a
 * demo org) and every workflow of examples/ imported. Ctrl-C stops everything.
 *   N8N_PORT (5678), OKTA_PORT (8181), HALO_PORT (8282), ORG_USERS (300), ORG_GROUPS (30), LATENCY_MS (2)
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { defaultHaloSeed, startHaloEmulator } from '../emulators/halo';
import type { HaloEmulator } from '../emulators/halo';
import { startOktaEmulator } from '../emulators/okta';
import type { OktaEmulator } from '../emulators/okta';
import {
	N8nInstance,
	emulatorCredentials,
	exampleWorkflows,
	installN8n,
	packPackage,
} from '../test/e2e/realN8n';

const out = (line = '') => process.stdout.write(line + '\n');
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** Demo login; the password is new each run (n8n wants a digit and a capital). */
const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'User',
	password: `Demo-${randomBytes(6).toString('hex')}-1`,
};
const HOOK_SECRET = 'demo-okta-hook-secret';

async function startDemoEmulators() {
	const latencyMs = num('LATENCY_MS', 2);
	const okta = await startOktaEmulator({
		port: num('OKTA_PORT', 8181),
		latencyMs,
		org: { users: num('ORG_USERS', 300), groups: num('ORG_GROUPS', 30), apps: 3, seed: 1 },
	});
	// Teams named like Okta departments, so the agent sync's "team ← department" mapping finds them.
	const seed = defaultHaloSeed();
	['IT', 'Customer Support', 'Engineering', 'Security'].forEach((name, i) =>
		seed.teams.push({ ...seed.teams[0], id: 10 + i, name }),
	);
	const halo = await startHaloEmulator({
		port: num('HALO_PORT', 8282),
		latencyMs,
		seed: { teams: seed.teams },
	});
	serveHaloState(halo);
	return { okta, halo };
}

/** GET {halo}/demo: what the workflows wrote (outside /api, so no token needed). */
function serveHaloState(halo: HaloEmulator) {
	halo.server.route('GET', '/demo', () => ({ status: 200, body: haloState(halo) }));
}

function haloState(halo: HaloEmulator) {
	const users = halo.store.users.all();
	const agents = halo.store.agents.all().filter((a) => a.id !== halo.store.apiAgentId);
	return {
		summary: `${users.length} users (${users.filter((u) => u.inactive).length} inactive), ${agents.length} agents, ${halo.store.tickets.all().length} tickets`,
		users: users.map((u) => ({
			id: u.id,
			name: u.name,
			email: u.emailaddress,
			site: u.site_name ?? u.site_id,
			inactive: u.inactive,
		})),
		agents: agents.map((a) => ({
			id: a.id,
			name: a.name,
			team: a.team,
			roles: a.roles,
			disabled: a.isdisabled,
		})),
		tickets: halo.store.tickets.all().map((t) => ({
			id: t.id,
			summary: t.summary,
			user_id: t.user_id,
			tickettype_id: t.tickettype_id,
		})),
	};
}

/** Prints Halo's counts whenever a workflow run changed them. */
function watchHalo(halo: HaloEmulator): NodeJS.Timeout {
	let last = haloState(halo).summary;
	const timer = setInterval(() => {
		const now = haloState(halo).summary;
		if (now !== last) out(`Halo now: ${now}`);
		last = now;
	}, 2000);
	timer.unref();
	return timer;
}

function createN8n(): N8nInstance {
	out('Preparing n8n (the first run installs it into ~/.cache, a few minutes)…');
	const packDir = mkdtempSync(path.join(tmpdir(), 'okta-halo-pack-'));
	const n8n = new N8nInstance(installN8n(), packPackage(packDir));
	rmSync(packDir, { recursive: true, force: true }); // the constructor has unpacked it
	n8n.port = num('N8N_PORT', 5678);
	n8n.envOverrides = {
		N8N_HOST: 'localhost',
		WEBHOOK_URL: `http://localhost:${n8n.port}/`,
		N8N_LOG_LEVEL: 'warn',
	};
	const logFile = path.join(n8n.userFolder, 'n8n.log');
	n8n.onOutput = (chunk) => appendFileSync(logFile, chunk);
	return n8n;
}

async function startN8n(n8n: N8nInstance, okta: OktaEmulator, halo: HaloEmulator): Promise<void> {
	// Imports go to the owner's personal project (n8n's shell owner until setupOwner claims it).
	await n8n.importCredentials(emulatorCredentials({ okta: okta.url, halo: halo.url }, HOOK_SECRET));
	const examples = exampleWorkflows();
	await n8n.importWorkflows(examples.map((e) => e.workflow));
	// publish:workflow only changes the database, so it runs before start; the webhook is then live.
	const webhook = examples.find((e) =>
		e.workflow.nodes.some((n) => n.type.endsWith('.oktaEventHookTrigger')),
	);
	if (webhook) await n8n.cli(['publish:workflow', `--id=${webhook.id}`]);
	await n8n.start();
	await n8n.setupOwner(OWNER);
}

function printGuide(n8n: N8nInstance, okta: OktaEmulator, halo: HaloEmulator) {
	const url = `http://localhost:${n8n.port}`;
	const examples = exampleWorkflows();
	const featured = examples.find((e) => e.file === 'okta-halo-full-sync.json') ?? examples[0];
	const trigger = examples
		.flatMap((e) => e.workflow.nodes)
		.find((n) => n.type.endsWith('.oktaEventHookTrigger'));
	out(`
n8n editor      ${url}
  log in        ${OWNER.email} / ${OWNER.password}
  workflows
${examples.map((e) => `    - ${e.workflow.name}  ${url}/workflow/${e.id}`).join('\n')}
  n8n log       ${path.join(n8n.userFolder, 'n8n.log')}
Okta emulator   ${okta.url}  (${okta.store.users.length} users, ${okta.store.groups.length} groups; API token okta-test-token)
Halo emulator   ${halo.url}  (client halo-client / halo-secret, scope all)
  what Halo holds: ${halo.url}/demo

Try it: open "${featured.workflow.name}", click "Execute workflow", then click each node to
see its items; watch Halo fill up here or at ${halo.url}/demo. Run it again: nothing to write.
${trigger ? `The event hook workflow is published; its trigger listens at\n  ${url}/webhook/${String(trigger.webhookId)}/okta-event-hook  (header Authorization: ${HOOK_SECRET})\n` : ''}Ctrl-C stops n8n and both emulators.
`);
}

async function main() {
	const { okta, halo } = await startDemoEmulators();
	let n8n: N8nInstance | undefined;
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		out('\nStopping…');
		await n8n?.stop();
		await Promise.all([okta.close(), halo.close()]);
		n8n?.cleanup();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	try {
		n8n = createN8n();
		await startN8n(n8n, okta, halo);
	} catch (error) {
		await n8n?.stop();
		await Promise.all([okta.close(), halo.close()]);
		n8n?.cleanup();
		throw error;
	}
	printGuide(n8n, okta, halo);
	watchHalo(halo);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
