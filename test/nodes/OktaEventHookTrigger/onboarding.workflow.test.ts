/**
 * examples/okta-halo-webhook-onboarding.json end to end in n8n's engine: the
 * trigger registers its hook in the Okta emulator, Okta delivers
 * `user.lifecycle.create`, and Trigger → List by ID → Map → Upsert → Apply Role
 * Mappings → Create Onboarding Ticket leaves one Halo user with their roles and
 * exactly one onboarding ticket. Needs `npm run build` (the package is loaded
 * from dist, as n8n loads it).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IConnections, INode } from 'n8n-workflow';

import { HALO_SEED } from '../../../emulators/halo';
import { userEvent } from '../../../emulators/okta';
import type { Emulators } from '../../helpers/emulators';
import { startEmulators } from '../../helpers/emulators';
import { PACKAGE_DIR } from '../../helpers/n8nEngine';
import { packageTriggerHarness } from '../../helpers/webhook';
import type { TriggerHarness } from '../../helpers/webhook';

const SECRET = 'onboarding-hook-secret-3b8e51';
const TRIGGER = 'Okta Event Hook Trigger';

interface WorkflowJson {
	name: string;
	nodes: INode[];
	connections: IConnections;
}

function example(): WorkflowJson {
	const workflow = JSON.parse(
		readFileSync(path.join(PACKAGE_DIR, 'examples', 'okta-halo-webhook-onboarding.json'), 'utf8'),
	) as WorkflowJson;
	// Let the trigger register its hook in the (emulated) Okta, so Okta itself delivers.
	const trigger = workflow.nodes.find((node) => node.name === TRIGGER)!;
	trigger.parameters = { ...trigger.parameters, authentication: 'apiToken' };
	trigger.credentials = {
		...trigger.credentials,
		oktaTokenApi: { id: 'okta-token', name: 'Okta (emulator)' },
	};
	return workflow;
}

let emulators: Emulators;
let h: TriggerHarness;
let close: () => Promise<void>;

beforeAll(async () => {
	emulators = await startEmulators({ okta: { org: { users: 20, groups: 4, apps: 1 } } });
	h = await packageTriggerHarness(example(), TRIGGER, {
		credentialData: {
			...emulators.credentials(),
			oktaEventHookApi: { headerName: 'Authorization', secret: SECRET },
		},
	});
	({ close } = await h.serve());
	await h.activate();
});

afterAll(async () => {
	await h?.deactivate();
	await close?.();
	await emulators?.close();
});

describe('webhook onboarding example (n8n engine, both emulators)', () => {
	test('user.lifecycle.create → one Halo user with roles and exactly one onboarding ticket; repeats change nothing', async () => {
		const { okta, halo } = emulators;
		assert.equal(okta.store.eventHooks.length, 1);
		assert.equal(okta.store.eventHooks[0].verificationStatus, 'VERIFIED');

		const managers = okta.store.groupByName('Managers') ?? okta.store.createGroup('Managers');
		const person = okta.store.createUser({
			firstName: 'Nadia',
			lastName: 'Newstart',
			email: 'nadia.newstart@example.com',
		});
		okta.store.addMember(managers.id, person.id);
		const created = userEvent('user.lifecycle.create', person);
		const activated = userEvent('user.lifecycle.activate', person);

		// One delivery, two events of the person: two trigger items, one Halo user (Upsert skips the duplicate).
		assert.deepEqual(await okta.deliverEvents([created, activated]), [200]);
		assert.equal(h.executions.length, 1);
		assert.deepEqual(
			h.executions[0][0].map((item) => item.json.userId),
			[person.id, person.id],
		);

		const run = await h.execute(h.executions[0]);
		assert.equal(run.status, 'success', String(run.error ?? JSON.stringify(run.nodeErrors)));
		assert.deepEqual(Object.keys(run.nodeErrors), []);
		assert.deepEqual(
			Object.keys(run.output).sort(),
			[
				TRIGGER,
				'List by ID',
				'Map to Halo',
				'Upsert Halo User/Agent',
				'Apply Role Mappings',
				'Create Onboarding Ticket',
			].sort(),
		);
		assert.equal(run.output['List by ID'].length, 2);
		assert.deepEqual(
			run.output['Upsert Halo User/Agent'].map((item) => item.action),
			['created', 'skipped'],
		);

		const users = halo.store.users.all().filter((user) => user.oktaid === person.id);
		assert.equal(users.length, 1);
		const [user] = users;
		assert.equal(user.name, 'Nadia Newstart');
		assert.equal(user.emailaddress, 'nadia.newstart@example.com');
		assert.equal(user.site_id, HALO_SEED.sites.headOffice);
		assert.deepEqual(
			user.roles.map((role) => role.id).sort(),
			[HALO_SEED.userRoles.standard, HALO_SEED.userRoles.approver].sort(),
		);

		const tickets = () => halo.store.tickets.all().filter((ticket) => ticket.user_id === user.id);
		assert.equal(tickets().length, 1);
		assert.equal(tickets()[0].tickettype_id, HALO_SEED.ticketTypes.onboarding);
		assert.equal(tickets()[0].summary, 'New starter: Nadia Newstart');

		// Okta delivers at least once: the same delivery again starts nothing.
		assert.deepEqual(await okta.deliverEvents([created, activated]), [200]);
		assert.equal(h.executions.length, 1);

		// A later event about the same person runs the workflow, but nobody gets a second ticket.
		assert.deepEqual(
			await okta.deliverEvents([userEvent('user.lifecycle.activate', person)]),
			[200],
		);
		assert.equal(h.executions.length, 2);
		const again = await h.execute(h.executions[1]);
		assert.equal(again.status, 'success');
		assert.equal(halo.store.users.all().filter((u) => u.oktaid === person.id).length, 1);
		assert.equal(tickets().length, 1);
	});

	test('a delivery with the wrong secret starts nothing', async () => {
		const before = h.executions.length;
		const person = emulators.okta.store.createUser({
			firstName: 'Eve',
			lastName: 'Intruder',
			email: 'eve@example.com',
		});
		const answer = await h.call({
			method: 'POST',
			headers: { Authorization: 'guessed-secret' },
			body: {
				eventType: 'com.okta.event_hook',
				data: { events: [userEvent('user.lifecycle.create', person)] },
			},
		});
		assert.equal(answer.status, 401);
		assert.equal(h.executions.length, before);
		assert.equal(emulators.halo.store.users.all().filter((u) => u.oktaid === person.id).length, 0);
	});
});
