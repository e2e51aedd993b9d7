/**
 * Credentials never reach another origin (docs/security.md), in n8n's engine
 * with n8n-core's real request helpers: a redirect from Okta or Halo to
 * another host, and a Halo `/api/authinfo` naming another host, must not carry
 * the Okta token, the Halo bearer token or the Halo client secret there. A
 * second loopback server records what arrives.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Emulators } from '../helpers/emulators';
import { startEmulators } from '../helpers/emulators';
import { PACKAGE_DIR, runWorkflow } from '../helpers/n8nEngine';
import type { RunResult } from '../helpers/n8nEngine';
import type { RecordingServer } from '../helpers/recordingServer';
import { startRecordingServer } from '../helpers/recordingServer';
import { scheduledList } from '../nodes/OktaListUsersAndGroups/workflow';

function userSync(): Record<string, unknown> {
	return JSON.parse(
		readFileSync(path.join(PACKAGE_DIR, 'examples', 'okta-halo-user-sync.json'), 'utf8'),
	) as Record<string, unknown>;
}

/** Every node error's message and description, as n8n shows them. */
function errorText(result: RunResult): string {
	return Object.values(result.nodeErrors)
		.map((e) => `${e.message} ${(e as { description?: string }).description ?? ''}`)
		.join('\n');
}

describe('credentials stay on their origin (n8n engine, real request helpers)', () => {
	let emulators: Emulators;
	let elsewhere: RecordingServer;
	beforeAll(async () => {
		emulators = await startEmulators({
			okta: { org: { users: 12, groups: 3, apps: 1, seed: 3 } },
			halo: { rateLimit: { max: 100_000, windowMs: 300_000 } },
		});
		elsewhere = await startRecordingServer();
	});
	afterAll(async () => {
		await emulators?.close();
		await elsewhere?.close();
	});
	beforeEach(() => {
		emulators.okta.server.clearFaults();
		emulators.halo.server.clearFaults();
		emulators.clearLogs();
		elsewhere.requests.length = 0;
	});

	test('an Okta 307 to another host is an error naming that host; the SSWS token is not sent there', async () => {
		emulators.okta.server.addFault({
			match: (req) => req.path === '/api/v1/users',
			answer: {
				status: 307,
				headers: { Location: `${elsewhere.url}/api/v1/users?limit=200` },
				body: '',
			},
		});
		const result = await runWorkflow(
			scheduledList({ authentication: 'apiToken', resource: 'users', returnAll: true }),
			{ credentials: emulators.credentials() },
		);
		assert.deepEqual(elsewhere.credentialed(), []);
		assert.equal(elsewhere.requests.length, 0);
		assert.equal(result.status, 'error');
		assert.match(errorText(result), new RegExp(elsewhere.host.replace(/\./g, '\\.')));
	});

	test('an Okta redirect on the same origin is followed', async () => {
		const workflow = scheduledList({
			authentication: 'apiToken',
			resource: 'users',
			returnAll: true,
		});
		const clean = await runWorkflow(workflow, { credentials: emulators.credentials() });
		const first = emulators.okta.server.log.find((r) => r.path === '/api/v1/users');
		assert.ok(first);
		const sameRequest = `${emulators.okta.url}${first.path}?${new URLSearchParams(first.query)}`;
		emulators.okta.server.addFault({
			match: (req) => req.path === '/api/v1/users',
			answer: { status: 307, headers: { Location: sameRequest }, body: '' },
		});
		const result = await runWorkflow(workflow, { credentials: emulators.credentials() });
		assert.equal(result.status, 'success', errorText(result));
		assert.ok(clean.output.List.length > 0);
		assert.deepEqual(result.output.List, clean.output.List);
	});

	test('a Halo 307 to another host is an error naming that host; the bearer token is not sent there', async () => {
		emulators.halo.server.addFault({
			match: (req) => /^\/api\/users$/i.test(req.path) && req.method === 'GET',
			answer: { status: 307, headers: { Location: `${elsewhere.url}/api/Users` }, body: '' },
		});
		const result = await runWorkflow(userSync(), { credentials: emulators.credentials() });
		assert.deepEqual(elsewhere.credentialed(), []);
		assert.equal(elsewhere.requests.length, 0);
		assert.equal(result.status, 'error');
		assert.match(errorText(result), new RegExp(elsewhere.host.replace(/\./g, '\\.')));
	});

	test('an authinfo naming another host is refused before the client secret is posted; the error says how to allow it', async () => {
		emulators.halo.server.addFault({
			match: (req) => /^\/api\/authinfo$/i.test(req.path),
			answer: { status: 200, body: { auth_url: `${elsewhere.url}/auth` } },
			times: 10,
		});
		const result = await runWorkflow(userSync(), { credentials: emulators.credentials() });
		assert.deepEqual(elsewhere.credentialed(), []);
		assert.equal(elsewhere.requests.length, 0);
		assert.equal(result.status, 'error');
		const text = errorText(result);
		assert.match(text, new RegExp(elsewhere.host.replace(/\./g, '\\.')));
		assert.match(text, /Authorisation Server URL/);
	});

	test('a separate auth host named in the credential is used', async () => {
		const credentials = emulators.credentials();
		credentials.haloApi = { ...credentials.haloApi, authUrl: emulators.halo.authUrl };
		emulators.halo.server.addFault({
			match: (req) => /^\/api\/authinfo$/i.test(req.path),
			answer: { status: 200, body: { auth_url: `${elsewhere.url}/auth` } },
			times: 10,
		});
		const result = await runWorkflow(userSync(), { credentials });
		assert.equal(result.status, 'success', errorText(result));
		assert.equal(elsewhere.requests.length, 0);
	});
});
