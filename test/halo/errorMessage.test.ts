import assert from 'node:assert/strict';

import { HaloApiError } from '../../lib/halo/HaloApiError';
import { haloBodyMessage, haloErrorSentence } from '../../lib/halo/errorMessage';

describe('Halo error bodies become one readable sentence', () => {
	const cases: Array<[string, number, unknown, string]> = [
		[
			'resultCode/errorMessage',
			400,
			{ resultCode: 1, errorMessage: 'Site not found' },
			'Halo answered 400 to POST /api/Users: Site not found.',
		],
		[
			'ClassName/Message',
			500,
			{ ClassName: 'System.Exception', Message: 'Object reference not set' },
			'Halo answered 500 to POST /api/Users: Object reference not set.',
		],
		[
			'Message only',
			403,
			{ Message: 'Authorization has been denied for this request.' },
			'Halo answered 403 to POST /api/Users: Authorization has been denied for this request.',
		],
		[
			'OAuth error_description wins',
			400,
			{ error: 'invalid_client', error_description: 'The client secret is wrong' },
			'Halo answered 400 to POST /api/Users: The client secret is wrong.',
		],
		[
			'OAuth error only',
			400,
			{ error: 'invalid_grant' },
			'Halo answered 400 to POST /api/Users: invalid_grant.',
		],
		[
			'plain text',
			429,
			'Rate Limit Reached - 300 Requests per rolling 5 minute window',
			'Halo answered 429 to POST /api/Users: Rate Limit Reached - 300 Requests per rolling 5 minute window.',
		],
		[
			'CAB refusal',
			400,
			'CODE:APP03/2 Please select the CAB members to approve',
			'Halo answered 400 to POST /api/Users: CODE:APP03/2 Please select the CAB members to approve.',
		],
		[
			'HTML page → status text',
			404,
			'<!DOCTYPE html><html><body><h1>404</h1></body></html>',
			'Halo answered 404 to POST /api/Users: Not Found.',
		],
		['empty body → status text', 502, '', 'Halo answered 502 to POST /api/Users: Bad Gateway.'],
		['unknown status, no body', 418, undefined, 'Halo answered 418 to POST /api/Users: HTTP 418.'],
		[
			'multi-line text collapses',
			400,
			'line one\n   line two',
			'Halo answered 400 to POST /api/Users: line one line two.',
		],
		[
			'model state errors',
			400,
			{ errors: { site_id: ['must be a number'] } },
			'Halo answered 400 to POST /api/Users: site_id: must be a number.',
		],
	];
	for (const [name, status, body, expected] of cases) {
		test(name, () => {
			assert.equal(haloErrorSentence(status, body, 'POST /api/Users'), expected);
			const error = new HaloApiError(status, body, 'POST /api/Users');
			assert.equal(error.message, expected);
			assert.equal(error.status, status);
			assert.equal(error.message.split(/[.!?] /).length, 1, 'one sentence');
		});
	}

	test('a message already ending in a full stop gets no second one', () => {
		assert.equal(haloErrorSentence(400, { Message: 'Bad.' }), 'Halo answered 400: Bad.');
	});

	test('long bodies are cut', () => {
		const message = haloBodyMessage('x'.repeat(5000));
		assert.ok(message && message.length <= 300);
	});

	test('haloMessage exposes Halo’s own words for callers that recognise refusals', () => {
		const error = new HaloApiError(400, {
			errorMessage: 'CODE:APP03/2 Please select the CAB members to approve',
		});
		assert.match(error.haloMessage ?? '', /APP03\/2/);
		assert.equal(error.transient, false);
		assert.equal(new HaloApiError(429, 'x').transient, true);
	});
});
