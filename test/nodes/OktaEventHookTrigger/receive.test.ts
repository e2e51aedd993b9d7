/**
 * The trigger's webhooks run inside n8n-core (WebhookContext, static data,
 * n8n's answer rules), fed Okta-shaped verification requests and deliveries.
 */
import assert from 'node:assert/strict';

import type { IDataObject } from 'n8n-workflow';

import { OktaEventHookTrigger } from '../../../nodes/OktaEventHookTrigger/OktaEventHookTrigger.node';
import { OktaEventHookApi } from '../../../credentials/OktaEventHookApi.credentials';
import { TriggerHarness } from '../../helpers/webhook';

const SECRET = 'hook-secret-6f1c2d';
const TYPE = 'n8n-nodes-okta-halo.oktaEventHookTrigger';

function harness(
	options: {
		parameters?: IDataObject;
		headerName?: string;
		secret?: string;
		staticData?: IDataObject;
	} = {},
) {
	return new TriggerHarness({
		nodeType: new OktaEventHookTrigger(),
		typeName: TYPE,
		parameters: (options.parameters ?? {}) as never,
		credentials: { oktaEventHookApi: { id: 'okta-hook', name: 'Okta event hook secret' } },
		credentialTypes: [new OktaEventHookApi()],
		credentialData: {
			oktaEventHookApi: {
				...(options.headerName ? { headerName: options.headerName } : {}),
				secret: options.secret ?? SECRET,
			},
		},
		staticData: options.staticData,
	});
}

let sequence = 0;
function logEvent(eventType: string, userId: string, uuid = `evt-${++sequence}`) {
	return {
		uuid,
		eventType,
		published: '2025-03-01T10:00:00.000Z',
		displayMessage: 'Create Okta user',
		actor: { id: '00uadmin', type: 'User', alternateId: 'admin@example.com', displayName: 'Admin' },
		target: [
			{
				id: userId,
				type: 'User',
				alternateId: `${userId}@example.com`,
				displayName: `Person ${userId}`,
			},
		],
	};
}

function delivery(events: unknown[]) {
	return {
		eventType: 'com.okta.event_hook',
		eventTypeVersion: '1.0',
		cloudEventsVersion: '0.1',
		contentType: 'application/json',
		data: { events },
	};
}

const auth = { Authorization: SECRET };

describe('verification (GET)', () => {
	test('answers {"verification": <challenge>} as JSON', async () => {
		const answer = await harness().call({
			method: 'GET',
			headers: { ...auth, 'X-Okta-Verification-Challenge': 'chal-123' },
		});
		assert.equal(answer.status, 200);
		assert.deepEqual(answer.body, { verification: 'chal-123' });
		assert.match(answer.headers['content-type'], /application\/json/);
		assert.equal(answer.workflowData, undefined);
	});

	test('requires the secret too (Okta sends the configured header with the verification request)', async () => {
		const h = harness();
		const missing = await h.call({
			method: 'GET',
			headers: { 'X-Okta-Verification-Challenge': 'chal-123' },
		});
		const wrong = await h.call({
			method: 'GET',
			headers: { Authorization: 'nope', 'X-Okta-Verification-Challenge': 'chal-123' },
		});
		for (const answer of [missing, wrong]) {
			assert.equal(answer.status, 401);
			assert.doesNotMatch(JSON.stringify(answer.body), /chal-123|hook-secret/);
		}
	});

	test('400 without the challenge header', async () => {
		const answer = await harness().call({ method: 'GET', headers: auth });
		assert.equal(answer.status, 400);
	});
});

