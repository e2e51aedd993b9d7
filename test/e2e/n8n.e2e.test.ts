/**
 * End to end in a real n8n 2.41.1 server: the packed package installed where
 * n8n keeps community packages, credentials and workflows imported with the
 * CLI, workflows run with `n8n execute`, and the webhook workflow published and
 * called over HTTP while `n8n start` serves it. Both emulators run in this
 * process on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { Emulators } from '../helpers/emulators';
import { HALO_CLIENT_ID, HALO_CLIENT_SECRET, OKTA_TOKEN, startEmulators } from '../helpers/emulators';
import { N8nInstance, PACKAGE_DIR, installN8n, nodeOutput, packPackage } from './realN8n';

const HOOK_SECRET = 'e2e-hook-secret-value';

function workflowFile(relative: string, id: string): Record<string, unknown> {
	const json = JSON.parse(readFileSync(path.join(PACKAGE_DIR, relative), 'utf8')) as Record<string, unknown>;
	return { ...json, id, active: false };
}

describe('the package in a real n8n server', { timeout: 30 * 60_000 }, () => {
	let n8n: N8nInstance;
	let emulators: Emulators;

	before(async () => {
		const install = installN8n();
		const tarball = packPackage(mkdtempSync(path.join(tmpdir(), 'okta-halo-pack-')));
		n8n = new N8nInstance(install, tarball);
		emulators = await startEmulators({
			okta: { org: { users: 300, groups: 12, apps: 3, seed: 7 } },
			halo: { rateLimit: { max: 10_000, windowMs: 300_000 } },
		});
		await n8n.importCredentials([
			{ id: 'okta-token', name: 'Okta (emulator)', type: 'oktaTokenApi', data: { url: emulators.okta.url, apiToken: OKTA_TOKEN } },
			{
				id: 'halo',
				name: 'Halo (emulator)',
				type: 'haloApi',
				data: { url: emulators.halo.url, clientId: HALO_CLIENT_ID, clientSecret: HALO_CLIENT_SECRET, scope: 'all' },
			},
			{ id: 'okta-hook', name: 'Okta event hook secret', type: 'oktaEventHookApi', data: { headerName: 'Authorization', secret: HOOK_SECRET } },
		]);
		await n8n.importWorkflow(workflowFile('test/e2e/workflows/okta-list-users.json', 'e2eListUsers'));
		await n8n.importWorkflow(workflowFile('examples/okta-halo-webhook-onboarding.json', 'e2eWebhookOnboarding'));
	});

	after(async () => {
		await n8n?.stop();
		await emulators?.close();
		n8n?.cleanup();
	});

	test('List Okta Users and Groups returns every user, DEPROVISIONED included, each with groups', async () => {
		const result = await n8n.execute('e2eListUsers');
		const users = nodeOutput(result, 'List Okta Users and Groups');
		const store = emulators.okta.store;
		assert.equal(users.length, store.users.length);
		assert.ok(users.some((u) => u.status === 'DEPROVISIONED'), 'DEPROVISIONED users are listed');
		const member = store.groups.find((g) => store.membersOf(g.id).length > 0)!;
		const someone = store.membersOf(member.id)[0];
		const listed = users.find((u) => u.id === someone.id) as { groups: Array<{ id: string; name: string }> };
		assert.ok(listed.groups.some((g) => g.id === member.id && g.name === member.profile.name));
	});

	test('the webhook onboarding workflow answers Okta live: verification, wrong secret, a new starter', async () => {
		await n8n.cli(['publish:workflow', '--id=e2eWebhookOnboarding']);
		await n8n.start();
		const workflow = workflowFile('examples/okta-halo-webhook-onboarding.json', 'e2eWebhookOnboarding') as {
			nodes: Array<{ type: string; webhookId?: string }>;
		};
		const trigger = workflow.nodes.find((n) => n.type.endsWith('.oktaEventHookTrigger'))!;
		const url = `http://127.0.0.1:${n8n.port}/webhook/${trigger.webhookId}/okta-event-hook`;

		// /healthz answers before workflows are active: wait for the webhook itself.
		let verification: Response | undefined;
		for (let i = 0; i < 60; i++) {
			verification = await fetch(url, { headers: { 'X-Okta-Verification-Challenge': 'challenge-123', Authorization: HOOK_SECRET } });
			if (verification.status !== 404) break;
			await new Promise((r) => setTimeout(r, 500));
		}
		assert.equal(verification!.status, 200);
		assert.deepEqual(await verification!.json(), { verification: 'challenge-123' });

		const newStarter = emulators.okta.store.createUser(
			{ firstName: 'Nadia', lastName: 'Okafor', email: 'nadia.okafor@example.com', login: 'nadia.okafor@example.com' },
			'ACTIVE',
		);
		const delivery = {
			eventType: 'com.okta.event_hook',
			eventTypeVersion: '1.0',
			cloudEventsVersion: '0.1',
			source: 'https://example.okta.com/api/v1/eventHooks/who01',
			eventId: 'b5d4b5a0-0000-4000-8000-000000000001',
			data: {
				events: [
					{
						uuid: 'e2e-event-1',
						published: new Date().toISOString(),
						eventType: 'user.lifecycle.create',
						displayMessage: 'Create Okta user',
						target: [{ id: newStarter.id, type: 'User', alternateId: newStarter.profile.login, displayName: 'Nadia Okafor' }],
					},
				],
			},
		};
		const refused = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: 'wrong-secret' },
			body: JSON.stringify(delivery),
		});
		assert.equal(refused.status, 401);

		const accepted = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: HOOK_SECRET },
			body: JSON.stringify(delivery),
		});
		assert.equal(accepted.status, 200);

		const halo = emulators.halo.store;
		let created: { id: number } | undefined;
		for (let i = 0; i < 60 && !created; i++) {
			created = halo.users.all().find((u) => String(u.emailaddress).toLowerCase() === 'nadia.okafor@example.com') as { id: number } | undefined;
			if (!created) await new Promise((r) => setTimeout(r, 500));
		}
		assert.ok(created, 'the new starter is a Halo user');
		let tickets: unknown[] = [];
		for (let i = 0; i < 30 && tickets.length === 0; i++) {
			tickets = halo.tickets.all().filter((t) => t.user_id === created!.id);
			if (tickets.length === 0) await new Promise((r) => setTimeout(r, 500));
		}
		assert.equal(tickets.length, 1, 'exactly one onboarding ticket');
	});
});
