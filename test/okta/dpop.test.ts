import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify } from 'node:crypto';

import { accessTokenHash, dpopProof, generateDpopKey, htuOf } from '../../lib/okta/dpop';
import { accessTokenHeaders } from '../../lib/okta/requestAuth';
import { decodeJwt } from './helpers/fetchRequestFn';

function verifyWithEmbeddedJwk(token: string): boolean {
	const { header, signingInput, signature } = decodeJwt(token);
	const key = createPublicKey({ key: header.jwk as never, format: 'jwk' });
	return verify('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' }, signature);
}

describe('DPoP proofs', () => {
	const key = generateDpopKey();

	test('token-call proof: typ dpop+jwt, ES256, public jwk only, htm, htu without query, iat, jti, nonce', () => {
		const proof = dpopProof({
			key,
			method: 'post',
			url: 'https://acme.okta.com/oauth2/v1/token?x=1#f',
			nonce: 'n-1',
			nowSeconds: 1234,
		});
		const { header, payload } = decodeJwt(proof);
		assert.equal(header.typ, 'dpop+jwt');
		assert.equal(header.alg, 'ES256');
		assert.deepEqual(
			Object.keys(header.jwk as object).sort(),
			['crv', 'kty', 'x', 'y'],
			'no private "d" in the header',
		);
		assert.equal(payload.htm, 'POST');
		assert.equal(payload.htu, 'https://acme.okta.com/oauth2/v1/token');
		assert.equal(payload.iat, 1234);
		assert.equal(payload.nonce, 'n-1');
		assert.equal(payload.ath, undefined);
		assert.ok(verifyWithEmbeddedJwk(proof));
	});

	test('API-call proof carries ath = base64url(sha256(token)); each proof has its own jti', () => {
		const a = decodeJwt(
			dpopProof({
				key,
				method: 'GET',
				url: 'https://acme.okta.com/api/v1/users?limit=200',
				accessToken: 'tok',
			}),
		);
		const b = decodeJwt(
			dpopProof({
				key,
				method: 'GET',
				url: 'https://acme.okta.com/api/v1/users',
				accessToken: 'tok',
			}),
		);
		assert.equal(a.payload.ath, createHash('sha256').update('tok').digest('base64url'));
		assert.equal(a.payload.ath, accessTokenHash('tok'));
		assert.equal(a.payload.htu, 'https://acme.okta.com/api/v1/users');
		assert.equal(a.payload.nonce, undefined);
		assert.notEqual(a.payload.jti, b.payload.jti);
	});

	test('the same key gives the same jwk header (the token stays bound to it)', () => {
		const one = decodeJwt(dpopProof({ key, method: 'GET', url: 'https://a.okta.com/x' })).header
			.jwk;
		const two = decodeJwt(dpopProof({ key, method: 'GET', url: 'https://a.okta.com/y' })).header
			.jwk;
		assert.deepEqual(one, two);
	});

	test('accessTokenHeaders: DPoP scheme + proof for DPoP tokens, Bearer otherwise', () => {
		const dpop = accessTokenHeaders(
			{ accessToken: 'abc', tokenType: 'DPoP', dpopJwk: key },
			'GET',
			'https://a.okta.com/api/v1/users?limit=1',
		);
		assert.equal(dpop.Authorization, 'DPoP abc');
		assert.ok(verifyWithEmbeddedJwk(dpop.DPoP));
		assert.equal(decodeJwt(dpop.DPoP).payload.ath, accessTokenHash('abc'));
		assert.deepEqual(
			accessTokenHeaders(
				{ accessToken: 'abc', tokenType: 'Bearer' },
				'GET',
				'https://a.okta.com/x',
			),
			{ Authorization: 'Bearer abc' },
		);
	});

	test('htuOf', () =>
		assert.equal(
			htuOf('http://127.0.0.1:9/api/v1/users?after=x'),
			'http://127.0.0.1:9/api/v1/users',
		));
});
