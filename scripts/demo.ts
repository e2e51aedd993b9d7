/**
 * `npm run demo`: the full sync example (examples/okta-halo-full-sync.json) run
 * by n8n's own engine against the Okta and Halo emulators, three times: a first
 * sync, a run with nothing to do, and a run after changes in Okta. Prints what
 * each node did and how many API calls each run made.
 *   DEMO_USERS (1000), DEMO_GROUPS (30), DEMO_LATENCY_MS (2)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { defaultHaloSeed } from '../emulators/halo';
import { startEmulators } from '../test/helpers/emulators';
import type { Emulators } from '../test/helpers/emulators';
import { PACKAGE_DIR, runWorkflow } from '../test/helpers/n8nEngine';
import type { RunResult } from '../test/helpers/n8nEngine';

const ACTIVE = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY']);
const out = (line = '') => process.stdout.write(line + '\n');

function countBy(
	items: IDataObject[],
	key: (item: IDataObject) => string | undefined,
): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const item of items) {
		const value = key(item);
		if (value) counts[value] = (counts[value] ?? 0) + 1;
	}
	return counts;
}

function describeCounts(counts: Record<string, number>): string {
	const parts = Object.entries(counts).map(([name, n]) => `${n} ${name}`);
	return parts.length ? parts.join(', ') : 'nothing';
}

function roleChanges(items: IDataObject[], direction: 'added' | 'removed'): number {
	let total = 0;
	for (const item of items) {
		const change = (item.roles as IDataObject | undefined)?.[direction] as
			Record<string, unknown[]> | undefined;
		for (const list of Object.values(change ?? {})) total += Array.isArray(list) ? list.length : 0;
	}
	return total;
}

function report(title: string, result: RunResult, emulators: Emulators) {
	if (result.status !== 'success') throw result.error ?? new Error(`${title} failed`);
	const o = result.output;
	const upsert = o['Upsert Halo User/Agent'] ?? [];
	const roles = o['Apply Role Mappings'] ?? [];
	const tickets = (o['Create Onboarding Ticket'] ?? []).filter((i) => i.ticketId);
	out(`${title}`);
	out(`  List Okta Users and Groups  ${(o['List Okta Users and Groups'] ?? []).length} users read`);
	out(`  Map to Halo                 ${(o['Map to Halo'] ?? []).length} records mapped`);
	out(`  Upsert Halo User/Agent      ${describeCounts(countBy(upsert, (i) => String(i.action)))}`);
	out(
		`  Apply Role Mappings         ${roleChanges(roles, 'added')} roles/CAB seats added, ${roleChanges(roles, 'removed')} removed`,
	);
	out(`  Create Onboarding Ticket    ${tickets.length} tickets created`);
	out(
		`  API calls                   Okta ${emulators.oktaCalls()}, Halo ${emulators.haloCalls()} (${emulators.haloWrites()} writes)`,
	);
	out();
}

async function main() {
	const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
	const latencyMs = env('DEMO_LATENCY_MS', 2);
	const seed = defaultHaloSeed();
	['IT', 'Customer Support', 'Engineering', 'Security'].forEach((name, i) =>
		seed.teams.push({ ...seed.teams[0], id: 10 + i, name }),
	);
	const emulators = await startEmulators({
		okta: {
			org: { users: env('DEMO_USERS', 1000), groups: env('DEMO_GROUPS', 30), apps: 3, seed: 1 },
			latencyMs,
		},
		halo: { latencyMs, seed: { teams: seed.teams } },
	});
	try {
		const workflow = JSON.parse(
			readFileSync(path.join(PACKAGE_DIR, 'examples', 'okta-halo-full-sync.json'), 'utf8'),
		);
		const store = emulators.okta.store;
		const active = store.users.filter((u) => ACTIVE.has(u.status)).length;
		out(
			`Okta emulator ${emulators.okta.url}: ${store.users.length} users (${active} active), ${store.groups.length} groups`,
		);
		out(
			`Halo emulator ${emulators.halo.url}: empty; rate limit 300 requests per rolling 5 minutes`,
		);
		out(
			`Workflow: ${workflow.name} (examples/okta-halo-full-sync.json), run by n8n's WorkflowExecute`,
		);
		out();

		const first = await runWorkflow(workflow, { credentials: emulators.credentials() });
		report('Run 1: first full sync', first, emulators);

		emulators.clearLogs();
		const second = await runWorkflow(workflow, { credentials: first.credentials });
		report('Run 2: nothing changed in Okta', second, emulators);

		const people = store.users.filter((u) => ACTIVE.has(u.status));
		for (const user of people.slice(0, 5)) store.updateUser(user.id, { status: 'SUSPENDED' });
		for (const user of people.slice(5, 15))
			store.updateUser(user.id, { profile: { title: 'Team Lead' } });
		const managers = store.groupByName('Managers');
		if (managers) for (const user of people.slice(15, 20)) store.addMember(managers.id, user.id);
		for (let i = 0; i < 3; i++) {
			store.createUser(
				{
					firstName: 'New',
					lastName: `Starter ${i + 1}`,
					email: `new.starter${i + 1}@example.com`,
					login: `new.starter${i + 1}@example.com`,
				},
				'ACTIVE',
			);
		}
		emulators.clearLogs();
		const third = await runWorkflow(workflow, { credentials: first.credentials });
		report('Run 3: 5 leavers, 10 new titles, 5 new managers, 3 new starters', third, emulators);

		const halo = emulators.halo.store;
		out(
			`Halo now holds ${halo.users.all().length} users (${halo.users.all().filter((u) => u.inactive).length} inactive) and ${halo.tickets.all().length} onboarding tickets.`,
		);
	} finally {
		await emulators.close();
	}
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
