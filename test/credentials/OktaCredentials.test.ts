/**
 * The four Okta credentials as n8n uses them: fields (names fixed by docs/public-surface.md),
 * `authenticate`, the service app's `preAuthentication`, and each credential
 * test request run the way n8n's credential tester does, against the emulator.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';

import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';

import type { HttpMethod } from '../../lib/http/types';
import { OktaAuthCodeOAuth2Api } from '../../credentials/OktaAuthCodeOAuth2Api.credentials';
import { OktaEventHookApi } from '../../credentials/OktaEventHookApi.credentials';
import { OktaServiceAppApi } from '../../credentials/OktaServiceAppApi.credentials';
import { OktaTokenApi } from '../../credentials/OktaTokenApi.credentials';
import { startOktaEmulator } from '../../emulators/okta';
import type { OktaEmulator } from '../../emulators/okta';
import { testEventHookCredential } from '../../lib/n8n/okta';
import { accessTokenHash } from '../../lib/okta/dpop';
import { decodeJwt, fetchRequestFn } from '../okta/helpers/fetchRequestFn';
import { runCredentialTestFunction } from '../helpers/credentialTest';

/** `helpers.httpRequest` over fetch, honouring the options our credentials use. */
function fetchHelper(): IHttpRequestHelper & { calls: IHttpRequestOptions[] } {
	const send = fetchRequestFn();
	const calls: IHttpRequestOptions[] = [];
	const httpRequest = async (options: IHttpRequestOptions) => {
		calls.push(options);
		const headers = options.headers as Record<string, string>;
		const form =
			typeof options.body === 'string'
				? Object.fromEntries(new URLSearchParams(options.body))
				: undefined;
		const response = await send({
			method: (options.method ?? 'GET') as HttpMethod,
			url: options.url,
			headers,
			form,
			query: options.qs as never,
		});
		if (!options.ignoreHttpStatusErrors && response.status >= 400)
			throw new Error(`HTTP ${response.status}`);
		return options.returnFullResponse
			? { statusCode: response.status, headers: response.headers, body: response.body }
			: response.body;
	};
	return { helpers: { httpRequest }, calls } as unknown as IHttpRequestHelper & {
		calls: IHttpRequestOptions[];
	};
}

