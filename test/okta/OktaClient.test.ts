import assert from 'node:assert/strict';

import type { HttpRequest, HttpResponse, RequestFn } from '../../lib/http/types';
import { OktaApiError } from '../../lib/okta/OktaApiError';
import { OktaClient } from '../../lib/okta/OktaClient';
import type { OktaUser } from '../../lib/okta/types';

const ORG = 'https://acme.okta.com';

function user(id: string, status = 'ACTIVE'): OktaUser {
	return { id, status, profile: { login: `${id}@acme.com` } } as OktaUser;
}

/** A scripted Okta: each call is answered by the next function. */
function scripted(
	...answers: Array<(request: HttpRequest) => HttpResponse | Error>
): RequestFn & { calls: HttpRequest[] } {
	const calls: HttpRequest[] = [];
	const fn = (async (request: HttpRequest) => {
		calls.push(request);
		const answer = answers[calls.length - 1];
		if (!answer)
			throw new Error(`unexpected request ${calls.length}: ${request.method} ${request.url}`);
		const out = answer(request);
		if (out instanceof Error) throw out;
		return out;
	}) as RequestFn & { calls: HttpRequest[] };
	fn.calls = calls;
	return fn;
}

const ok =
	(body: unknown, headers: Record<string, string> = {}) =>
	() => ({ status: 200, headers, body });

describe('OktaClient paging', () => {
	test('follows the absolute Link rel="next" URL without re-sending the query', async () => {
		const send = scripted(
			ok([user('u1'), user('u2')], {
				link: `<${ORG}/api/v1/users?limit=200>; rel="self", <${ORG}/api/v1/users?after=u2&limit=200&search=x>; rel="next"`,
			}),
			ok([user('u3')], { link: `<${ORG}/api/v1/users?after=u2&limit=200>; rel="self"` }),
		);
		const client = new OktaClient({ orgUrl: `${ORG}/`, request: send });
		const users = await client.listUsers();
		assert.deepEqual(
			users.map((u) => u.id),
			['u1', 'u2', 'u3'],
		);
		assert.equal(send.calls[0].url, `${ORG}/api/v1/users`);
		assert.equal(send.calls[0].query!.limit, 200);
		assert.match(String(send.calls[0].query!.search), /DEPROVISIONED/);
		assert.equal(send.calls[1].url, `${ORG}/api/v1/users?after=u2&limit=200&search=x`);
		assert.equal(send.calls[1].query, undefined);
	});

	test('a limit asks for small pages and reads no further page once reached', async () => {
		const send = scripted(
			ok([user('u1'), user('u2')], { link: `<${ORG}/api/v1/users?after=u2>; rel="next"` }),
		);
		const users = await new OktaClient({ orgUrl: ORG, request: send }).listUsers({ limit: 2 });
		assert.equal(users.length, 2);
		assert.equal(send.calls.length, 1);
		assert.equal(send.calls[0].query!.limit, 2);
	});

	test('refuses a next link on another host (the credential stays on the org)', async () => {
		const send = scripted(
			ok([user('u1')], { link: '<https://evil.example.com/api/v1/users?after=u1>; rel="next"' }),
		);
		await assert.rejects(
			new OktaClient({ orgUrl: ORG, request: send }).listUsers(),
			/another host/,
		);
		assert.equal(send.calls.length, 1);
	});

	test('q with statuses filters locally', async () => {
		const send = scripted(ok([user('u1', 'ACTIVE'), user('u2', 'SUSPENDED')]));
		const users = await new OktaClient({ orgUrl: ORG, request: send }).listUsers({
			q: 'u',
			statuses: ['SUSPENDED'],
		});
		assert.deepEqual(
			users.map((u) => u.id),
			['u2'],
		);
		assert.deepEqual(send.calls[0].query, {
			search: undefined,
			filter: undefined,
			q: 'u',
			limit: 200,
		});
	});
});

