/**
 * The emulator's answers validated against Okta's own OpenAPI description
 * (User, Group, Application, AppUser, EventHook, Error), and proof that the
 * check can fail.
 */
import assert from 'node:assert/strict';

import { startOktaEmulator, type OktaEmulator } from '../../../emulators/okta';
import { oktaSpec, type OktaSpec } from '../../helpers/oktaSpec';
import { call, get, readAll, withQuery } from './http';

function assertValid(spec: OktaSpec, schema: string, data: unknown): void {
	const result = Array.isArray(data)
		? spec.validateEach(schema, data)
		: spec.validate(schema, data);
	assert.ok(result.valid, `${schema}:\n${result.messages.slice(0, 10).join('\n')}`);
}

describe('Okta emulator answers match okta-management.yaml', () => {
	let okta: OktaEmulator;
	let spec: OktaSpec;

	beforeAll(async () => {
		spec = oktaSpec();
		okta = await startOktaEmulator({
			org: { users: 400, groups: 10, apps: 10, seed: 4 },
			rateLimits: { users: 10_000 },
		});
	});
	afterAll(() => okta.close());

	test('users: every user in lists, each status read singly (full links), /users/me, group members', async () => {
		const { items } = await readAll(withQuery(`${okta.url}/api/v1/users`, { search: 'id pr' }));
		assert.equal(items.length, okta.store.users.length);
		assertValid(spec, 'User', items);
		const statuses = [...new Set(okta.store.users.map((user) => user.status))];
		assert.equal(statuses.length, 8, 'every status is in the org');
		for (const status of statuses) {
			const user = okta.store.users.find((candidate) => candidate.status === status)!;
			assertValid(spec, 'User', (await get(`${okta.url}/api/v1/users/${user.id}`)).body);
		}
		assertValid(spec, 'User', (await get(`${okta.url}/api/v1/users/me`)).body);
		const group = okta.store.groups[0];
		assertValid(spec, 'User', (await readAll(`${okta.url}/api/v1/groups/${group.id}/users`)).items);
	});

	test("groups (with and without stats) and a user's groups", async () => {
		assertValid(spec, 'Group', (await get(`${okta.url}/api/v1/groups`)).body);
		assertValid(spec, 'Group', (await get(`${okta.url}/api/v1/groups?expand=stats`)).body);
		assertValid(
			spec,
			'Group',
			(await get(`${okta.url}/api/v1/users/${okta.store.users[0].id}/groups`)).body,
		);
	});

	test('apps, per sign-on mode through the discriminator, and app users with the embedded user', async () => {
		const apps = (await get<Array<{ id: string; signOnMode: string }>>(`${okta.url}/api/v1/apps`))
			.body;
		assert.ok(new Set(apps.map((app) => app.signOnMode)).size >= 4);
		assertValid(spec, 'Application', apps);
		for (const app of apps.slice(0, 3)) {
			assertValid(
				spec,
				'AppUser',
				(await get(`${okta.url}/api/v1/apps/${app.id}/users?expand=user`)).body,
			);
		}
	});

	test('event hooks as created and listed', async () => {
		const created = await call(`${okta.url}/api/v1/eventHooks`, {
			method: 'POST',
			headers: { Authorization: 'SSWS okta-test-token' },
			body: {
				name: 'Schema check',
				events: { type: 'EVENT_TYPE', items: ['user.lifecycle.create'] },
				channel: {
					type: 'HTTP',
					version: '1.0.0',
					config: {
						uri: 'https://hooks.example.com/okta',
						authScheme: { type: 'HEADER', key: 'Authorization', value: 'x' },
					},
				},
			},
		});
		assert.equal(created.status, 200, created.text);
		assertValid(spec, 'EventHook', created.body);
		assertValid(spec, 'EventHook', (await get(`${okta.url}/api/v1/eventHooks`)).body);
	});

	test('errors: 400, 401, 403, 404, 405, 429 and 500 bodies', async () => {
		okta.registerServiceApp({
			clientId: 'schema-app',
			publicJwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' },
			scopes: ['okta.users.read'],
			dpop: false,
		});
		const forbiddenToken = okta.tokens.issueAccessToken({
			clientId: 'schema-app',
			scopes: ['okta.users.read'],
		}).token;
		okta.server.addFault({ status: 500, match: (req) => req.path === '/api/v1/apps' });
		okta.server.addFault({ status: 429, match: (req) => req.path === '/api/v1/apps' });
		const answers = [
			await get(withQuery(`${okta.url}/api/v1/users`, { filter: 'nope' })),
			await get(`${okta.url}/api/v1/users`, 'bad-token'),
			await call(`${okta.url}/api/v1/groups`, {
				headers: { Authorization: `Bearer ${forbiddenToken}` },
			}),
			await get(`${okta.url}/api/v1/users/00uMissing`),
			await call(`${okta.url}/api/v1/users`, {
				method: 'PATCH',
				headers: { Authorization: 'SSWS okta-test-token' },
			}),
			await get(`${okta.url}/api/v1/apps`),
			await get(`${okta.url}/api/v1/apps`),
		];
		assert.deepEqual(
			answers.map((answer) => answer.status),
			[400, 401, 403, 404, 405, 500, 429],
		);
		for (const answer of answers) assertValid(spec, 'ModelError', answer.body);
	});

	test('the check fails for wrong bodies (so the tests above can fail)', async () => {
		const user = (
			await get<Record<string, unknown>>(`${okta.url}/api/v1/users/${okta.store.users[0].id}`)
		).body;
		const broken: Array<[string, string, unknown]> = [
			['User', 'unknown status', { ...user, status: 'ENABLED' }],
			['User', 'timestamp not a date-time', { ...user, lastUpdated: 'last tuesday' }],
			['User', 'misspelt property', { ...user, lastupdated: user.lastUpdated }],
			[
				'User',
				'email not an email',
				{ ...user, profile: { ...(user.profile as object), email: 'not-an-email' } },
			],
			['User', 'link without href', { ...user, _links: { self: { url: 'x' } } }],
			['User', 'null where not nullable', { ...user, created: null }],
			[
				'Group',
				'unknown group type',
				{
					...((await get<unknown[]>(`${okta.url}/api/v1/groups`)).body[0] as object),
					type: 'SECURITY',
				},
			],
			[
				'ModelError',
				'causes not a list',
				{
					errorCode: 'E0000007',
					errorSummary: 'x',
					errorLink: 'E0000007',
					errorId: 'oae',
					errorCauses: 'none',
				},
			],
			[
				'AppUser',
				'scope outside USER/GROUP',
				{ id: '00u1', scope: 'ORG', status: 'ACTIVE', credentials: { userName: 'a@b.c' } },
			],
		];
		for (const [schema, why, data] of broken) {
			assert.equal(spec.validate(schema, data).valid, false, `${schema} with ${why} must fail`);
		}
		assert.equal(spec.validate('User', user).valid, true, 'the unbroken user passes');
	});
});