describe('deliveries (POST)', () => {
	test('missing or wrong secret → 401 written by the node, no execution, no error', async () => {
		const h = harness();
		const body = delivery([logEvent('user.lifecycle.create', '00u1')]);
		const calls: Array<Record<string, string>> = [
			{},
			{ Authorization: 'wrong' },
			{ Authorization: `${SECRET}x` },
			{ Authorization: SECRET.slice(0, -1) },
			{ 'X-Other': SECRET },
		];
		for (const headers of calls) {
			const answer = await h.call({ method: 'POST', headers, body });
			assert.equal(answer.status, 401, JSON.stringify(headers));
			assert.equal(answer.error, undefined);
			assert.equal(answer.workflowData, undefined);
			assert.doesNotMatch(JSON.stringify(answer), new RegExp(SECRET));
		}
		assert.equal(h.executions.length, 0);
		// A refused call must not touch the dedupe memory: the real delivery still counts.
		const ok = await h.call({ method: 'POST', headers: auth, body });
		assert.equal(ok.workflowData?.[0].length, 1);
	});

	test('the header name comes from the credential', async () => {
		const h = harness({ headerName: 'X-Okta-Secret' });
		const body = delivery([logEvent('user.lifecycle.create', '00u1')]);
		assert.equal((await h.call({ method: 'POST', headers: auth, body })).status, 401);
		const answer = await h.call({ method: 'POST', headers: { 'x-okta-secret': SECRET }, body });
		assert.equal(answer.status, 200);
		assert.equal(answer.workflowData?.[0].length, 1);
	});

	test('a credential without a secret refuses everything', async () => {
		const answer = await harness({ secret: '' }).call({
			method: 'POST',
			headers: { Authorization: '' },
			body: delivery([]),
		});
		assert.equal(answer.status, 401);
	});

	test('several events in one delivery → one item each (default types: create, activate)', async () => {
		const h = harness();
		const events = [
			logEvent('user.lifecycle.create', '00uA'),
			logEvent('user.lifecycle.activate', '00uA'),
			logEvent('user.lifecycle.deactivate', '00uB'),
			logEvent('user.lifecycle.create', '00uC'),
		];
		const answer = await h.call({ method: 'POST', headers: auth, body: delivery(events) });
		assert.equal(answer.status, 200);
		const items = answer.workflowData![0].map((i) => i.json);
		assert.deepEqual(
			items.map((i) => [i.eventType, i.userId]),
			[
				['user.lifecycle.create', '00uA'],
				['user.lifecycle.activate', '00uA'],
				['user.lifecycle.create', '00uC'],
			],
		);
		assert.deepEqual(items[0], {
			eventType: 'user.lifecycle.create',
			uuid: events[0].uuid,
			published: '2025-03-01T10:00:00.000Z',
			userId: '00uA',
			user: { id: '00uA', login: '00uA@example.com', displayName: 'Person 00uA' },
			event: events[0],
		});
	});

	test('the events parameter picks the types', async () => {
		const h = harness({ parameters: { events: ['group.user_membership.add'] } });
		const add = logEvent('group.user_membership.add', '00uM');
		add.target.push({
			id: '00gE',
			type: 'UserGroup',
			alternateId: 'unknown',
			displayName: 'Engineering',
		});
		const answer = await h.call({
			method: 'POST',
			headers: auth,
			body: delivery([logEvent('user.lifecycle.create', '00uX'), add]),
		});
		assert.deepEqual(
			answer.workflowData![0].map((i) => i.json.userId),
			['00uM'],
		);
	});

	test('a duplicate delivery (Okta retries) is dropped: 200, no execution', async () => {
		const h = harness();
		const body = delivery([
			logEvent('user.lifecycle.create', '00u1'),
			logEvent('user.lifecycle.create', '00u2'),
		]);
		const first = await h.call({ method: 'POST', headers: auth, body });
		const again = await h.call({ method: 'POST', headers: auth, body });
		assert.equal(first.workflowData?.[0].length, 2);
		assert.equal(again.status, 200);
		assert.equal(again.workflowData, undefined);
		assert.equal(h.executions.length, 1);
	});

	test('a partly repeated delivery yields only the new events', async () => {
		const h = harness();
		const [a, b, c] = [
			logEvent('user.lifecycle.create', '00u1'),
			logEvent('user.lifecycle.create', '00u2'),
			logEvent('user.lifecycle.create', '00u3'),
		];
		await h.call({ method: 'POST', headers: auth, body: delivery([a, b]) });
		const answer = await h.call({ method: 'POST', headers: auth, body: delivery([b, c]) });
		assert.deepEqual(
			answer.workflowData![0].map((i) => i.json.uuid),
			[c.uuid],
		);
	});

	test('dedupe memory lives in the node static data and survives a save/load', async () => {
		const h = harness();
		const body = delivery([logEvent('user.lifecycle.create', '00u1')]);
		await h.call({ method: 'POST', headers: auth, body });
		const saved = h.staticData;
		assert.deepEqual(Object.keys(saved), ['node:Trigger']);
		const reloaded = harness({ staticData: saved });
		assert.equal(
			(await reloaded.call({ method: 'POST', headers: auth, body })).workflowData,
			undefined,
		);
	});

	test('a delivery with no matching events → 200, no execution', async () => {
		const h = harness();
		const answer = await h.call({
			method: 'POST',
			headers: auth,
			body: delivery([logEvent('user.lifecycle.suspend', '00u1')]),
		});
		assert.equal(answer.status, 200);
		assert.equal(answer.workflowData, undefined);
		assert.equal(h.executions.length, 0);
	});

	test('the acknowledgement is a small JSON object, with or without an execution', async () => {
		const h = harness();
		const body = delivery([
			logEvent('user.lifecycle.create', '00u1'),
			logEvent('user.lifecycle.suspend', '00u2'),
		]);
		const started = await h.call({ method: 'POST', headers: auth, body });
		const repeated = await h.call({ method: 'POST', headers: auth, body });
		assert.equal(started.status, 200);
		assert.match(started.headers['content-type'], /application\/json/);
		assert.deepEqual(started.body, { received: 2, items: 1, repeated: 0, skipped: 0 });
		assert.equal(started.workflowData?.[0].length, 1);
		assert.equal(repeated.status, 200);
		assert.match(repeated.headers['content-type'], /application\/json/);
		assert.deepEqual(repeated.body, { received: 2, items: 0, repeated: 1, skipped: 0 });
		assert.equal(repeated.workflowData, undefined);
		assert.equal(h.executions.length, 1);
	});

	test('one malformed event is skipped with a log line; the good events of the delivery still run', async () => {
		const h = harness();
		const good = [
			logEvent('user.lifecycle.create', '00uGood1'),
			logEvent('user.lifecycle.activate', '00uGood2'),
		];
		const bad = {
			...logEvent('user.lifecycle.create', '00uBad'),
			target: { id: '00uBad', type: 'User' },
		};
		const answer = await h.call({
			method: 'POST',
			headers: auth,
			body: delivery([good[0], bad, 'not an event', good[1]]),
		});
		assert.equal(answer.status, 200);
		assert.equal(answer.error, undefined);
		assert.deepEqual(answer.body, { received: 4, items: 2, repeated: 0, skipped: 2 });
		assert.deepEqual(
			answer.workflowData![0].map((item) => item.json.userId),
			['00uGood1', '00uGood2'],
		);
		assert.equal(h.executions.length, 1);
		assert.deepEqual(
			h.logs.map(({ level, message }) => [level, message]),
			[
				[
					'warn',
					`Okta event hook: skipped event 2 of 4 (user.lifecycle.create, uuid ${bad.uuid}): target is not a list`,
				],
				['warn', 'Okta event hook: skipped event 3 of 4 (no uuid): not an object'],
			],
		);
		assert.doesNotMatch(JSON.stringify(h.logs), new RegExp(SECRET));
	});

	test('a body that is not an Okta delivery → 400, no execution', async () => {
		const h = harness();
		const answer = await h.call({ method: 'POST', headers: auth, body: { hello: 'world' } });
		assert.equal(answer.status, 400);
		assert.equal(answer.error, undefined);
		assert.equal(h.executions.length, 0);
	});
});
