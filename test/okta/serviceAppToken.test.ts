import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';

import type { HttpRequest, HttpResponse } from '../../lib/http/types';
import { accessTokenHash } from '../../lib/okta/dpop';
import { OktaApiError } from '../../lib/okta/OktaApiError';
import { withServiceApp } from '../../lib/okta/requestAuth';
import { fetchServiceAppToken, scopeString } from '../../lib/okta/serviceAppToken';
import { decodeJwt } from './helpers/fetchRequestFn';

const ORG = 'https://acme.okta.com';
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
	.privateKey.export({ type: 'pkcs8', format: 'pem' })
	.toString();
const config = { orgUrl: ORG, clientId: '0oaSvc', privateKey, keyId: 'k1', useDpop: true };

/** A tiny token endpoint: demands a nonce for DPoP, then issues a token. */
function tokenServer(options: { dpop: boolean }) {
	const calls: HttpRequest[] = [];
	let issued = 0;
	const send = async (request: HttpRequest): Promise<HttpResponse> => {
		calls.push(request);
		if (request.url.endsWith('/oauth2/v1/token')) {
			const proof = request.headers?.DPoP;
			if (options.dpop && !proof)
				return {
					status: 400,
					headers: {},
					body: {
						error: 'invalid_dpop_proof',
						error_description: 'DPoP proof JWT header is missing.',
					},
				};
			if (proof && !decodeJwt(proof).payload.nonce) {
				return {
					status: 400,
					headers: { 'dpop-nonce': 'nonce-1' },
					body: {
						error: 'use_dpop_nonce',
						error_description: 'Authorization server requires nonce in DPoP proof.',
					},
				};
			}
			issued++;
			return {
				status: 200,
				headers: {},
				body: {
					token_type: proof ? 'DPoP' : 'Bearer',
					access_token: `tok-${issued}`,
					expires_in: 3600,
					scope: request.form!.scope,
				},
			};
		}
		return { status: 200, headers: {}, body: [] };
	};
	return { send, calls, issued: () => issued };
}

describe('service app token (private_key_jwt + DPoP)', () => {
	test('DPoP on: proof without nonce → use_dpop_nonce → retry with the nonce → DPoP token bound to the key', async () => {
		const server = tokenServer({ dpop: true });
		const token = await fetchServiceAppToken(server.send, config);
		assert.equal(token.tokenType, 'DPoP');
		assert.equal(token.accessToken, 'tok-1');
		assert.ok(token.dpopJwk?.d, 'the private DPoP key is kept with the token');
		assert.equal(server.calls.length, 2);
		const [first, second] = server.calls;
		assert.equal(first.form!.grant_type, 'client_credentials');
		assert.equal(first.form!.scope, 'okta.users.read okta.groups.read okta.apps.read');
		assert.equal(
			first.form!.client_assertion_type,
			'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
		);
		const assertion = decodeJwt(second.form!.client_assertion);
		assert.equal(assertion.payload.aud, `${ORG}/oauth2/v1/token`);
		assert.equal(assertion.header.kid, 'k1');
		assert.notEqual(
			decodeJwt(first.form!.client_assertion).payload.jti,
			assertion.payload.jti,
			'fresh assertion per attempt',
		);
		const proof = decodeJwt(second.headers!.DPoP);
		assert.equal(proof.payload.nonce, 'nonce-1');
		assert.equal(proof.payload.htm, 'POST');
		assert.equal(proof.payload.htu, `${ORG}/oauth2/v1/token`);
		assert.equal(proof.payload.ath, undefined);
	});

	test('DPoP off: one call, no proof, Bearer token', async () => {
		const server = tokenServer({ dpop: false });
		const token = await fetchServiceAppToken(server.send, {
			...config,
			useDpop: false,
			scopes: 'okta.users.read, okta.groups.read',
		});
		assert.equal(token.tokenType, 'Bearer');
		assert.equal(token.dpopJwk, undefined);
		assert.equal(server.calls.length, 1);
		assert.equal(server.calls[0].headers!.DPoP, undefined);
		assert.equal(server.calls[0].form!.scope, 'okta.users.read okta.groups.read');
	});

	test('DPoP off against an app that requires it: the error says to turn DPoP on', async () => {
		const server = tokenServer({ dpop: true });
		await assert.rejects(
			fetchServiceAppToken(server.send, { ...config, useDpop: false }),
			(e: unknown) =>
				e instanceof OktaApiError &&
				e.status === 400 &&
				e.errorCode === 'invalid_dpop_proof' &&
				/turn on "Use DPoP"/.test(e.message),
		);
	});

	test('withServiceApp fetches the token once for many calls and sends DPoP + ath on each', async () => {
		const server = tokenServer({ dpop: true });
		const send = withServiceApp(server.send, config);
		for (let i = 0; i < 5; i++)
			await send({ method: 'GET', url: `${ORG}/api/v1/users`, query: { limit: 1 } });
		assert.equal(server.issued(), 1);
		const apiCalls = server.calls.filter((c) => c.url.includes('/api/v1/'));
		assert.equal(apiCalls.length, 5);
		for (const call of apiCalls) {
			assert.equal(call.headers!.Authorization, 'DPoP tok-1');
			const proof = decodeJwt(call.headers!.DPoP).payload;
			assert.equal(proof.ath, accessTokenHash('tok-1'));
			assert.equal(proof.htm, 'GET');
		}
	});

	test('withServiceApp fetches a new token after a 401 and shortly before expiry', async () => {
		const server = tokenServer({ dpop: false });
		let clock = 0;
		let expireNext = true;
		const send = withServiceApp(
			async (request) => {
				if (request.url.includes('/api/') && expireNext) {
					expireNext = false;
					return {
						status: 401,
						headers: {},
						body: { errorCode: 'E0000011', errorSummary: 'Invalid token provided' },
					};
				}
				return server.send(request);
			},
			{ ...config, useDpop: false },
			{ now: () => clock },
		);
		assert.equal((await send({ method: 'GET', url: `${ORG}/api/v1/users` })).status, 200);
		assert.equal(server.issued(), 2);
		clock += 3541_000; // past 3600 s − 60 s
		await send({ method: 'GET', url: `${ORG}/api/v1/users` });
		assert.equal(server.issued(), 3);
	});

	test('scopeString', () => {
		assert.equal(scopeString(undefined), 'okta.users.read okta.groups.read okta.apps.read');
		assert.equal(scopeString(' a,b  c '), 'a b c');
		assert.equal(scopeString(['x', ' ']), 'x');
	});
});
