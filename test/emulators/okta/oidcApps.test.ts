/**
 * Okta emulator: the public org metadata (with and without a custom domain)
 * and OIDC app settings on GET and PUT /api/v1/apps/{id}, answers validated
 * against Okta's own spec (specs/okta-management.yaml); Okta's refusals.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';

import { startOktaEmulator, type OktaEmulator } from '../../../emulators/okta';
import { OktaClient } from '../../../lib/okta/OktaClient';
import { OktaApiError } from '../../../lib/okta/OktaApiError';
import { withServiceApp } from '../../../lib/okta/requestAuth';
import { fetchRequestFn } from '../../helpers/fetchRequestFn';
import { oktaSpec } from '../../helpers/oktaSpec';
import { API_TOKEN, call, get } from './http';

const APP = '0oa1halo2sso3app4xyz';

async function start(customDomain?: string): Promise<OktaEmulator> {
	return startOktaEmulator({
		customDomain,
		fixture: {
			users: [
				{
					profile: {
						firstName: 'Ann',
						lastName: 'Example',
						email: 'ann@acme.example',
						login: 'ann@acme.example',
					},
				},
			],
			apps: [
				{
					id: APP,
					name: 'oidc_client',
					label: 'Halo',
					signOnMode: 'OPENID_CONNECT',
					users: ['ann@acme.example'],
				},
			],
		},
	});
}

describe('Okta emulator: /.well-known/okta-organization', () => {
	test('without a custom domain: the primary domain only; public (no credential)', async () => {
		const okta = await start();
		try {
			const answer = await call<Record<string, any>>(`${okta.url}/.well-known/okta-organization`);
			assert.equal(answer.status, 200);
			const result = oktaSpec().validate('WellKnownOrgMetadata', answer.body);
			assert.ok(result.valid, result.messages.join('\n'));
			assert.deepEqual(answer.body._links, { organization: { href: okta.url } });
		} finally {
			await okta.close();
		}
	});

	test('with a custom domain: listed as alternate', async () => {
		const okta = await start('https://login.acme.example/');
		try {
			const answer = await call<Record<string, any>>(`${okta.url}/.well-known/okta-organization`);
			assert.ok(oktaSpec().validate('WellKnownOrgMetadata', answer.body).valid);
			assert.deepEqual(answer.body._links, {
				organization: { href: okta.url },
				alternate: { href: 'https://login.acme.example' },
			});
		} finally {
			await okta.close();
		}
	});
});

describe('Okta emulator: OIDC app settings on GET and PUT /api/v1/apps/{id}', () => {
	let okta: OktaEmulator;
	beforeAll(async () => (okta = await start()));
	afterAll(() => okta.close());

	test('GET: an OIDC web app with its client settings and client id, as the spec describes it', async () => {
		const answer = await get<Record<string, any>>(`${okta.url}/api/v1/apps/${APP}`);
		assert.equal(answer.status, 200);
		const result = oktaSpec().validate('OpenIdConnectApplication', answer.body);
		assert.ok(result.valid, result.messages.join('\n'));
		assert.equal(answer.body.credentials.oauthClient.client_id, APP);
		assert.deepEqual(answer.body.settings.oauthClient.grant_types, ['authorization_code']);
		assert.equal(answer.body.settings.oauthClient.application_type, 'web');
	});

	test('PUT of the app as read, lists extended: stored and answered; the client (our OktaClient) sends a body that fits the spec', async () => {
		const client = new OktaClient({ orgUrl: okta.url, request: withApiTokenFetch() });
		const app = await client.getApp(APP);
		const oauth = app.settings!.oauthClient!;
		const { _links: _ignored, ...body } = app as Record<string, unknown>;
		const next = {
			...body,
			settings: {
				...app.settings,
				oauthClient: {
					...oauth,
					grant_types: [...oauth.grant_types!, 'implicit'],
					response_types: [...oauth.response_types!, 'id_token'],
					redirect_uris: [
						...oauth.redirect_uris!,
						'https://support.acme.example/auth/account/openidresponse',
					],
					post_logout_redirect_uris: ['https://support.acme.example'],
				},
			},
		};
		okta.server.clearLog();
		const saved = await client.replaceApp(next as typeof app);
		const sent = okta.server.log[0];
		assert.equal(sent.method, 'PUT');
		const bodyCheck = oktaSpec().validate('OpenIdConnectApplication', sent.body);
		assert.ok(bodyCheck.valid, bodyCheck.messages.join('\n'));
		assert.deepEqual(saved.settings!.oauthClient!.grant_types, ['authorization_code', 'implicit']);
		const answerCheck = oktaSpec().validate('OpenIdConnectApplication', saved);
		assert.ok(answerCheck.valid, answerCheck.messages.join('\n'));
		const again = await client.getApp(APP);
		assert.deepEqual(again.settings!.oauthClient!.post_logout_redirect_uris, [
			'https://support.acme.example',
		]);
	});

	test.each<[string, (app: Record<string, any>) => void, RegExp]>([
		[
			'implicit without id_token',
			(a) => (
				(a.settings.oauthClient.grant_types = ['authorization_code', 'implicit']),
				(a.settings.oauthClient.response_types = ['code'])
			),
			/'implicit' grant type requires/,
		],
		[
			'id_token without implicit',
			(a) => (
				(a.settings.oauthClient.grant_types = ['authorization_code']),
				(a.settings.oauthClient.response_types = ['code', 'id_token'])
			),
			/require the 'implicit' grant type/,
		],
		[
			'a relative redirect URI',
			(a) => (a.settings.oauthClient.redirect_uris = ['/callback']),
			/is not a valid URI/,
		],
		['another name', (a) => (a.name = 'bookmark'), /name cannot be changed/],
		['no label', (a) => (a.label = ''), /label: The field cannot be left blank/],
		[
			'no client settings',
			(a) => delete a.settings.oauthClient,
			/settings\.oauthClient: The field is required/,
		],
	])('PUT refused with 400 E0000001 and the cause: %s', async (_name, change, cause) => {
		const read = (await get<Record<string, any>>(`${okta.url}/api/v1/apps/${APP}`)).body;
		change(read);
		const answer = await call<Record<string, any>>(`${okta.url}/api/v1/apps/${APP}`, {
			method: 'PUT',
			headers: { Authorization: `SSWS ${API_TOKEN}` },
			body: read,
		});
		assert.equal(answer.status, 400);
		assert.equal(answer.body.errorCode, 'E0000001');
		assert.match(
			answer.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary).join('\n'),
			cause,
		);
	});

	test('PUT with a token that has okta.apps.read only: 403 naming okta.apps.manage; app users are listed', async () => {
		const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
		okta.registerServiceApp({
			clientId: 'svc-apps-read',
			publicJwk: key.publicKey.export({ format: 'jwk' }),
			dpop: false,
			scopes: ['okta.apps.read'],
		});
		const client = new OktaClient({
			orgUrl: okta.url,
			request: withServiceApp(fetchRequestFn(), {
				orgUrl: okta.url,
				clientId: 'svc-apps-read',
				privateKey: key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
				scopes: 'okta.apps.read',
				useDpop: false,
			}),
		});
		const app = await client.getApp(APP);
		const users = await client.listAppUsers(APP);
		assert.deepEqual(
			users.map((u) => u.credentials?.userName),
			['ann@acme.example'],
		);
		await assert.rejects(client.replaceApp(app), (error: unknown) => {
			assert.ok(error instanceof OktaApiError);
			assert.equal(error.status, 403);
			assert.equal(error.requiredScope, 'okta.apps.manage');
			return true;
		});
	});
});

function withApiTokenFetch() {
	const send = fetchRequestFn();
	return (request: Parameters<typeof send>[0]) =>
		send({ ...request, headers: { ...request.headers, Authorization: `SSWS ${API_TOKEN}` } });
}
