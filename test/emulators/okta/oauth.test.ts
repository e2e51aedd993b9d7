import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify, type JsonWebKey } from 'node:crypto';

import { startOktaEmulator, type OktaEmulator } from '../../../emulators/okta';
import { call, type Answer } from './http';
import {
	clientAssertion,
	dpopHeaders,
	dpopProof,
	makeKey,
	requestServiceToken,
	type TestKey,
} from './oauthClient';

const SCOPES = ['okta.users.read', 'okta.groups.read', 'okta.apps.read'];

function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
	return JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8')) as Record<
		string,
		unknown
	>;
}

describe('Okta emulator: org authorization server', () => {
	let okta: OktaEmulator;
	let tokenUrl: string;
	const appKey = makeKey('RS256');
	const dpopKey = makeKey('RS256');

	beforeAll(async () => {
		okta = await startOktaEmulator({ org: { users: 30, groups: 4, seed: 9 } });
		tokenUrl = `${okta.url}/oauth2/v1/token`;
		okta.registerServiceApp({ clientId: 'svc-dpop', publicJwk: appKey.publicJwk, scopes: SCOPES });
		okta.registerServiceApp({
			clientId: 'svc-bearer',
			publicJwk: appKey.publicJwk,
			scopes: SCOPES,
			dpop: false,
		});
		okta.registerServiceApp({
			clientId: 'svc-users-only',
			publicJwk: appKey.publicJwk,
			scopes: ['okta.users.read'],
			dpop: false,
		});
	});
	afterAll(() => okta.close());

	const tokenForm = (assertion: string, scope = SCOPES.join(' ')) => ({
		grant_type: 'client_credentials',
		scope,
		client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
		client_assertion: assertion,
	});

	async function dpopToken(key: TestKey = appKey, proofKey: TestKey = dpopKey): Promise<string> {
		const { answer } = await requestServiceToken(okta.url, {
			clientId: 'svc-dpop',
			key,
			scope: SCOPES.join(' '),
			dpopKey: proofKey,
		});
		assert.equal(answer.status, 200, answer.text);
		return answer.body.access_token;
	}

	describe('private_key_jwt with DPoP (the default for service apps)', () => {
		test('first request: 400 use_dpop_nonce with a DPoP-Nonce header; the retry with the nonce gets a DPoP token', async () => {
			const first = await call<Record<string, string>>(tokenUrl, {
				method: 'POST',
				headers: { DPoP: dpopProof(dpopKey, 'POST', tokenUrl) },
				form: tokenForm(clientAssertion(appKey, 'svc-dpop', tokenUrl)),
			});
			assert.equal(first.status, 400);
			assert.deepEqual(first.body, {
				error: 'use_dpop_nonce',
				error_description: 'Authorization server requires nonce in DPoP proof.',
			});
			const nonce = first.headers.get('dpop-nonce');
			assert.ok(nonce);
			const second = await call<Record<string, string | number>>(tokenUrl, {
				method: 'POST',
				headers: { DPoP: dpopProof(dpopKey, 'POST', tokenUrl, { nonce }) },
				form: tokenForm(clientAssertion(appKey, 'svc-dpop', tokenUrl)),
			});
			assert.equal(second.status, 200, second.text);
			assert.equal(second.body.token_type, 'DPoP');
			assert.equal(second.body.expires_in, 3600);
			assert.equal(second.body.scope, SCOPES.join(' '));
			assert.equal(second.headers.get('cache-control'), 'no-store');
			const accessToken = String(second.body.access_token);
			assert.equal(decodePart(accessToken, 0).typ, 'application/okta-internal-at+jwt');
			const { kid: _kid, ...jwk } = dpopKey.publicJwk;
			const thumbprint = createHash('sha256')
				.update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
				.digest('base64url');
			assert.deepEqual(decodePart(accessToken, 1).cnf, { jkt: thumbprint });
		});

		test('API calls need the DPoP scheme and a proof for this method, URL and token', async () => {
			const token = await dpopToken();
			const url = `${okta.url}/api/v1/users`;
			const ok = await call<unknown[]>(`${url}?limit=5`, {
				headers: dpopHeaders(dpopKey, 'GET', url, token),
			});
			assert.equal(ok.status, 200, ok.text);
			assert.equal(ok.body.length, 5);

			const refusals: Array<[string, Record<string, string>, number, RegExp]> = [
				[
					'Bearer scheme for a DPoP-bound token',
					{ Authorization: `Bearer ${token}` },
					401,
					/error="invalid_token"/,
				],
				[
					'no proof',
					{ Authorization: `DPoP ${token}` },
					400,
					/error="invalid_dpop_proof".*header is missing/,
				],
				[
					'proof for another URL',
					dpopHeaders(dpopKey, 'GET', `${okta.url}/api/v1/groups`, token),
					400,
					/'htu' claim/,
				],
				['proof for another method', dpopHeaders(dpopKey, 'POST', url, token), 400, /'htm' claim/],
				[
					'proof without ath',
					{ Authorization: `DPoP ${token}`, DPoP: dpopProof(dpopKey, 'GET', url) },
					400,
					/'ath' claim/,
				],
				[
					'proof by another key',
					dpopHeaders(makeKey('ES256'), 'GET', url, token),
					400,
					/does not match the key/,
				],
				[
					'stale iat',
					{
						Authorization: `DPoP ${token}`,
						DPoP: dpopProof(dpopKey, 'GET', url, {
							accessToken: token,
							overrides: { iat: Math.floor(Date.now() / 1000) - 3600 },
						}),
					},
					400,
					/'iat' claim/,
				],
			];
			for (const [name, headers, status, challenge] of refusals) {
				const answer = await call(url, { headers });
				assert.equal(answer.status, status, name);
				assert.match(answer.headers.get('www-authenticate') ?? '', /^DPoP algs="RS256 /, name);
				assert.match(answer.headers.get('www-authenticate') ?? '', challenge, name);
			}
			const replayed = dpopHeaders(dpopKey, 'GET', url, token);
			assert.equal((await call(url, { headers: replayed })).status, 200);
			const again = await call(url, { headers: replayed });
			assert.equal(again.status, 400);
			assert.match(again.headers.get('www-authenticate') ?? '', /already used/);
		});

		test('ES256 keys work for both the assertion and the proof', async () => {
			const esApp = makeKey('ES256');
			const esProof = makeKey('ES256');
			okta.registerServiceApp({ clientId: 'svc-es', publicJwk: esApp.publicJwk, scopes: SCOPES });
			const { answer, requests } = await requestServiceToken(okta.url, {
				clientId: 'svc-es',
				key: esApp,
				scope: 'okta.groups.read',
				dpopKey: esProof,
			});
			assert.equal(answer.status, 200, answer.text);
			assert.equal(requests, 2);
			const url = `${okta.url}/api/v1/groups`;
			assert.equal(
				(await call(url, { headers: dpopHeaders(esProof, 'GET', url, answer.body.access_token) }))
					.status,
				200,
			);
		});

		test('token request refusals', async () => {
			const otherKey = makeKey('RS256');
			const now = Math.floor(Date.now() / 1000);
			const cases: Array<
				[string, () => Promise<Answer<Record<string, string>>>, number, string, RegExp?]
			> = [
				[
					'missing DPoP proof',
					() =>
						call(tokenUrl, {
							method: 'POST',
							form: tokenForm(clientAssertion(appKey, 'svc-dpop', tokenUrl)),
						}),
					400,
					'invalid_dpop_proof',
				],
				[
					'unknown nonce',
					() =>
						call(tokenUrl, {
							method: 'POST',
							headers: { DPoP: dpopProof(dpopKey, 'POST', tokenUrl, { nonce: 'made-up' }) },
							form: tokenForm(clientAssertion(appKey, 'svc-dpop', tokenUrl)),
						}),
					400,
					'use_dpop_nonce',
				],
				[
					'wrong audience',
					() =>
						call(tokenUrl, {
							method: 'POST',
							form: tokenForm(
								clientAssertion(appKey, 'svc-bearer', `${okta.url}/oauth2/default/v1/token`),
							),
						}),
					401,
					'invalid_client',
					/audience/,
				],
				[
					'signed by another key',
					() =>
						call(tokenUrl, {
							method: 'POST',
							form: tokenForm(
								clientAssertion({ ...otherKey, kid: appKey.kid }, 'svc-bearer', tokenUrl),
							),
						}),
					401,
					'invalid_client',
					/signature/,
				],
				[
					'kid of an unknown key',
					() =>
						call(tokenUrl, {
							method: 'POST',
							form: tokenForm(clientAssertion({ ...appKey, kid: 'other' }, 'svc-bearer', tokenUrl)),
						}),
					401,
					'invalid_client',
					/kid/,
				],
				[
					'expired',
					() =>
						call(tokenUrl, {
							method: 'POST',
							form: tokenForm(clientAssertion(appKey, 'svc-bearer', tokenUrl, { exp: now - 300 })),
						}),
					401,
					'invalid_client',
					/expired/,
				],
				[
					'exp more than an hour ahead',
					() =>
						call(tokenUrl, {
							method: 'POST',
							form: tokenForm(clientAssertion(appKey, 'svc-bearer', tokenUrl, { exp: now + 7200 })),
						}),
					401,
					'invalid_client',
					/too far/,
				],
				[
					'sub is not the client',
					() =>
						call(tokenUrl, {
							method: 'POST',
							form: tokenForm(clientAssertion(appKey, 'svc-bearer', tokenUrl, { sub: 'someone' })),
						}),
					401,
					'invalid_client',
				],
				[
					'unknown client',
					() =>
						call(tokenUrl, {
							method: 'POST',
							form: tokenForm(clientAssertion(appKey, 'nobody', tokenUrl)),
						}),
					401,
					'invalid_client',
				],
				[
					'scope not granted',
					() =>
						call(tokenUrl, {
							method: 'POST',
							form: tokenForm(
								clientAssertion(appKey, 'svc-users-only', tokenUrl),
								'okta.users.read okta.groups.read',
							),
						}),
					400,
					'invalid_scope',
					/okta\.groups\.read/,
				],
				[
					'no scope',
					() =>
						call(tokenUrl, {
							method: 'POST',
							form: tokenForm(clientAssertion(appKey, 'svc-bearer', tokenUrl), ''),
						}),
					400,
					'invalid_scope',
				],
				[
					'no client credentials',
					() =>
						call(tokenUrl, {
							method: 'POST',
							form: { grant_type: 'client_credentials', scope: 'okta.users.read' },
						}),
					401,
					'invalid_client',
				],
				[
					'unsupported grant',
					() => call(tokenUrl, { method: 'POST', form: { grant_type: 'password' } }),
					400,
					'unsupported_grant_type',
				],
			];
			for (const [name, send, status, error, description] of cases) {
				const answer = await send();
				assert.equal(answer.status, status, `${name}: ${answer.text}`);
				assert.equal(answer.body.error, error, name);
				if (description) assert.match(answer.body.error_description, description, name);
			}
			const assertion = clientAssertion(appKey, 'svc-bearer', tokenUrl);
			assert.equal(
				(await call(tokenUrl, { method: 'POST', form: tokenForm(assertion) })).status,
				200,
			);
			const replay = await call<Record<string, string>>(tokenUrl, {
				method: 'POST',
				form: tokenForm(assertion),
			});
			assert.equal(replay.status, 401);
			assert.match(replay.body.error_description, /already been used/);
		});
	});

	describe('private_key_jwt without DPoP', () => {
		test("a Bearer token (a DPoP header is ignored), scopes enforced with Okta's 403 and challenge", async () => {
			const { answer, requests } = await requestServiceToken(okta.url, {
				clientId: 'svc-users-only',
				key: appKey,
				scope: 'okta.users.read',
				dpopKey,
			});
			assert.equal(requests, 1);
			assert.equal(answer.body.token_type, 'Bearer');
			const auth = { Authorization: `Bearer ${answer.body.access_token}` };
			assert.equal((await call(`${okta.url}/api/v1/users`, { headers: auth })).status, 200);
			const forbidden = await call<{ errorCode: string }>(`${okta.url}/api/v1/groups`, {
				headers: auth,
			});
			assert.equal(forbidden.status, 403);
			assert.equal(forbidden.body.errorCode, 'E0000006');
			const challenge = forbidden.headers.get('www-authenticate') ?? '';
			assert.match(challenge, /^Bearer /);
			assert.match(challenge, /error="insufficient_scope"/);
			assert.match(challenge, /scope="okta\.groups\.read"/);
			assert.match(challenge, /resource="\/api\/v1\/groups"/);
			const me = await call<{ errorCode: string }>(`${okta.url}/api/v1/users/me`, {
				headers: auth,
			});
			assert.equal(me.status, 404, 'a service app is no user');
		});

		test('expired tokens answer 401 E0000011', async () => {
			const { answer } = await requestServiceToken(okta.url, {
				clientId: 'svc-bearer',
				key: appKey,
				scope: 'okta.users.read',
			});
			okta.tokens.expireAccessTokens();
			const expired = await call<{ errorCode: string }>(`${okta.url}/api/v1/users`, {
				headers: { Authorization: `Bearer ${answer.body.access_token}` },
			});
			assert.equal(expired.status, 401);
			assert.equal(expired.body.errorCode, 'E0000011');
		});
	});

	describe('authorization code with a client secret', () => {
		const redirectUri = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
		beforeAll(() =>
			okta.registerAuthCodeClient({ clientId: 'web-app', clientSecret: 's3cret', redirectUri }),
		);

		async function authorize(query: Record<string, string>): Promise<URL> {
			const params = new URLSearchParams({
				client_id: 'web-app',
				response_type: 'code',
				redirect_uri: redirectUri,
				state: 'st-1',
				...query,
			});
			const answer = await call(`${okta.url}/oauth2/v1/authorize?${params}`);
			assert.equal(answer.status, 302, answer.text);
			return new URL(answer.headers.get('location')!);
		}

		test('authorize redirects with code and state; the code buys tokens once; the refresh token renews', async () => {
			const user = okta.store.users.find(
				(candidate) => candidate.status === 'ACTIVE' && candidate.id !== okta.store.adminUser()!.id,
			)!;
			const back = await authorize({
				scope: 'openid email offline_access okta.users.read',
				login_hint: user.profile.login,
			});
			assert.equal(`${back.origin}${back.pathname}`, redirectUri);
			assert.equal(back.searchParams.get('state'), 'st-1');
			const code = back.searchParams.get('code')!;
			const basic = `Basic ${Buffer.from('web-app:s3cret').toString('base64')}`;
			const exchange = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
			const tokens = await call<Record<string, string | number>>(tokenUrl, {
				method: 'POST',
				headers: { Authorization: basic },
				form: exchange,
			});
			assert.equal(tokens.status, 200, tokens.text);
			assert.equal(tokens.body.token_type, 'Bearer');
			assert.ok(tokens.body.refresh_token);
			const idToken = String(tokens.body.id_token);
			const keys = await call<{ keys: JsonWebKey[] }>(`${okta.url}/oauth2/v1/keys`);
			const [header, payload, signature] = idToken.split('.');
			assert.ok(
				verify(
					'sha256',
					Buffer.from(`${header}.${payload}`),
					createPublicKey({ key: keys.body.keys[0], format: 'jwk' }),
					Buffer.from(signature, 'base64url'),
				),
			);
			assert.equal(decodePart(idToken, 1).sub, user.id);

			const me = await call<{ id: string }>(`${okta.url}/api/v1/users/me`, {
				headers: { Authorization: `Bearer ${tokens.body.access_token}` },
			});
			assert.equal(me.body.id, user.id);
			const reused = await call<Record<string, string>>(tokenUrl, {
				method: 'POST',
				headers: { Authorization: basic },
				form: exchange,
			});
			assert.equal(reused.body.error, 'invalid_grant');

			const refreshed = await call<Record<string, string>>(tokenUrl, {
				method: 'POST',
				form: {
					grant_type: 'refresh_token',
					refresh_token: String(tokens.body.refresh_token),
					client_id: 'web-app',
					client_secret: 's3cret',
				},
			});
			assert.equal(refreshed.status, 200, refreshed.text);
			assert.notEqual(refreshed.body.access_token, tokens.body.access_token);
			assert.equal(
				(
					await call(`${okta.url}/api/v1/users`, {
						headers: { Authorization: `Bearer ${refreshed.body.access_token}` },
					})
				).status,
				200,
			);
		});

		test('client authentication and redirect URI are checked; PKCE S256 is verified', async () => {
			const code = async (extra: Record<string, string> = {}) =>
				(await authorize({ scope: 'okta.users.read', ...extra })).searchParams.get('code')!;
			const basic = (secret: string) =>
				`Basic ${Buffer.from(`web-app:${secret}`).toString('base64')}`;
			const wrongSecret = await call<Record<string, string>>(tokenUrl, {
				method: 'POST',
				headers: { Authorization: basic('nope') },
				form: { grant_type: 'authorization_code', code: await code(), redirect_uri: redirectUri },
			});
			assert.equal(wrongSecret.status, 401);
			assert.equal(wrongSecret.body.error, 'invalid_client');
			const both = await call<Record<string, string>>(tokenUrl, {
				method: 'POST',
				headers: { Authorization: basic('s3cret') },
				form: {
					grant_type: 'authorization_code',
					code: await code(),
					redirect_uri: redirectUri,
					client_secret: 's3cret',
				},
			});
			assert.equal(both.body.error, 'invalid_request');
			const posted = await call<Record<string, string>>(tokenUrl, {
				method: 'POST',
				form: {
					grant_type: 'authorization_code',
					code: await code(),
					redirect_uri: redirectUri,
					client_id: 'web-app',
					client_secret: 's3cret',
				},
			});
			assert.equal(posted.status, 200);
			const otherRedirect = await call<Record<string, string>>(tokenUrl, {
				method: 'POST',
				headers: { Authorization: basic('s3cret') },
				form: {
					grant_type: 'authorization_code',
					code: await code(),
					redirect_uri: 'http://127.0.0.1/else',
				},
			});
			assert.equal(otherRedirect.body.error, 'invalid_grant');

			const verifier = 'a-verifier-that-is-long-enough-to-be-valid-0123456789';
			const challenge = createHash('sha256').update(verifier).digest('base64url');
			const pkceCode = await code({ code_challenge: challenge, code_challenge_method: 'S256' });
			const withoutVerifier = await call<Record<string, string>>(tokenUrl, {
				method: 'POST',
				headers: { Authorization: basic('s3cret') },
				form: { grant_type: 'authorization_code', code: pkceCode, redirect_uri: redirectUri },
			});
			assert.equal(withoutVerifier.body.error, 'invalid_grant');
			const pkceCode2 = await code({ code_challenge: challenge, code_challenge_method: 'S256' });
			const withVerifier = await call(tokenUrl, {
				method: 'POST',
				headers: { Authorization: basic('s3cret') },
				form: {
					grant_type: 'authorization_code',
					code: pkceCode2,
					redirect_uri: redirectUri,
					code_verifier: verifier,
				},
			});
			assert.equal(withVerifier.status, 200);

			const badRedirect = await call(
				`${okta.url}/oauth2/v1/authorize?client_id=web-app&response_type=code&scope=okta.users.read&state=x&redirect_uri=${encodeURIComponent('http://evil.example/cb')}`,
			);
			assert.equal(badRedirect.status, 400, 'no redirect to an unregistered URI');
			const badScope = await authorize({ scope: 'okta.users.manage' });
			assert.equal(badScope.searchParams.get('error'), 'invalid_scope');
			assert.equal(badScope.searchParams.get('state'), 'st-1');
		});
	});

	test('discovery document names the endpoints', async () => {
		const discovery = await call<Record<string, unknown>>(
			`${okta.url}/.well-known/openid-configuration`,
		);
		assert.equal(discovery.body.issuer, okta.url);
		assert.equal(discovery.body.token_endpoint, `${okta.url}/oauth2/v1/token`);
		assert.equal(discovery.body.authorization_endpoint, `${okta.url}/oauth2/v1/authorize`);
		assert.ok((discovery.body.dpop_signing_alg_values_supported as string[]).includes('ES256'));
	});
});
