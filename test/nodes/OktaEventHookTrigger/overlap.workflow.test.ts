/**
 * Okta's "create and activate" as two deliveries that overlap: for each of 6
 * new starters, `user.lifecycle.create` and `user.lifecycle.activate` arrive
 * as two simultaneous deliveries, n8n starts two executions of the webhook
 * onboarding example at once, and Halo answers slowly (every call waits), so
 * both executions are reading Halo before either writes. Each person must end
 * with exactly one Halo user and one onboarding ticket (docs/concurrency.md,
 * "Overlapping deliveries"). Runs in n8n's own engine, the package loaded
 * from dist (`npm run build` first).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IConnections, INode } from 'n8n-workflow';

import { userEvent } from '../../../emulators/okta';
import type { Emulators } from '../../helpers/emulators';
import { startEmulators } from '../../helpers/emulators';
import { fillHalo } from '../../helpers/bigHalo';
import { PACKAGE_DIR } from '../../helpers/n8nEngine';
import { packageTriggerHarness } from '../../helpers/webhook';

const SECRET = 'overlap-hook-secret-41d0';
const TRIGGER = 'Okta Event Hook Trigger';
const PEOPLE = 6;
const HALO_LATENCY_MS = 40;
/** Large enough that reading every page would cost far more than looking people up. */
const HALO_USERS = 2_000;
const HALO_TICKETS = 1_000;

interface WorkflowJson {
	name: string;
	nodes: INode[];
	connections: IConnections;
}

function example(): WorkflowJson {
	return JSON.parse(
		readFileSync(path.join(PACKAGE_DIR, 'examples', 'okta-halo-webhook-onboarding.json'), 'utf8'),
	) as WorkflowJson;
}

function delivery(events: unknown[]) {
	return { eventType: 'com.okta.event_hook', eventTypeVersion: '1.0', data: { events } };
}

let emulators: Emulators;

beforeAll(async () => {
	emulators = await startEmulators({
		okta: { org: { users: 30, groups: 4, apps: 1 } },
		halo: { latencyMs: HALO_LATENCY_MS, rateLimit: { max: 100_000, windowMs: 300_000 } },
	});
	fillHalo(emulators.halo, { users: HALO_USERS, tickets: HALO_TICKETS });
});

afterAll(async () => {
	await emulators?.close();
});

test(`create and activate as two simultaneous deliveries for each of ${PEOPLE} people, Halo slow: one Halo user and one ticket each`, async () => {
	const { okta, halo } = emulators;
	const h = await packageTriggerHarness(example(), TRIGGER, {
		credentialData: {
			...emulators.credentials(),
			oktaEventHookApi: { headerName: 'Authorization', secret: SECRET },
		},
	});
	const people = Array.from({ length: PEOPLE }, (_, i) =>
		okta.store.createUser(
			{
				firstName: 'Overlap',
				lastName: `Starter${i + 1}`,
				email: `overlap.starter${i + 1}@example.com`,
			},
			'ACTIVE',
		),
	);

	emulators.clearLogs();
	// Twelve deliveries at once, each answered right away with its own execution.
	const answers = await Promise.all(
		people.flatMap((person) =>
			['user.lifecycle.create', 'user.lifecycle.activate'].map((type) =>
				h.call({
					method: 'POST',
					headers: { Authorization: SECRET },
					body: delivery([userEvent(type, person)]),
				}),
			),
		),
	);
	assert.deepEqual(
		answers.map((answer) => answer.status),
		Array(PEOPLE * 2).fill(200),
	);
	assert.equal(h.executions.length, PEOPLE * 2);

	// n8n runs the executions side by side; all of them start before any Halo answer arrives.
	const runs = await Promise.all(h.executions.map(async (data) => await h.execute(data)));
	for (const run of runs)
		assert.equal(run.status, 'success', String(run.error ?? JSON.stringify(run.nodeErrors)));

	for (const person of people) {
		const users = halo.store.users
			.all()
			.filter((user) => user.emailaddress === person.profile.email);
		assert.equal(users.length, 1, `${person.profile.email}: Halo users`);
		const tickets = halo.store.tickets.all().filter((ticket) => ticket.user_id === users[0].id);
		assert.equal(tickets.length, 1, `${person.profile.email}: onboarding tickets`);
	}
	// Per person exactly one execution created them; the other found the record.
	const actions = runs
		.flatMap((run) => run.output['Upsert Halo User/Agent'])
		.map((item) => item.action)
		.sort();
	assert.deepEqual(actions.filter((action) => action === 'created').length, PEOPLE);

	// Small runs cost little: each delivery (one person) within 2 + 4 × 1 Halo API calls, onboarding
	// included, on a Halo whose pages alone would take 20 + 10 calls.
	const apiCalls = halo.server.log.filter((entry) => entry.path.startsWith('/api/')).length;
	assert.ok(
		apiCalls <= PEOPLE * 2 * (2 + 4),
		`${apiCalls} Halo API calls for ${PEOPLE * 2} deliveries`,
	);
});
