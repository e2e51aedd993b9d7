import assert from 'node:assert/strict';

import type { HttpRequest, HttpResponse } from '../../lib/http/types';
import { OktaEventHooks, eventHookBody, eventHookMatches } from '../../lib/okta/eventHooks';
import type { EventHook, EventHookSpec } from '../../lib/okta/eventHooks';
import { OktaApiError } from '../../lib/okta/OktaApiError';
import { OktaClient } from '../../lib/okta/OktaClient';

const SPEC: EventHookSpec = {
	name: 'n8n: onboarding',
	uri: 'https://n8n.example.com/webhook/abc/okta-event-hook',
	eventTypes: ['user.lifecycle.create', 'user.lifecycle.activate'],
	authHeader: { key: 'Authorization', value: 'hook-secret-value' },
};

function hook(
	overrides: Partial<EventHook> = {},
	config: Partial<EventHook['channel']['config']> = {},
): EventHook {
	return {
		id: 'who1',
		status: 'ACTIVE',
		verificationStatus: 'VERIFIED',
		name: 'n8n: onboarding',
		events: { type: 'EVENT_TYPE', items: ['user.lifecycle.activate', 'user.lifecycle.create'] },
		channel: {
			type: 'HTTP',
			version: '1.0.0',
			config: {
				uri: SPEC.uri,
				headers: [],
				authScheme: { type: 'HEADER', key: 'authorization' },
				...config,
			},
		},
		...overrides,
	};
}

/** A RequestFn answering from a script, recording what was sent. */
function scripted(answers: Array<Partial<HttpResponse>>) {
	const sent: HttpRequest[] = [];
	const request = async (req: HttpRequest): Promise<HttpResponse> => {
		sent.push(req);
		const next = answers.shift() ?? { status: 500 };
		return { status: next.status ?? 200, headers: next.headers ?? {}, body: next.body };
	};
	return {
		sent,
		hooks: new OktaEventHooks(
			new OktaClient({
				orgUrl: 'https://acme.okta.com',
				request,
				retry: { sleep: async () => {} },
			}),
		),
	};
}

describe('eventHookBody', () => {
	test("Okta's EventHook schema with the secret as a HEADER auth scheme", () => {
		assert.deepEqual(eventHookBody(SPEC), {
			name: 'n8n: onboarding',
			description: null,
			events: { type: 'EVENT_TYPE', items: ['user.lifecycle.create', 'user.lifecycle.activate'] },
			channel: {
				type: 'HTTP',
				version: '1.0.0',
				config: {
					uri: SPEC.uri,
					headers: [],
					authScheme: { type: 'HEADER', key: 'Authorization', value: 'hook-secret-value' },
				},
			},
		});
	});

	test('names longer than Okta allows are cut to 255 characters', () => {
		assert.equal(eventHookBody({ ...SPEC, name: 'x'.repeat(400) }).name.length, 255);
	});
});

describe('eventHookMatches', () => {
	const cases: Array<[string, EventHook, boolean]> = [
		['same hook (event order and header case do not matter)', hook(), true],
		['inactive', hook({ status: 'INACTIVE' }), false],
		['unverified', hook({ verificationStatus: 'UNVERIFIED' }), false],
		['other URL', hook({}, { uri: 'https://elsewhere.example.com/hook' }), false],
		['other header', hook({}, { authScheme: { type: 'HEADER', key: 'x-okta-secret' } }), false],
		['no auth scheme', hook({}, { authScheme: null }), false],
		[
			'fewer events',
			hook({ events: { type: 'EVENT_TYPE', items: ['user.lifecycle.create'] } }),
			false,
		],
		[
			'more events',
			hook({
				events: { type: 'EVENT_TYPE', items: [...SPEC.eventTypes, 'user.lifecycle.suspend'] },
			}),
			false,
		],
	];
	for (const [name, candidate, expected] of cases)
		test(name, () => assert.equal(eventHookMatches(candidate, SPEC), expected));
});

