import assert from 'node:assert/strict';

import { compileSource, parsePath, parseTemplate, renderText } from '../../lib/core/template';
import { oktaUser } from './coreFixtures';

describe('parsePath', () => {
	const cases: Array<[string, Array<string | number> | undefined]> = [
		['profile.email', ['profile', 'email']],
		['id', ['id']],
		['groups[0].name', ['groups', 0, 'name']],
		[' profile.custom_attr ', ['profile', 'custom_attr']],
		['profile..email', undefined],
		['profile.e mail', undefined],
		['groups[x]', undefined],
		['', undefined],
	];
	for (const [source, expected] of cases) {
		test(`"${source}"`, () => assert.deepEqual(parsePath(source), expected));
	}
});

describe('parseTemplate and compileSource', () => {
	test('splits literal text and placeholders', () => {
		assert.deepEqual(parseTemplate('Hi {{ profile.firstName }}!'), {
			parts: [{ text: 'Hi ' }, { path: ['profile', 'firstName'] }, { text: '!' }],
		});
	});
	const errors: Array<[string, RegExp]> = [
		['', /must not be empty/],
		['{{ }}', /empty/],
		['{{profile.firstName', /without a closing/],
		['a }} b', /without a matching/],
		['{{ a b }}', /invalid Okta path "a b"/],
		['not a path!', /is not an Okta path/],
	];
	for (const [source, message] of errors) {
		test(`refuses "${source}"`, () => {
			const compiled = compileSource(source);
			assert.ok('error' in compiled);
			assert.match(compiled.error, message);
		});
	}
	test('a plain path is a path, anything with braces a template', () => {
		assert.deepEqual(compileSource('profile.email'), { kind: 'path', path: ['profile', 'email'] });
		assert.equal((compileSource('{{id}}') as { kind: string }).kind, 'template');
	});
});

describe('renderText', () => {
	test('keeps literal text even when placeholders are empty', () => {
		const user = oktaUser({ profile: { firstName: '', lastName: 'Hopper' } });
		assert.equal(
			renderText(user, 'New starter: {{profile.firstName}} {{profile.lastName}}'),
			'New starter:  Hopper',
		);
		assert.equal(renderText(user, 'Welcome {{ profile.nickName }}'), 'Welcome ');
		assert.equal(renderText(user, 'No placeholders'), 'No placeholders');
	});
});
