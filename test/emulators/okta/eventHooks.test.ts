import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { startOktaEmulator, userEvent, type OktaEmulator } from '../../../emulators/okta';
import { call, get } from './http';
import { makeKey, requestServiceToken } from './oauthClient';

interface Received {
	method: string;
	headers: http.IncomingHttpHeaders;
	body: unknown;
}

/** A stand-in for the customer's endpoint (e.g. n8n's webhook): records requests, answers as told. */
class HookReceiver {
	readonly received: Received[] = [];
	verification: 'echo' | 'wrong' | number = 'echo';
	deliveryStatus = 200;
	private server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			this.received.push({
				method: req.method!,
				headers: req.headers,
				body: raw ? JSON.parse(raw) : undefined,
			});
			if (req.method === 'GET') {
				if (typeof this.verification === 'number') {
					res.writeHead(this.verification).end();
				} else {
					const challenge = String(req.headers['x-okta-verification-challenge']);
					res.writeHead(200, { 'Content-Type': 'application/json' });
					res.end(
						JSON.stringify({
							verification: this.verification === 'echo' ? challenge : 'something else',
						}),
					);
				}
			} else {
				res.writeHead(this.deliveryStatus).end();
			}
		});
	});

	async start(): Promise<string> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
	}

	close(): Promise<void> {
		this.server.closeAllConnections();
		return new Promise((resolve) => this.server.close(() => resolve()));
	}
}

const SSWS = { Authorization: 'SSWS okta-test-token' };