describe('OktaEventHooks', () => {
	test('create posts the body once, verify/deactivate/delete hit the lifecycle paths', async () => {
		const { sent, hooks } = scripted([
			{ body: hook() },
			{ body: hook() },
			{ body: hook() },
			{ status: 204 },
		]);
		await hooks.create(SPEC);
		await hooks.verify('who1');
		await hooks.deactivate('who1');
		await hooks.delete('who1');
		assert.deepEqual(
			sent.map((r) => `${r.method} ${r.url}`),
			[
				'POST https://acme.okta.com/api/v1/eventHooks',
				'POST https://acme.okta.com/api/v1/eventHooks/who1/lifecycle/verify',
				'POST https://acme.okta.com/api/v1/eventHooks/who1/lifecycle/deactivate',
				'DELETE https://acme.okta.com/api/v1/eventHooks/who1',
			],
		);
		assert.deepEqual(sent[0].body, eventHookBody(SPEC));
	});

	test('create is not repeated after a 5xx (Okta may have created the hook)', async () => {
		const { sent, hooks } = scripted([{ status: 502 }, { body: hook() }]);
		await assert.rejects(hooks.create(SPEC), OktaApiError);
		assert.equal(sent.length, 1);
	});

	test('create is not repeated after a dropped connection; lifecycle calls, which repeat safely, are', async () => {
		const sent: string[] = [];
		const dropped = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const request = async (req: HttpRequest): Promise<HttpResponse> => {
			sent.push(`${req.method} ${new URL(req.url).pathname}`);
			if (sent.length === 1) throw dropped;
			return sent.length === 2
				? { status: 502, headers: {}, body: 'Bad Gateway' }
				: { status: 200, headers: {}, body: hook() };
		};
		const hooks = new OktaEventHooks(
			new OktaClient({
				orgUrl: 'https://acme.okta.com',
				request,
				retry: { sleep: async () => {} },
			}),
		);
		await assert.rejects(hooks.create(SPEC), /socket hang up/);
		assert.deepEqual(await hooks.verify('who1'), hook());
		assert.deepEqual(sent, [
			'POST /api/v1/eventHooks',
			'POST /api/v1/eventHooks/who1/lifecycle/verify',
			'POST /api/v1/eventHooks/who1/lifecycle/verify',
		]);
	});

	test('remove: deactivates an active hook before deleting; false when already gone', async () => {
		const active = scripted([
			{ body: hook() },
			{ body: hook({ status: 'INACTIVE' }) },
			{ status: 204 },
		]);
		assert.equal(await active.hooks.remove('who1'), true);
		assert.deepEqual(
			active.sent.map((r) => r.method),
			['GET', 'POST', 'DELETE'],
		);

		const inactive = scripted([{ body: hook({ status: 'INACTIVE' }) }, { status: 204 }]);
		assert.equal(await inactive.hooks.remove('who1'), true);
		assert.deepEqual(
			inactive.sent.map((r) => r.method),
			['GET', 'DELETE'],
		);

		const gone = scripted([
			{
				status: 404,
				body: {
					errorCode: 'E0000007',
					errorSummary: 'Not found: Resource not found: who1 (EventHook)',
				},
			},
		]);
		assert.equal(await gone.hooks.remove('who1'), false);
	});

	test("a refusal becomes OktaApiError with Okta's words and never the secret", async () => {
		const { hooks } = scripted([
			{
				status: 400,
				body: {
					errorCode: 'E0000001',
					errorSummary: 'Api validation failed: eventHook',
					errorCauses: [{ errorSummary: 'channel.config.uri: The URI must use HTTPS' }],
				},
			},
		]);
		await assert.rejects(hooks.create(SPEC), (error: OktaApiError) => {
			assert.equal(error.status, 400);
			assert.match(error.message, /Api validation failed/);
			assert.deepEqual(error.errorCauses, [
				{ errorSummary: 'channel.config.uri: The URI must use HTTPS' },
			]);
			assert.doesNotMatch(
				JSON.stringify({ ...error, message: error.message }),
				/hook-secret-value/,
			);
			return true;
		});
	});

	test('list refuses an answer that is not a list', async () => {
		const { hooks } = scripted([{ body: { not: 'a list' } }]);
		await assert.rejects(hooks.list(), OktaApiError);
	});
});
