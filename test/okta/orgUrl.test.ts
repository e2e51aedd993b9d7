import assert from 'node:assert/strict';

import { normalizeOrgUrl } from '../../lib/okta/orgUrl';
import { OrgUrlError } from '../../lib/okta/OrgUrlError';

describe('normalizeOrgUrl', () => {
	const accepted: Array<[string, string]> = [
		['https://acme.okta.com', 'https://acme.okta.com'],
		['https://acme.okta.com/', 'https://acme.okta.com'],
		['https://acme.okta.com///', 'https://acme.okta.com'],
		['  https://ACME.okta.com  ', 'https://acme.okta.com'],
		['acme.oktapreview.com', 'https://acme.oktapreview.com'],
		['https://login.acme.com', 'https://login.acme.com'],
		['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
		['http://localhost:3000', 'http://localhost:3000'],
	];
	for (const [input, expected] of accepted) {
		test(`accepts ${JSON.stringify(input)}`, () => assert.equal(normalizeOrgUrl(input), expected));
	}

	const refused: Array<[string, RegExp]> = [
		['https://acme-admin.okta.com', /admin console.*primary Okta domain/],
		['https://ACME-ADMIN.oktapreview.com/', /admin console/],
		['https://acme.okta.com/oauth2/default', /has a path.*primary Okta domain/],
		['https://acme.okta.com/app/UserHome', /has a path/],
		['https://acme.okta.com/?x=1', /has a path/],
		['http://acme.okta.com', /https:\/\//],
		['https://user:pw@acme.okta.com', /user name or password/],
		['', /empty/],
		['https://', /not a URL/],
	];
	for (const [input, message] of refused) {
		test(`refuses ${JSON.stringify(input)}`, () => {
			assert.throws(
				() => normalizeOrgUrl(input),
				(error: unknown) => error instanceof OrgUrlError && message.test(error.message),
			);
		});
	}

	test('the refusal says why (404s at sign-in) and never echoes credentials', () => {
		assert.throws(() => normalizeOrgUrl('https://acme-admin.okta.com'), /404s at sign-in/);
		assert.throws(
			() => normalizeOrgUrl('https://user:secret@acme.okta.com'),
			(error: unknown) => error instanceof Error && !error.message.includes('secret'),
		);
	});
});
