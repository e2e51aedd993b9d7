/**
 * "Register Event Hook in Okta" (`authentication` not `none`) against the Okta emulator: activation creates
 * the hook and Okta's verification GET reaches the trigger (served on
 * 127.0.0.1 by the harness), deliveries flow, deactivation deletes it.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { OktaEventHookApi } from '../../../credentials/OktaEventHookApi.credentials';
import { OktaTokenApi } from '../../../credentials/OktaTokenApi.credentials';
import { startOktaEmulator, userEvent } from '../../../emulators/okta';
import type { OktaEmulator } from '../../../emulators/okta';
import { OktaEventHookTrigger } from '../../../nodes/OktaEventHookTrigger/OktaEventHookTrigger.node';
import { TriggerHarness } from '../../helpers/webhook';

const SECRET = 'registered-secret-0c9e7a51';

let okta: OktaEmulator;

beforeAll(async () => {
	okta = await startOktaEmulator({ org: { users: 5, groups: 2, apps: 1 } });
});
afterAll(async () => {
	await okta.close();
});

function harness(
	parameters: IDataObject = {},
	options: {
		baseUrl?: string;
		staticData?: IDataObject;
		credentialData?: Record<string, IDataObject>;
	} = {},
) {
	return new TriggerHarness({
		nodeType: new OktaEventHookTrigger(),
		typeName: 'n8n-nodes-okta-halo.oktaEventHookTrigger',
		workflowName: 'Okta onboarding',
		parameters: { authentication: 'apiToken', ...parameters } as never,
		credentials: {
			oktaEventHookApi: { id: 'okta-hook', name: 'Okta event hook secret' },
			oktaTokenApi: { id: 'okta-token', name: 'Okta (emulator)' },
		},
		credentialTypes: [new OktaEventHookApi(), new OktaTokenApi()],
		credentialData: (options.credentialData as never) ?? {
			oktaEventHookApi: { headerName: 'Authorization', secret: SECRET },
			oktaTokenApi: { url: okta.url, apiToken: 'okta-test-token' },
		},
		baseUrl: options.baseUrl,
		staticData: options.staticData,
	});
}

function hookCalls(since: number): string[] {
	return okta.server.log
		.slice(since)
		.filter((entry) => entry.path.startsWith('/api/v1/eventHooks'))
		.map(
			(entry) =>
				`${entry.method} ${entry.path.replace(/\/api\/v1\/eventHooks\/[^/]+/, '/api/v1/eventHooks/{id}')}`,
		);
}

describe('registration in Okta', () => {
	test('activate → create + verify; deliveries reach the trigger; re-activation keeps the hook; deactivate → delete', async () => {
		const h = harness();
		const served = await h.serve();
		try {
			let mark = okta.server.log.length;
			await h.activate();
			assert.deepEqual(hookCalls(mark), [
				'GET /api/v1/eventHooks',
				'GET /api/v1/eventHooks',
				'POST /api/v1/eventHooks',
				'POST /api/v1/eventHooks/{id}/lifecycle/verify',
			]);
			assert.equal(okta.store.eventHooks.length, 1);
			const [hook] = okta.store.eventHooks;
			assert.equal(hook.status, 'ACTIVE');
			assert.equal(hook.verificationStatus, 'VERIFIED');
			assert.equal(hook.channel.config.uri, h.webhookUrl());
			assert.ok(hook.channel.config.uri.startsWith(served.url));
			assert.deepEqual(hook.events.items, ['user.lifecycle.create', 'user.lifecycle.activate']);
			assert.deepEqual(hook.channel.config.authScheme, {
				type: 'HEADER',
				key: 'Authorization',
				value: SECRET,
			});
			assert.equal(hook.name, 'n8n: Okta onboarding');
			assert.equal(h.nodeStaticData.eventHookId, hook.id);

			// Okta delivers with the registered secret: one execution per new delivery, repeats dropped.
			const user = okta.store.users[0];
			const created = userEvent('user.lifecycle.create', user);
			assert.deepEqual(
				await okta.deliverEvents([created, userEvent('user.lifecycle.deactivate', user)]),
				[200],
			);
			assert.deepEqual(await okta.deliverEvents([created]), [200]);
			assert.equal(h.executions.length, 1);
			assert.deepEqual(
				h.executions[0][0].map((item) => [item.json.eventType, item.json.userId]),
				[['user.lifecycle.create', user.id]],
			);

			// n8n activates again on every start ('init'): an unchanged, verified hook is kept.
			mark = okta.server.log.length;
			await h.activate('init');
			assert.deepEqual(hookCalls(mark), ['GET /api/v1/eventHooks']);
			assert.equal(okta.store.eventHooks.length, 1);

			mark = okta.server.log.length;
			await h.deactivate();
			assert.deepEqual(hookCalls(mark), [
				'GET /api/v1/eventHooks/{id}',
				'POST /api/v1/eventHooks/{id}/lifecycle/deactivate',
				'DELETE /api/v1/eventHooks/{id}',
			]);
			assert.equal(okta.store.eventHooks.length, 0);
			assert.equal(h.nodeStaticData.eventHookId, undefined);
		} finally {
			await served.close();
		}
	});

	test('changed event types: the old hook at this URL is replaced, not duplicated', async () => {
		const first = harness();
		const served = await first.serve();
		try {
			await first.activate();
			const oldId = okta.store.eventHooks[0].id;
			const second = harness(
				{ events: ['user.lifecycle.create', 'group.user_membership.add'] },
				{ baseUrl: served.url, staticData: first.staticData },
			);
			await second.activate();
			assert.equal(okta.store.eventHooks.length, 1);
			const [hook] = okta.store.eventHooks;
			assert.notEqual(hook.id, oldId);
			assert.deepEqual(hook.events.items, ['user.lifecycle.create', 'group.user_membership.add']);
			assert.equal(second.nodeStaticData.eventHookId, hook.id);
			await second.deactivate();
			assert.equal(okta.store.eventHooks.length, 0);
		} finally {
			await served.close();
		}
	});

	test('a changed secret in the credential: the next activation registers the hook again, with the new secret', async () => {
		// The harness reads credentials from this object on every call, as n8n reads the saved credential.
		const credentialData = {
			oktaEventHookApi: { headerName: 'Authorization', secret: SECRET },
			oktaTokenApi: { url: okta.url, apiToken: 'okta-test-token' },
		};
		const h = harness({}, { credentialData });
		const served = await h.serve();
		try {
			await h.activate();
			const oldId = okta.store.eventHooks[0].id;
			const fingerprint = String(h.nodeStaticData.secretFingerprint);
			assert.match(fingerprint, /^scrypt:/);
			// Static data is saved unencrypted with the workflow: the secret is never in it.
			assert.doesNotMatch(JSON.stringify(h.staticData), new RegExp(SECRET));

			const user = okta.store.users[1];
			assert.deepEqual(await okta.deliverEvents([userEvent('user.lifecycle.create', user)]), [200]);
			const executions = h.executions.length;

			// Rotated in n8n only: Okta still sends the old secret, so deliveries are refused...
			const rotated = 'rotated-secret-77d2e9c4';
			credentialData.oktaEventHookApi.secret = rotated;
			assert.deepEqual(await okta.deliverEvents([userEvent('user.lifecycle.create', user)]), [401]);
			assert.equal(h.executions.length, executions);
			// n8n's log says why and what to do (Okta tried twice: one line per refused call), naming no secret.
			const warnings = h.logs.filter((line) => line.level === 'warn').map((line) => line.message);
			assert.equal(warnings.length, 2);
			assert.match(warnings[0], /secret .* changed since the hook was registered/);
			assert.doesNotMatch(JSON.stringify(h.logs), new RegExp(`${SECRET}|${rotated}`));

			// ...until n8n activates the workflow again (a restart is 'init'): the hook is replaced.
			let mark = okta.server.log.length;
			await h.activate('init');
			assert.deepEqual(hookCalls(mark), [
				'GET /api/v1/eventHooks',
				'GET /api/v1/eventHooks',
				'GET /api/v1/eventHooks/{id}',
				'POST /api/v1/eventHooks/{id}/lifecycle/deactivate',
				'DELETE /api/v1/eventHooks/{id}',
				'POST /api/v1/eventHooks',
				'POST /api/v1/eventHooks/{id}/lifecycle/verify',
			]);
			assert.equal(okta.store.eventHooks.length, 1);
			const [hook] = okta.store.eventHooks;
			assert.notEqual(hook.id, oldId);
			assert.equal(hook.verificationStatus, 'VERIFIED');
			assert.equal(hook.channel.config.authScheme?.value, rotated);
			assert.equal(h.nodeStaticData.eventHookId, hook.id);
			assert.notEqual(h.nodeStaticData.secretFingerprint, fingerprint);
			assert.doesNotMatch(JSON.stringify(h.staticData), new RegExp(rotated));

			// Okta now delivers with the new secret; and with the secret unchanged, a restart keeps the hook.
			assert.deepEqual(
				await okta.deliverEvents([userEvent('user.lifecycle.activate', user)]),
				[200],
			);
			assert.equal(h.executions.length, executions + 1);
			mark = okta.server.log.length;
			await h.activate('init');
			assert.deepEqual(hookCalls(mark), ['GET /api/v1/eventHooks']);
			await h.deactivate();
			assert.equal(okta.store.eventHooks.length, 0);
			assert.equal(h.nodeStaticData.secretFingerprint, undefined);
		} finally {
			await served.close();
		}
	});

	test('a hook registered before fingerprints were kept (id only) is registered once more, then kept', async () => {
		const first = harness();
		const served = await first.serve();
		try {
			await first.activate();
			const saved = first.staticData;
			const node = saved['node:Trigger'] as IDataObject;
			delete node.secretFingerprint;
			const second = harness({}, { baseUrl: served.url, staticData: saved });
			await second.activate('init');
			assert.equal(okta.store.eventHooks.length, 1);
			assert.match(String(second.nodeStaticData.secretFingerprint), /^scrypt:/);
			const mark = okta.server.log.length;
			await second.activate('init');
			assert.deepEqual(hookCalls(mark), ['GET /api/v1/eventHooks']);
			await second.deactivate();
			assert.equal(okta.store.eventHooks.length, 0);
		} finally {
			await served.close();
		}
	});

	test('verification fails (endpoint unreachable) → a clear error, nothing left in Okta, no secret in the error', async () => {
		const port = await closedPort();
		const h = harness({}, { baseUrl: `http://127.0.0.1:${port}` });
		await assert.rejects(h.activate(), (error: Error & { description?: string }) => {
			assert.match(error.message, /Verification failed/);
			assert.match(String(error.description), /could not verify the event hook/);
			assert.doesNotMatch(
				JSON.stringify({ message: error.message, description: error.description, error }),
				new RegExp(SECRET),
			);
			return true;
		});
		assert.equal(okta.store.eventHooks.length, 0);
		assert.equal(h.nodeStaticData.eventHookId, undefined);
	});

	test("a wrong Okta API token → Okta's own message", async () => {
		const h = new TriggerHarness({
			nodeType: new OktaEventHookTrigger(),
			typeName: 'n8n-nodes-okta-halo.oktaEventHookTrigger',
			parameters: { authentication: 'apiToken' },
			credentials: {
				oktaEventHookApi: { id: 'h', name: 'h' },
				oktaTokenApi: { id: 't', name: 't' },
			},
			credentialTypes: [new OktaEventHookApi(), new OktaTokenApi()],
			credentialData: {
				oktaEventHookApi: { secret: SECRET },
				oktaTokenApi: { url: okta.url, apiToken: 'not-a-token' },
			},
		});
		await assert.rejects(h.activate(), /E0000011/);
	});

	for (const [label, parameters] of [
		['default', {}],
		['authentication "none"', { authentication: 'none' }],
	] as const) {
		test(`registration off (${label}): activation and deactivation make no Okta call`, async () => {
			const h = new TriggerHarness({
				nodeType: new OktaEventHookTrigger(),
				typeName: 'n8n-nodes-okta-halo.oktaEventHookTrigger',
				parameters,
				credentials: { oktaEventHookApi: { id: 'h', name: 'h' } },
				credentialTypes: [new OktaEventHookApi()],
				credentialData: { oktaEventHookApi: { secret: SECRET } },
			});
			const mark = okta.server.log.length;
			await h.activate();
			await h.deactivate();
			assert.deepEqual(hookCalls(mark), []);
		});
	}
});

async function closedPort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