describe('OktaClient retries and errors', () => {
	test('waits until X-Rate-Limit-Reset on a 429, then goes on (fake clock)', async () => {
		let clock = 1_700_000_000_000;
		const waits: number[] = [];
		const send = scripted(
			() => ({
				status: 429,
				headers: { 'x-rate-limit-reset': String(clock / 1000 + 30) },
				body: {
					errorCode: 'E0000047',
					errorSummary: 'API call exceeded rate limit due to too many requests.',
				},
			}),
			ok([user('u1')]),
		);
		const client = new OktaClient({
			orgUrl: ORG,
			request: send,
			retry: {
				now: () => clock,
				sleep: async (ms) => {
					waits.push(ms);
					clock += ms;
				},
			},
		});
		assert.deepEqual(
			(await client.listUsers()).map((u) => u.id),
			['u1'],
		);
		assert.equal(waits.length, 1);
		assert.ok(waits[0] >= 30_000 && waits[0] <= 31_000, `waited ${waits[0]} ms`);
		assert.deepEqual(send.calls[0], send.calls[1], 'the same request is repeated');
	});

	test('retries 5xx and dropped connections with bounded back-off', async () => {
		const waits: number[] = [];
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const send = scripted(
			() => ({ status: 503, headers: {}, body: 'Service Unavailable' }),
			() => reset,
			ok({ id: 'u9', status: 'ACTIVE', profile: { login: 'x' } }),
		);
		const client = new OktaClient({
			orgUrl: ORG,
			request: send,
			retry: {
				sleep: async (ms) => void waits.push(ms),
				policy: { baseDelayMs: 100, maxDelayMs: 150 },
			},
		});
		assert.equal((await client.getUser('u9')).id, 'u9');
		assert.equal(waits.length, 2);
		assert.ok(
			waits.every((ms) => ms <= 165),
			String(waits),
		);
	});

	test('gives up after the retry budget with an OktaApiError for the last answer', async () => {
		const answers = Array.from({ length: 3 }, () => () => ({
			status: 500,
			headers: {},
			body: { errorCode: 'E0000009', errorSummary: 'Internal Server Error' },
		}));
		const client = new OktaClient({
			orgUrl: ORG,
			request: scripted(...answers),
			retry: { sleep: async () => {}, policy: { maxRetries: 2 } },
		});
		await assert.rejects(
			client.getUser('x'),
			(e: unknown) => e instanceof OktaApiError && e.status === 500 && e.transient,
		);
	});

	test("non-2xx → OktaApiError with Okta's summary and code, causes, no token anywhere", async () => {
		const send = scripted(() => ({
			status: 400,
			headers: {},
			body: {
				errorCode: 'E0000031',
				errorSummary: 'Invalid search criteria.',
				errorId: 'oae1',
				errorCauses: [{ errorSummary: 'bad operator' }],
			},
		}));
		const client = new OktaClient({
			orgUrl: ORG,
			request: (r) => send({ ...r, headers: { Authorization: 'SSWS secret-token' } }),
		});
		const error = await client.listUsers({ search: 'bad' }).then(
			() => undefined,
			(e: unknown) => e,
		);
		assert.ok(error instanceof OktaApiError);
		assert.equal(error.message, 'Invalid search criteria. (E0000031)');
		assert.equal(error.errorCode, 'E0000031');
		assert.deepEqual(error.errorCauses, [{ errorSummary: 'bad operator' }]);
		assert.equal(error.request, 'GET /api/v1/users');
		assert.ok(
			!JSON.stringify({ ...error, message: error.message, stack: error.stack }).includes(
				'secret-token',
			),
		);
	});

	test('a 403 for a missing scope names the scope', async () => {
		const body = {
			errorCode: 'E0000006',
			errorSummary: 'You do not have permission to perform the requested action',
		};
		const headers = {
			'www-authenticate':
				'Bearer realm="IdpMyAccountAPI", error="insufficient_scope", error_description="The access token provided does not contain the required scopes."',
		};
		const client = new OktaClient({
			orgUrl: ORG,
			request: scripted(
				() => ({ status: 403, headers, body }),
				() => ({ status: 403, headers: {}, body }),
			),
		});
		await assert.rejects(client.listGroups(), /grant the scope okta\.groups\.read/);
		// A 403 without the scope marker (an admin lacking a role) gets no scope hint.
		await assert.rejects(
			client.listApps(),
			(e: unknown) =>
				e instanceof OktaApiError && e.requiredScope === undefined && !/grant/.test(e.message),
		);
	});

	test('send carries a JSON body; a POST is not repeated after a 5xx (it may have been applied), only after a 429', async () => {
		const send = scripted(() => ({ status: 503, headers: {}, body: {} }));
		const client = new OktaClient({ orgUrl: ORG, request: send, retry: { sleep: async () => {} } });
		await assert.rejects(
			client.send('POST', '/api/v1/eventHooks', { body: { name: 'h' } }),
			(e: unknown) => e instanceof OktaApiError && e.status === 503,
		);
		assert.equal(send.calls.length, 1);
		assert.deepEqual(send.calls[0].body, { name: 'h' });
		const limited = scripted(() => ({ status: 429, headers: {}, body: {} }), ok({ id: 'who1' }));
		const again = new OktaClient({
			orgUrl: ORG,
			request: limited,
			retry: { sleep: async () => {} },
		});
		assert.deepEqual((await again.send('POST', '/api/v1/eventHooks', { body: {} })).body, {
			id: 'who1',
		});
	});

	test('getUser encodes logins', async () => {
		const send = scripted(ok(user('u1')));
		await new OktaClient({ orgUrl: ORG, request: send }).getUser(' ann+1@acme.com ');
		assert.equal(send.calls[0].url, `${ORG}/api/v1/users/ann%2B1%40acme.com`);
	});
});

