import assert from 'node:assert/strict';

import { nextLink } from '../../lib/okta/linkHeader';

describe('nextLink', () => {
	test('picks rel="next" among several links', () => {
		const header =
			'<https://acme.okta.com/api/v1/users?limit=200>; rel="self", <https://acme.okta.com/api/v1/users?after=00u2&limit=200>; rel="next"';
		assert.equal(nextLink(header), 'https://acme.okta.com/api/v1/users?after=00u2&limit=200');
	});
	test('no next link on the last page', () => {
		assert.equal(nextLink('<https://acme.okta.com/api/v1/users?limit=200>; rel="self"'), undefined);
		assert.equal(nextLink(undefined), undefined);
		assert.equal(nextLink(''), undefined);
	});
	test('unquoted rel and extra parameters', () => {
		assert.equal(
			nextLink('<https://a.okta.com/x?after=1>; type="application/json"; rel=next'),
			'https://a.okta.com/x?after=1',
		);
	});
});