/** Resolves a credential expression as n8n does (`$credentials` in requests, `$self` in defaults). */
function resolve(expression: string, credentials: ICredentialDataDecryptedObject): string {
	const nodeType = {
		description: {
			name: 'x',
			displayName: 'x',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			properties: [],
		},
	} as unknown as INodeType;
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node = {
		id: '1',
		name: 'x',
		type: 'x',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return String(
		workflow.expression.getSimpleParameterValue(
			node,
			expression,
			'internal',
			{ $credentials: credentials, $self: credentials } as never,
			undefined,
			'',
		),
	);
}

/** n8n's credential tester: resolve the test request, authenticate it, send it, apply the rules to a failure. */
async function runCredentialTest(
	testRequest: ICredentialTestRequest,
	credentials: ICredentialDataDecryptedObject,
	authenticate: (
		c: ICredentialDataDecryptedObject,
		o: IHttpRequestOptions,
	) => Promise<IHttpRequestOptions>,
): Promise<{
	status: 'OK' | 'Error';
	message: string;
	httpStatus: number;
	options: IHttpRequestOptions;
}> {
	const request = testRequest.request as IHttpRequestOptions & { baseURL: string };
	const options = await authenticate(credentials, {
		...request,
		baseURL: resolve(request.baseURL, credentials),
		method: 'GET',
	} as IHttpRequestOptions);
	const base = (options as IHttpRequestOptions & { baseURL: string }).baseURL;
	const response = await fetchRequestFn()({
		method: 'GET',
		url: `${base}${options.url}`,
		query: options.qs as never,
		headers: options.headers as Record<string, string>,
	});
	if (response.status < 300)
		return {
			status: 'OK',
			message: 'Connection tested successfully',
			httpStatus: response.status,
			options,
		};
	const rule = (testRequest.rules ?? []).find(
		(r) => r.type === 'responseCode' && r.properties.value === response.status,
	);
	return {
		status: 'Error',
		message: rule?.properties.message ?? `HTTP ${response.status}`,
		httpStatus: response.status,
		options,
	};
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKey = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicJwk = rsa.publicKey.export({ format: 'jwk' });

describe('Okta credentials', () => {
	let okta: OktaEmulator;
	beforeAll(async () => {
		okta = await startOktaEmulator({ org: { users: 30, groups: 3 } });
		okta.registerServiceApp({
			clientId: 'svc',
			publicJwk: { ...publicJwk, kid: 'kid-1' } as never,
			dpop: true,
			scopes: ['okta.users.read', 'okta.groups.read', 'okta.apps.read'],
		});
		okta.registerServiceApp({
			clientId: 'svc-groups-only',
			publicJwk,
			dpop: false,
			scopes: ['okta.groups.read'],
		});
	});
	afterAll(() => okta.close());

	describe('oktaTokenApi', () => {
		const credential = new OktaTokenApi();

		test('fields, SSWS header, test request succeeds the first time', async () => {
			assert.equal(credential.name, 'oktaTokenApi');
			assert.deepEqual(
				credential.properties.map((p) => p.name),
				['url', 'apiToken'],
			);
			assert.equal(credential.properties[1].typeOptions?.password, true);
			const signed = await credential.authenticate(
				{ url: `${okta.url}/`, apiToken: 'okta-test-token' },
				{ url: '/api/v1/users' },
			);
			assert.equal(
				(signed.headers as Record<string, string>).Authorization,
				'SSWS okta-test-token',
			);
			// No `test` request: n8n runs the Halo Okta Settings node's test function instead.
			assert.equal((credential as unknown as { test?: unknown }).test, undefined);
			okta.server.clearLog();
			const result = await runCredentialTestFunction('oktaTokenApi', {
				url: `${okta.url}/`,
				apiToken: 'okta-test-token',
			});
			assert.equal(result.status, 'OK', result.message);
			assert.deepEqual(
				okta.server.log.map((r) => [r.path, r.headers.authorization]),
				[
					['/api/v1/users', 'SSWS okta-test-token'],
					['/api/v1/groups', 'SSWS okta-test-token'],
					['/api/v1/apps', 'SSWS okta-test-token'],
				],
				'users, groups and apps read once each, on the first click',
			);
		});

		test('401 → "check the token"', async () => {
			const result = await runCredentialTestFunction('oktaTokenApi', {
				url: okta.url,
				apiToken: 'nope',
			});
			assert.equal(result.status, 'Error');
			assert.match(result.message, /E0000011/);
			assert.match(result.message, /check the token/);
		});

		test('admin or sub-path org URLs are refused before any request', async () => {
			await assert.rejects(
				credential.authenticate(
					{ url: 'https://acme-admin.okta.com', apiToken: 't' },
					{ url: '/api/v1/users' },
				),
				/primary Okta domain/,
			);
			await assert.rejects(
				credential.authenticate(
					{ url: 'https://acme.okta.com/oauth2/default', apiToken: 't' },
					{ url: '/api/v1/users' },
				),
				/sub-path URL causes 404s/,
			);
		});
	});

	describe('oktaServiceAppApi', () => {
		const credential = new OktaServiceAppApi();
		const base = (extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject => ({
			url: okta.url,
			clientId: 'svc',
			privateKey,
			keyId: 'kid-1',
			scopes: 'okta.users.read okta.groups.read okta.apps.read',
			useDpop: true,
			accessToken: '',
			tokenType: '',
			dpopJwk: '',
			...extra,
		});

		test('fields as docs/public-surface.md names them; the token is hidden, expirable and a password', () => {
			const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
			assert.deepEqual(Object.keys(byName).sort(), [
				'accessToken',
				'clientId',
				'dpopJwk',
				'keyId',
				'privateKey',
				'scopes',
				'tokenType',
				'url',
				'useDpop',
			]);
			assert.equal(byName.accessToken.type, 'hidden');
			assert.equal(byName.accessToken.typeOptions?.expirable, true);
			assert.equal(byName.privateKey.typeOptions?.password, true);
			assert.equal(byName.scopes.default, 'okta.users.read okta.groups.read okta.apps.read');
			assert.equal(byName.useDpop.default, true);
		});

		test('preAuthentication (DPoP): nonce round trip, token + bound key; authenticate adds DPoP + ath proof; test succeeds the first time', async () => {
			const helper = fetchHelper();
			const filled = { ...base(), ...(await credential.preAuthentication.call(helper, base())) };
			assert.equal(helper.calls.length, 2, 'use_dpop_nonce, then the token');
			assert.equal(filled.tokenType, 'DPoP');
			assert.ok(String(filled.accessToken).length > 20);
			assert.ok(
				JSON.parse(String(filled.dpopJwk)).d,
				'the DPoP private key is kept (encrypted by n8n) with the token',
			);

			const signed = await credential.authenticate(filled, {
				baseURL: okta.url,
				url: '/api/v1/users',
				method: 'GET',
			} as IHttpRequestOptions);
			const headers = signed.headers as Record<string, string>;
			assert.equal(headers.Authorization, `DPoP ${filled.accessToken}`);
			const proof = decodeJwt(headers.DPoP).payload;
			assert.equal(proof.htu, `${okta.url}/api/v1/users`);
			assert.equal(proof.htm, 'GET');
			assert.equal(proof.ath, accessTokenHash(String(filled.accessToken)));
			const answer = await fetch(`${okta.url}/api/v1/users?limit=1`, { headers });
			assert.equal(answer.status, 200);

			// The test function fetches its own token from the values typed (never a stored one).
			const result = await runCredentialTestFunction('oktaServiceAppApi', base());
			assert.equal(result.status, 'OK', result.message);
		});

		test('DPoP off against a DPoP app: preAuthentication fails with the switch to flip', async () => {
			await assert.rejects(
				credential.preAuthentication.call(fetchHelper(), base({ useDpop: false })),
				/turn on "Use DPoP"/,
			);
		});

		test('403 from the test names the missing scope okta.users.read (and every other one missing)', async () => {
			const data = base({
				clientId: 'svc-groups-only',
				keyId: '',
				scopes: 'okta.groups.read',
				useDpop: false,
			});
			const filled = { ...data, ...(await credential.preAuthentication.call(fetchHelper(), data)) };
			assert.equal(filled.tokenType, 'Bearer');
			const result = await runCredentialTestFunction('oktaServiceAppApi', data);
			assert.equal(result.status, 'Error');
			assert.match(result.message, /okta\.users\.read, okta\.apps\.read/);
			assert.doesNotMatch(result.message, /okta\.groups\.read/);
		});
	});

	describe('oktaAuthCodeOAuth2Api', () => {
		const credential = new OktaAuthCodeOAuth2Api();

		test('extends oAuth2Api; authorize and token URLs derive from the org URL', () => {
			assert.deepEqual(credential.extends, ['oAuth2Api']);
			const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
			assert.equal(byName.grantType.default, 'authorizationCode');
			const data = { url: 'https://acme.okta.com/' };
			assert.equal(
				resolve(String(byName.authUrl.default), data),
				'https://acme.okta.com/oauth2/v1/authorize',
			);
			assert.equal(
				resolve(String(byName.accessTokenUrl.default), data),
				'https://acme.okta.com/oauth2/v1/token',
			);
			assert.match(String(byName.scope.default), /offline_access/);
			assert.match(String(byName.scope.default), /okta\.users\.read/);
		});

		test('test request (GET /api/v1/users/me) succeeds with an auth-code token', async () => {
			const redirectUri = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
			okta.registerAuthCodeClient({ clientId: 'web', clientSecret: 'web-secret', redirectUri });
			const authorize = new URL(`${okta.url}/oauth2/v1/authorize`);
			const scope = String(credential.properties.find((p) => p.name === 'scope')!.default);
			for (const [k, v] of Object.entries({
				client_id: 'web',
				redirect_uri: redirectUri,
				response_type: 'code',
				scope,
				state: 's',
			}))
				authorize.searchParams.set(k, v);
			const code = new URL(
				(await fetch(authorize, { redirect: 'manual' })).headers.get('location')!,
			).searchParams.get('code')!;
			const token = (await (
				await fetch(`${okta.url}/oauth2/v1/token`, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/x-www-form-urlencoded',
						Authorization: `Basic ${Buffer.from('web:web-secret').toString('base64')}`,
					},
					body: new URLSearchParams({
						grant_type: 'authorization_code',
						code,
						redirect_uri: redirectUri,
					}).toString(),
				})
			).json()) as { access_token: string; refresh_token?: string };
			assert.ok(token.refresh_token, 'offline_access gives n8n a refresh token');
			// n8n signs OAuth2 requests with the Bearer token itself; the test request is ours.
			const result = await runCredentialTest(credential.test, { url: okta.url }, async (_c, o) => ({
				...o,
				headers: { Authorization: `Bearer ${token.access_token}` },
			}));
			assert.equal(result.status, 'OK', result.message);
		});
	});

	describe('oktaEventHookApi', () => {
		test('fields; the shape check the trigger runs as its credential test', () => {
			const credential = new OktaEventHookApi();
			assert.deepEqual(
				credential.properties.map((p) => [p.name, p.default]),
				[
					['headerName', 'Authorization'],
					['secret', ''],
				],
			);
			assert.equal(credential.properties[1].typeOptions?.password, true);
			assert.equal(
				testEventHookCredential({ headerName: 'Authorization', secret: 'a-long-enough-secret' })
					.status,
				'OK',
			);
			assert.equal(
				testEventHookCredential({ headerName: 'Bad Header', secret: 'a-long-enough-secret' })
					.status,
				'Error',
			);
			assert.match(
				testEventHookCredential({ headerName: 'X-Secret', secret: 'short' }).message,
				/16 characters/,
			);
		});
	});
});