describe('OktaClient groups', () => {
	const groups = [
		{ id: 'g1', profile: { name: 'Everyone' } },
		{ id: 'g2', profile: { name: 'Sales' } },
	];

	test("attachGroups reads each group's members once and never per user", async () => {
		const send = scripted(
			ok(groups),
			ok([user('u1'), user('u2')], {
				link: `<${ORG}/api/v1/groups/g1/users?after=u2&limit=1000>; rel="next"`,
			}),
			ok([user('u3')]),
			ok([user('u2'), user('outsider')]),
		);
		const client = new OktaClient({ orgUrl: ORG, request: send });
		const users = await client.attachGroups([user('u1'), user('u2'), user('u3')]);
		assert.deepEqual(
			users.map((u) => [u.id, u.groups]),
			[
				['u1', [{ id: 'g1', name: 'Everyone' }]],
				[
					'u2',
					[
						{ id: 'g1', name: 'Everyone' },
						{ id: 'g2', name: 'Sales' },
					],
				],
				['u3', [{ id: 'g1', name: 'Everyone' }]],
			],
		);
		assert.deepEqual(
			send.calls.map((c) => c.url),
			[
				`${ORG}/api/v1/groups`,
				`${ORG}/api/v1/groups/g1/users`,
				`${ORG}/api/v1/groups/g1/users?after=u2&limit=1000`,
				`${ORG}/api/v1/groups/g2/users`,
			],
		);
		assert.equal(send.calls[1].query!.limit, 1000);
	});

	test('includeGroups reads per user when there are fewer users than groups', async () => {
		const send = scripted(ok(groups), ok([groups[1]]));
		const users = await new OktaClient({ orgUrl: ORG, request: send }).includeGroups([user('u7')]);
		assert.deepEqual(users[0].groups, [{ id: 'g2', name: 'Sales' }]);
		assert.equal(send.calls[1].url, `${ORG}/api/v1/users/u7/groups`);
	});
});
