import assert from 'node:assert/strict';

import type { HttpRequest, HttpResponse, RequestFn } from '../../lib/http/types';
import {
	authUrlFromInfo,
	haloBaseUrl,
	haloBearerRequestFn,
	requestHaloToken,
	resolveAuthUrl,
} from '../../lib/halo/auth';

const settings = {
	url: 'https://acme.halopsa.com/',
	clientId: 'cid',
	clientSecret: 'very-secret',
	tenant: 'acme',
};

function recorder(handler: (r: HttpRequest) => HttpResponse) {
	const sent: HttpRequest[] = [];
	const send: RequestFn = async (r) => {
		sent.push(r);
		return handler(r);
	};
	return { send, sent };
}

describe('Halo token', () => {
	test('base URL normalisation', () => {
		assert.equal(haloBaseUrl(' https://x.halopsa.com/api/ '), 'https://x.halopsa.com');
		assert.equal(haloBaseUrl('https://x.halopsa.com'), 'https://x.halopsa.com');
	});

	test('authinfo answers name the auth server; anything else keeps the default', () => {
		assert.equal(
			authUrlFromInfo({ auth_url: 'https://auth.example.com/auth/' }),
			'https://auth.example.com/auth',
		);
		assert.equal(
			authUrlFromInfo({ AuthorisationServer: 'https://a.example.com' }),
			'https://a.example.com',
		);
		assert.equal(authUrlFromInfo({ something: 1 }), undefined);
		assert.equal(authUrlFromInfo([]), undefined);
	});

	test('empty authUrl asks /api/authinfo; a configured one is used as is', async () => {
		const { send, sent } = recorder(() => ({
			status: 200,
			headers: {},
			body: { auth_url: 'https://acme.halopsa.com/authserver' },
		}));
		assert.equal(await resolveAuthUrl(send, settings), 'https://acme.halopsa.com/authserver');
		assert.equal(sent[0].url, 'https://acme.halopsa.com/api/authinfo');
		assert.equal(
			await resolveAuthUrl(send, { ...settings, authUrl: 'https://a.b/auth/token' }),
			'https://a.b/auth',
		);
		const broken = recorder(() => ({ status: 404, headers: {}, body: 'Not Found' }));
		assert.equal(await resolveAuthUrl(broken.send, settings), 'https://acme.halopsa.com/auth');
	});

	test('an authinfo naming another origin is refused before the secret is posted, saying how to allow it', async () => {
		for (const named of ['https://auth.acme.com/auth', 'https://evil.example/auth']) {
			const { send, sent } = recorder((r) =>
				r.url.endsWith('/api/authinfo')
					? { status: 200, headers: {}, body: { auth_url: named } }
					: { status: 200, headers: {}, body: { access_token: 'tok' } },
			);
			await assert.rejects(requestHaloToken(send, settings), (e: Error) => {
				assert.equal(e.name, 'HaloAuthServerError');
				assert.match(e.message, new RegExp(new URL(named).host.replace(/\./g, '\\.')));
				assert.match(e.message, /Authorisation Server URL/);
				return true;
			});
			assert.deepEqual(
				sent.map((r) => r.url),
				['https://acme.halopsa.com/api/authinfo'],
			);
		}
		// Keys merely containing "auth" no longer name the server.
		assert.equal(authUrlFromInfo({ not_auth_related: 'https://evil.example' }), undefined);
	});

	test('the secret goes only over https, or plain http to a loopback host', async () => {
		const { send, sent } = recorder(() => ({
			status: 200,
			headers: {},
			body: { access_token: 'tok' },
		}));
		await assert.rejects(
			requestHaloToken(send, { ...settings, authUrl: 'http://auth.acme.com/auth' }),
			/does not use https.*Authorisation Server URL/,
		);
		await assert.rejects(
			requestHaloToken(send, { ...settings, url: 'http://halo.acme.com' }),
			/does not use https/,
		);
		assert.equal(sent.filter((r) => r.form).length, 0);
		const local = { ...settings, url: 'http://127.0.0.1:8080', tenant: '' };
		assert.equal((await requestHaloToken(send, local)).accessToken, 'tok');
		assert.equal(
			(await requestHaloToken(send, { ...settings, authUrl: 'https://id.example/auth' }))
				.accessToken,
			'tok',
		);
	});

	test('client-credentials form POST with tenant and default scope', async () => {
		const { send, sent } = recorder((r) =>
			r.url.endsWith('/token')
				? {
						status: 200,
						headers: {},
						body: { access_token: 'tok', token_type: 'Bearer', expires_in: 3600 },
					}
				: { status: 404, headers: {}, body: '' },
		);
		assert.deepEqual(await requestHaloToken(send, settings), {
			accessToken: 'tok',
			expiresInSeconds: 3600,
		});
		const token = sent[1];
		assert.equal(token.url, 'https://acme.halopsa.com/auth/token');
		assert.deepEqual(token.query, { tenant: 'acme' });
		assert.deepEqual(token.form, {
			grant_type: 'client_credentials',
			client_id: 'cid',
			client_secret: 'very-secret',
			scope: 'all',
		});
	});

	test('a refused token request names Halo’s reason and never the secret', async () => {
		const { send } = recorder((r) =>
			r.url.endsWith('/token')
				? { status: 400, headers: {}, body: { error: 'invalid_client' } }
				: { status: 404, headers: {}, body: '' },
		);
		await assert.rejects(requestHaloToken(send, settings), (e: Error) => {
			assert.equal(e.message, 'Halo answered 400 to request an access token: invalid_client.');
			assert.doesNotMatch(JSON.stringify({ ...e, message: e.message }), /very-secret/);
			return true;
		});
	});

	test('the bearer wrapper fetches the token once and again only after a 401', async () => {
		let tokens = 0;
		let expired = false;
		const { send, sent } = recorder((r) => {
			if (r.url.endsWith('/api/authinfo')) return { status: 404, headers: {}, body: '' };
			if (r.url.endsWith('/token'))
				return { status: 200, headers: {}, body: { access_token: `t${++tokens}` } };
			if (expired && r.headers?.Authorization === 'Bearer t1')
				return { status: 401, headers: {}, body: '' };
			return { status: 200, headers: {}, body: r.headers?.Authorization };
		});
		const authed = haloBearerRequestFn(send, settings);
		for (let i = 0; i < 3; i++)
			assert.equal(
				(await authed({ method: 'GET', url: 'https://acme.halopsa.com/api/Team' })).body,
				'Bearer t1',
			);
		expired = true;
		assert.equal(
			(await authed({ method: 'GET', url: 'https://acme.halopsa.com/api/Team' })).body,
			'Bearer t2',
		);
		assert.equal(tokens, 2);
		assert.equal(sent.filter((r) => r.url.endsWith('/token')).length, 2);
	});
});
