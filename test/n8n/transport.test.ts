/**
 * n8nRequestFn over a stand-in for n8n's httpRequestWithAuthentication: every
 * status comes back as an answer, and a 401 reaches n8n (which refreshes the
 * token) on n8n 2.x, where `except: [401]` is honoured, and on n8n 1.x, where
 * any truthy `ignoreHttpStatusErrors` means "ignore everything".
 */
import assert from 'node:assert/strict';

import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { n8nRequestFn } from '../../lib/n8n/transport';

/** n8n's helper: 401 refreshes the token once and retries when n8n sees it as an error. */
function fakeN8n(version: 1 | 2, answers: number[]) {
	const calls: Array<{ ignore: IHttpRequestOptions['ignoreHttpStatusErrors'] }> = [];
	let refreshes = 0;
	const httpError = (status: number) =>
		Object.assign(new Error(`HTTP ${status}`), {
			cause: { response: { status, headers: {}, data: { status } } },
		});
	const once = (ignore: IHttpRequestOptions['ignoreHttpStatusErrors']) => {
		calls.push({ ignore });
		const status = answers.shift() ?? 200;
		const ignored =
			version === 1
				? Boolean(ignore)
				: typeof ignore === 'object'
					? !ignore.except?.includes(status)
					: Boolean(ignore);
		if (status >= 400 && !ignored) throw httpError(status);
		return { statusCode: status, headers: { 'X-Test': 'yes' }, body: { status } };
	};
	const context = {
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions) {
				try {
					return once(options.ignoreHttpStatusErrors);
				} catch (error) {
					if ((error as { cause: { response: { status: number } } }).cause.response.status !== 401)
						throw error;
					refreshes++;
					return once(options.ignoreHttpStatusErrors);
				}
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, calls, refreshes: () => refreshes };
}

describe('n8nRequestFn', () => {
	test('answers every status, with lower-case headers', async () => {
		const n8n = fakeN8n(2, [404]);
		const response = await n8nRequestFn(
			n8n.context,
			'haloApi',
		)({ method: 'GET', url: 'http://127.0.0.1/api/Users' });
		assert.equal(response.status, 404);
		assert.equal(response.headers['x-test'], 'yes');
	});

	test("n8n 2.x: a 401 is n8n's to see; it refreshes the token and the retry answers", async () => {
		const n8n = fakeN8n(2, [401, 200]);
		const response = await n8nRequestFn(
			n8n.context,
			'haloApi',
		)({ method: 'GET', url: 'http://127.0.0.1/api/Users' });
		assert.equal(response.status, 200);
		assert.equal(n8n.refreshes(), 1);
		assert.equal(n8n.calls.length, 2);
	});

	test('n8n 1.x: the 401 that came back as an answer is sent again with errors on, so n8n refreshes', async () => {
		const n8n = fakeN8n(1, [401, 401, 200]);
		const response = await n8nRequestFn(
			n8n.context,
			'haloApi',
		)({ method: 'GET', url: 'http://127.0.0.1/api/Users' });
		assert.equal(response.status, 200);
		assert.equal(n8n.refreshes(), 1);
		assert.deepEqual(
			n8n.calls.map((c) => c.ignore),
			[{ ignore: true, except: [401] }, false, false],
		);
	});

	test('a 401 that survives the refresh is answered once, not sent a third time', async () => {
		const n8n = fakeN8n(2, [401, 401]);
		const response = await n8nRequestFn(
			n8n.context,
			'haloApi',
		)({ method: 'GET', url: 'http://127.0.0.1/api/Users' });
		assert.equal(response.status, 401);
		assert.equal(n8n.calls.length, 2);
	});
});
