import assert from 'node:assert/strict';

import { RedirectRefusedError } from '../../lib/http/RedirectRefusedError';
import { sameOriginRedirects } from '../../lib/http/redirects';
import type { HttpRequest, HttpResponse } from '../../lib/http/types';

function scripted(answers: HttpResponse[]) {
	const sent: HttpRequest[] = [];
	const send = sameOriginRedirects(async (request) => {
		sent.push(request);
		return answers.shift() ?? { status: 200, headers: {}, body: 'done' };
	});
	return { send, sent };
}

const redirect = (status: number, location: string): HttpResponse => ({
	status,
	headers: { location },
	body: '',
});

describe('sameOriginRedirects', () => {
	test('follows a same-origin redirect with the same method, body and headers', async () => {
		const { send, sent } = scripted([redirect(307, '/api/Users?page_no=2')]);
		const answer = await send({
			method: 'POST',
			url: 'https://acme.halopsa.com/api/Users',
			query: { a: 1 },
			headers: { Authorization: 'Bearer t' },
			body: [{ id: 1 }],
		});
		assert.equal(answer.body, 'done');
		assert.equal(sent[1].url, 'https://acme.halopsa.com/api/Users?page_no=2');
		assert.equal(sent[1].method, 'POST');
		assert.deepEqual(sent[1].body, [{ id: 1 }]);
		assert.equal(sent[1].query, undefined);
	});

	test('a 303 becomes a GET without a body', async () => {
		const { send, sent } = scripted([redirect(303, 'https://acme.okta.com/next')]);
		await send({ method: 'POST', url: 'https://acme.okta.com/x', body: { a: 1 } });
		assert.deepEqual(
			{ method: sent[1].method, body: sent[1].body },
			{ method: 'GET', body: undefined },
		);
	});

	test('another origin (host, port or scheme) is refused, naming the host; nothing is sent there', async () => {
		for (const location of [
			'https://evil.example/api/v1/users',
			'https://acme.okta.com:8443/api/v1/users',
			'http://acme.okta.com/api/v1/users',
		]) {
			const { send, sent } = scripted([redirect(302, location)]);
			await assert.rejects(
				send({ method: 'GET', url: 'https://acme.okta.com/api/v1/users' }),
				(e: Error) => {
					assert.ok(e instanceof RedirectRefusedError);
					assert.ok(e.message.includes(new URL(location).host), e.message);
					return true;
				},
			);
			assert.equal(sent.length, 1);
		}
	});

	test('a same-origin redirect loop stops', async () => {
		const { send, sent } = scripted(
			Array.from({ length: 20 }, () => redirect(302, 'https://a.example/loop')),
		);
		await assert.rejects(send({ method: 'GET', url: 'https://a.example/loop' }), /redirected more/);
		assert.equal(sent.length, 6);
	});
});
