import assert from 'node:assert/strict';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import {
	oktaAuthenticationProperty,
	oktaCredentialType,
	oktaNodeError,
	requestUrl,
	usesOktaCredential,
} from '../../lib/n8n/okta';
import { OktaApiError } from '../../lib/okta/OktaApiError';
import { OrgUrlError } from '../../lib/okta/OrgUrlError';

const node: INode = {
	id: '1',
	name: 'List',
	type: 'n8n-nodes-okta-halo.oktaListUsersAndGroups',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('n8n glue for Okta', () => {
	test("OktaApiError → NodeApiError with Okta's summary and code, causes as description, HTTP code, item index", () => {
		const error = oktaNodeError(
			node,
			new OktaApiError({
				status: 400,
				errorCode: 'E0000001',
				errorSummary: 'Api validation failed: login',
				errorCauses: [{ errorSummary: 'login: An object with this field already exists' }],
			}),
			3,
		);
		assert.ok(error instanceof NodeApiError);
		assert.equal(error.message, 'Api validation failed: login (E0000001)');
		assert.equal(error.description, 'login: An object with this field already exists');
		assert.equal(error.httpCode, '400');
		assert.equal(error.context.itemIndex, 3);
	});

	test("a 429 keeps Okta's words instead of n8n's generic text", () => {
		const error = oktaNodeError(
			node,
			new OktaApiError({
				status: 429,
				errorCode: 'E0000047',
				errorSummary: 'API call exceeded rate limit due to too many requests.',
			}),
		);
		assert.equal(
			error.message,
			'API call exceeded rate limit due to too many requests. (E0000047)',
		);
	});

	test('org URL and other errors → NodeOperationError; n8n errors pass through', () => {
		assert.ok(
			oktaNodeError(node, new OrgUrlError('use your primary Okta domain')) instanceof
				NodeOperationError,
		);
		const existing = new NodeOperationError(node, 'x');
		assert.equal(oktaNodeError(node, existing), existing);
		assert.match(oktaNodeError(node, new Error('boom')).message, /boom/);
	});

	test('authentication → credential type', () => {
		assert.equal(oktaCredentialType(undefined), 'oktaTokenApi');
		assert.equal(oktaCredentialType('serviceApp'), 'oktaServiceAppApi');
		assert.equal(oktaCredentialType('oAuth2'), 'oktaAuthCodeOAuth2Api');
		assert.throws(() => oktaCredentialType('oktaApi'), /Unknown Okta authentication/);
		assert.throws(() => oktaCredentialType('none'), /No Okta credential chosen/);
	});

	test('the authentication parameter with and without "none", and whether it needs an Okta credential', () => {
		const values = (p: ReturnType<typeof oktaAuthenticationProperty>) =>
			p.options?.map((o) => ('value' in o ? o.value : undefined));
		const plain = oktaAuthenticationProperty();
		assert.deepEqual(values(plain), ['apiToken', 'serviceApp', 'oAuth2']);
		assert.equal(plain.default, 'apiToken');
		const optional = oktaAuthenticationProperty(
			{ displayName: 'Okta Groups From' },
			{ name: 'None: Type Names' },
		);
		assert.deepEqual(values(optional), ['none', 'apiToken', 'serviceApp', 'oAuth2']);
		assert.equal(optional.default, 'none');
		assert.equal(optional.displayName, 'Okta Groups From');
		assert.equal(optional.displayOptions, undefined);
		assert.equal(usesOktaCredential('none'), false);
		assert.equal(usesOktaCredential(undefined), false);
		assert.equal(usesOktaCredential('serviceApp'), true);
	});

	test('requestUrl joins baseURL and url as axios does', () => {
		assert.equal(
			requestUrl({ url: '/api/v1/users', baseURL: 'https://a.okta.com' } as never),
			'https://a.okta.com/api/v1/users',
		);
		assert.equal(
			requestUrl({ url: 'https://a.okta.com/api/v1/users?after=x' }),
			'https://a.okta.com/api/v1/users?after=x',
		);
	});
});