describe('Okta emulator: event hooks', () => {
	let okta: OktaEmulator;
	let receiver: HookReceiver;
	let hookUrl: string;

	beforeAll(async () => {
		okta = await startOktaEmulator({ org: { users: 20, groups: 3, seed: 8 } });
		receiver = new HookReceiver();
		hookUrl = await receiver.start();
	});
	afterAll(async () => {
		await okta.close();
		await receiver.close();
	});
	beforeEach(() => {
		receiver.received.length = 0;
		receiver.verification = 'echo';
		receiver.deliveryStatus = 200;
	});

	const hookBody = (events: string[], uri = hookUrl) => ({
		name: 'n8n onboarding',
		events: { type: 'EVENT_TYPE', items: events },
		channel: {
			type: 'HTTP',
			version: '1.0.0',
			config: {
				uri,
				headers: [{ key: 'X-Extra', value: 'extra-value' }],
				authScheme: { type: 'HEADER', key: 'Authorization', value: 'hook-secret' },
			},
		},
	});

	async function createHook(
		events = ['user.lifecycle.create', 'user.lifecycle.activate'],
	): Promise<Record<string, any>> {
		const answer = await call<Record<string, any>>(`${okta.url}/api/v1/eventHooks`, {
			method: 'POST',
			headers: SSWS,
			body: hookBody(events),
		});
		assert.equal(answer.status, 200, answer.text);
		return answer.body;
	}

	test('create: ACTIVE and UNVERIFIED; the secret is never answered back', async () => {
		const hook = await createHook();
		assert.match(hook.id, /^who\w{17}$/);
		assert.equal(hook.status, 'ACTIVE');
		assert.equal(hook.verificationStatus, 'UNVERIFIED');
		assert.equal(hook.createdBy, okta.store.adminUser()!.id);
		assert.deepEqual(hook.channel.config.authScheme, { type: 'HEADER', key: 'authorization' });
		assert.equal(hook.channel.config.method, 'POST');
		assert.deepEqual(hook.events, {
			type: 'EVENT_TYPE',
			items: ['user.lifecycle.create', 'user.lifecycle.activate'],
			filter: null,
		});
		assert.equal(
			hook._links.verify.href,
			`${okta.url}/api/v1/eventHooks/${hook.id}/lifecycle/verify`,
		);
		assert.ok(
			!JSON.stringify((await get(`${okta.url}/api/v1/eventHooks/${hook.id}`)).body).includes(
				'hook-secret',
			),
		);
		assert.ok((await get<unknown[]>(`${okta.url}/api/v1/eventHooks`)).body.length >= 1);
	});

	test('create refuses incomplete hooks and plain-HTTP endpoints off this machine (400 E0000001)', async () => {
		const incomplete = await call<{ errorCode: string; errorCauses: unknown[] }>(
			`${okta.url}/api/v1/eventHooks`,
			{ method: 'POST', headers: SSWS, body: { name: 'x' } },
		);
		assert.equal(incomplete.status, 400);
		assert.equal(incomplete.body.errorCode, 'E0000001');
		assert.ok(incomplete.body.errorCauses.length >= 2);
		const plain = await call<{ errorCauses: Array<{ errorSummary: string }> }>(
			`${okta.url}/api/v1/eventHooks`,
			{
				method: 'POST',
				headers: SSWS,
				body: hookBody(['user.lifecycle.create'], 'http://hooks.example.com/okta'),
			},
		);
		assert.equal(plain.status, 400);
		assert.match(plain.body.errorCauses[0].errorSummary, /HTTPS/);
	});

	test('verify makes the one-time GET with the challenge, the auth header and custom headers', async () => {
		const hook = await createHook();
		const verified = await call<Record<string, string>>(
			`${okta.url}/api/v1/eventHooks/${hook.id}/lifecycle/verify`,
			{ method: 'POST', headers: SSWS },
		);
		assert.equal(verified.status, 200, verified.text);
		assert.equal(verified.body.verificationStatus, 'VERIFIED');
		assert.equal(receiver.received.length, 1);
		const [request] = receiver.received;
		assert.equal(request.method, 'GET');
		assert.ok(request.headers['x-okta-verification-challenge']);
		assert.equal(request.headers.authorization, 'hook-secret');
		assert.equal(request.headers['x-extra'], 'extra-value');
	});

	test('verification fails on a wrong answer (after one retry) and on an error status; the hook stays UNVERIFIED', async () => {
		const hook = await createHook();
		receiver.verification = 'wrong';
		const wrong = await call<{ errorCode: string }>(
			`${okta.url}/api/v1/eventHooks/${hook.id}/lifecycle/verify`,
			{ method: 'POST', headers: SSWS },
		);
		assert.equal(wrong.status, 400);
		assert.equal(wrong.body.errorCode, 'E0000001');
		assert.equal(receiver.received.length, 1, 'a 200 with the wrong value is an answer: no retry');
		receiver.verification = 500;
		const failing = await call(`${okta.url}/api/v1/eventHooks/${hook.id}/lifecycle/verify`, {
			method: 'POST',
			headers: SSWS,
		});
		assert.equal(failing.status, 400);
		assert.equal(receiver.received.length, 3, 'an error answer is retried once');
		assert.equal(okta.store.eventHook(hook.id)!.verificationStatus, 'UNVERIFIED');
	});

	test('deliverEvents: only active, verified hooks, only subscribed events, with the secret; retried once on errors', async () => {
		for (const hook of okta.store.eventHooks) hook.status = 'INACTIVE';
		const hook = await createHook(['user.lifecycle.create']);
		const unverified = await createHook(['user.lifecycle.create']);
		await call(`${okta.url}/api/v1/eventHooks/${hook.id}/lifecycle/verify`, {
			method: 'POST',
			headers: SSWS,
		});
		receiver.received.length = 0;

		const user = okta.store.users[0];
		const created = userEvent('user.lifecycle.create', user);
		const suspended = userEvent('user.lifecycle.suspend', user);
		assert.deepEqual(await okta.deliverEvents([created, suspended]), [200]);
		assert.equal(receiver.received.length, 1);
		const delivery = receiver.received[0];
		assert.equal(delivery.method, 'POST');
		assert.equal(delivery.headers.authorization, 'hook-secret');
		assert.equal(delivery.headers['content-type'], 'application/json');
		const body = delivery.body as {
			eventType: string;
			source: string;
			data: {
				events: Array<{
					uuid: string;
					eventType: string;
					target: Array<{ id: string; alternateId: string }>;
				}>;
			};
		};
		assert.equal(body.eventType, 'com.okta.event_hook');
		assert.equal(body.source, `${okta.url}/api/v1/eventHooks/${hook.id}`);
		assert.deepEqual(
			body.data.events.map((event) => event.uuid),
			[created.uuid],
		);
		assert.equal(body.data.events[0].target[0].id, user.id);
		assert.equal(body.data.events[0].target[0].alternateId, user.profile.login);
		assert.ok(
			!receiver.received.some((request) => JSON.stringify(request.body).includes(unverified.id)),
		);

		receiver.received.length = 0;
		receiver.deliveryStatus = 500;
		assert.deepEqual(await okta.deliverEvents([created]), [500]);
		assert.equal(receiver.received.length, 2, 'Okta retries a failed delivery once');
		assert.deepEqual(
			await okta.deliverEvents([suspended]),
			[],
			'no hook subscribes to suspensions',
		);

		receiver.received.length = 0;
		receiver.deliveryStatus = 200;
		await call(`${okta.url}/api/v1/eventHooks/${hook.id}/lifecycle/deactivate`, {
			method: 'POST',
			headers: SSWS,
		});
		assert.deepEqual(await okta.deliverEvents([created]), []);
		assert.equal(receiver.received.length, 0);
	});

	test('replace with a new channel needs a new verification; delete only when INACTIVE', async () => {
		const hook = await createHook();
		await call(`${okta.url}/api/v1/eventHooks/${hook.id}/lifecycle/verify`, {
			method: 'POST',
			headers: SSWS,
		});
		const replaced = await call<Record<string, string>>(
			`${okta.url}/api/v1/eventHooks/${hook.id}`,
			{
				method: 'PUT',
				headers: SSWS,
				body: hookBody(['user.lifecycle.create'], `${hookUrl}/v2`),
			},
		);
		assert.equal(replaced.status, 200);
		assert.equal(replaced.body.verificationStatus, 'UNVERIFIED');
		const activeDelete = await call(`${okta.url}/api/v1/eventHooks/${hook.id}`, {
			method: 'DELETE',
			headers: SSWS,
		});
		assert.equal(activeDelete.status, 403);
		const deactivated = await call<Record<string, any>>(
			`${okta.url}/api/v1/eventHooks/${hook.id}/lifecycle/deactivate`,
			{ method: 'POST', headers: SSWS },
		);
		assert.equal(deactivated.body.status, 'INACTIVE');
		assert.ok(deactivated.body._links.activate);
		assert.equal(
			(await call(`${okta.url}/api/v1/eventHooks/${hook.id}`, { method: 'DELETE', headers: SSWS }))
				.status,
			204,
		);
		assert.equal((await get(`${okta.url}/api/v1/eventHooks/${hook.id}`)).status, 404);
	});

	test('OAuth callers need okta.eventHooks.manage to write; .read lists', async () => {
		const key = makeKey();
		okta.registerServiceApp({
			clientId: 'hooks-reader',
			publicJwk: key.publicJwk,
			scopes: ['okta.eventHooks.read'],
			dpop: false,
		});
		const { answer } = await requestServiceToken(okta.url, {
			clientId: 'hooks-reader',
			key,
			scope: 'okta.eventHooks.read',
		});
		const auth = { Authorization: `Bearer ${answer.body.access_token}` };
		assert.equal((await call(`${okta.url}/api/v1/eventHooks`, { headers: auth })).status, 200);
		const write = await call(`${okta.url}/api/v1/eventHooks`, {
			method: 'POST',
			headers: auth,
			body: hookBody(['user.lifecycle.create']),
		});
		assert.equal(write.status, 403);
		assert.match(write.headers.get('www-authenticate') ?? '', /scope="okta\.eventHooks\.manage"/);
	});
});
