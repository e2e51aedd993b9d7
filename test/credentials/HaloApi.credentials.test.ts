/** The haloApi credential: fields, preAuthentication (token via authinfo, tenant, scope), header; its test is the node's function. */
import assert from 'node:assert/strict';

import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { HaloApi } from '../../credentials/HaloApi.credentials';
import { testedBy } from '../helpers/credentialTest';

const credential = new HaloApi();

function fakeHelpers(
	answers: (options: IHttpRequestOptions) => { statusCode: number; body: unknown },
) {
	const calls: IHttpRequestOptions[] = [];
	const helpers = {
		httpRequest: async (options: IHttpRequestOptions) => {
			calls.push(options);
			return { headers: {}, ...answers(options) };
		},
	} as unknown as IHttpRequestHelper['helpers'];
	return { helper: { helpers } as IHttpRequestHelper, calls };
}

const data = (
	extra: Partial<ICredentialDataDecryptedObject> = {},
): ICredentialDataDecryptedObject => ({
	url: 'https://acme.halopsa.com/',
	authUrl: '',
	tenant: '',
	clientId: 'cid',
	clientSecret: 'top-secret-value',
	scope: 'all',
	...extra,
});

describe('haloApi credential', () => {
	test('fields as docs/public-surface.md names them; the token is hidden and expirable; the secret is a password', () => {
		assert.equal(credential.name, 'haloApi');
		const byName = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		assert.deepEqual(Object.keys(byName).sort(), [
			'accessToken',
			'authUrl',
			'clientId',
			'clientSecret',
			'scope',
			'tenant',
			'url',
		]);
		assert.equal(byName.accessToken.type, 'hidden');
		assert.equal(byName.accessToken.typeOptions?.expirable, true);
		assert.equal(byName.clientSecret.typeOptions?.password, true);
		assert.equal(byName.scope.default, 'all');
		assert.deepEqual(credential.authenticate, {
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
		});
	});

	test('preAuthentication asks authinfo when authUrl is empty, then posts the client-credentials form', async () => {
		const { helper, calls } = fakeHelpers((o) =>
			o.url.endsWith('/api/authinfo')
				? { statusCode: 200, body: { auth_url: 'https://acme.halopsa.com/authserver' } }
				: {
						statusCode: 200,
						body: { access_token: 'tok-1', token_type: 'Bearer', expires_in: 3600 },
					},
		);
		assert.deepEqual(
			await credential.preAuthentication.call(helper, data({ tenant: 'acme', scope: '' })),
			{ accessToken: 'tok-1' },
		);
		assert.equal(calls[0].url, 'https://acme.halopsa.com/api/authinfo');
		assert.equal(calls[1].url, 'https://acme.halopsa.com/authserver/token');
		assert.equal(calls[1].method, 'POST');
		assert.deepEqual(calls[1].qs, { tenant: 'acme' });
		assert.equal(
			(calls[1].headers as Record<string, string>)['Content-Type'],
			'application/x-www-form-urlencoded',
		);
		assert.equal(
			String(calls[1].body),
			'grant_type=client_credentials&client_id=cid&client_secret=top-secret-value&scope=all',
		);
		assert.ok(calls.every((c) => c.ignoreHttpStatusErrors && c.returnFullResponse));
	});

	test('a configured authUrl is used without asking; a refusal names Halo’s reason, never the secret', async () => {
		const { helper, calls } = fakeHelpers(() => ({
			statusCode: 401,
			body: { error: 'invalid_client' },
		}));
		await assert.rejects(
			credential.preAuthentication.call(helper, data({ authUrl: 'https://id.example/auth/' })),
			(e: Error) => {
				assert.equal(e.message, 'Halo answered 401 to request an access token: invalid_client.');
				assert.doesNotMatch(`${e.message} ${e.stack} ${JSON.stringify(e)}`, /top-secret-value/);
				return true;
			},
		);
		assert.deepEqual(
			calls.map((c) => c.url),
			['https://id.example/auth/token'],
		);
	});

	test("no test request: n8n runs the Halo Okta Settings node's test function (test/n8n/credentialTests.test.ts)", () => {
		assert.equal((credential as unknown as { test?: unknown }).test, undefined);
		assert.equal(typeof testedBy('haloApi'), 'function');
	});
});
