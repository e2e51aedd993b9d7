/**
 * The secret scan finds what it must: a secret inside an error's cause or
 * description (not enumerable), escaped inside JSON, a line of a PEM key; and
 * every engine run is scanned (a run whose output carries the Okta token fails).
 */
import assert from 'node:assert/strict';

import { NodeOperationError } from 'n8n-workflow';

import { generateOktaUsers } from '../halo/support/oktaUsers';
import { runWorkflow } from './n8nEngine';
import { SecretLeakError, credentialSecrets, findSecrets, wireSecrets } from './secretScan';

const TOKEN = '00aBcDeFgHiJkLmNoPqRsTuVwXyZ-token';
const KEY =
	'-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----';

describe('secretScan', () => {
	const secrets = credentialSecrets({
		oktaTokenApi: { url: 'https://acme.okta.com', apiToken: TOKEN },
		oktaServiceAppApi: { clientId: 'cid', privateKey: KEY },
		haloApi: { clientSecret: 'halo-client-secret', scope: 'all' },
	});

	test('credential fields that hold secrets, not URLs or scopes', () => {
		assert.deepEqual(secrets.map((s) => s.kind).sort(), [
			'Okta API token',
			'Okta private key',
			'client secret',
		]);
	});

	test('finds secrets in error causes and descriptions, escaped JSON and single PEM lines', () => {
		const inner = new Error(`upstream said ${TOKEN}`);
		const error = new NodeOperationError({ name: 'x' } as never, 'failed', {
			description: 'halo-client-secret was refused',
		});
		Object.defineProperty(error, 'cause', { value: inner, enumerable: false });
		assert.deepEqual(
			findSecrets({ error }, secrets)
				.map((f) => f.kind)
				.sort(),
			['Okta API token', 'client secret'],
		);
		assert.deepEqual(
			findSecrets(
				{ log: JSON.stringify({ body: 'key: MIIEvQIBADANBgkqhkiG9w0BAQEFAASC' }) },
				secrets,
			),
			[{ kind: 'Okta private key', where: 'log' }],
		);
		assert.deepEqual(findSecrets({ output: [{ json: { ok: true } }] }, secrets), []);
	});

	test('wire secrets: bearer tokens, DPoP proofs, posted client secrets', () => {
		const found = wireSecrets([
			{
				method: 'GET',
				path: '/api/Users',
				query: {},
				headers: { authorization: 'Bearer abcdefghijkl', dpop: 'eyJproof.part.sig' },
				body: undefined,
				status: 200,
			},
			{
				method: 'POST',
				path: '/auth/token',
				query: {},
				headers: {},
				body: { client_secret: 'posted-secret' },
				status: 200,
			},
		]);
		assert.deepEqual(
			found.map((s) => s.value),
			['abcdefghijkl', 'eyJproof.part.sig', 'posted-secret'],
		);
	});

	test('every engine run is scanned: an output carrying the Okta token fails the run', async () => {
		const [user] = generateOktaUsers(1);
		const leaking = { ...user, profile: { ...user.profile, title: TOKEN } };
		const workflow = {
			name: 'leak',
			nodes: [
				{
					id: '1',
					name: 'Map',
					type: 'n8n-nodes-okta-halo.mapToHalo',
					typeVersion: 1,
					position: [0, 0],
					parameters: { target: 'user', configSource: 'json', configJson: '{}' },
				},
			],
			connections: {},
		};
		await assert.rejects(
			runWorkflow(workflow, {
				startItems: [{ json: leaking as never }],
				credentials: { oktaTokenApi: { url: 'https://acme.okta.com', apiToken: TOKEN } },
			}),
			(e: Error) => {
				assert.ok(e instanceof SecretLeakError);
				assert.match(e.message, /Okta API token in output items/);
				assert.doesNotMatch(e.message, new RegExp(TOKEN));
				return true;
			},
		);
	});
});
