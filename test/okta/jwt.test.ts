import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

import {
	algorithmFor,
	clientAssertion,
	importPrivateKey,
	jwkThumbprint,
	publicJwk,
} from '../../lib/okta/jwt';
import { OktaCredentialError } from '../../lib/okta/OktaCredentialError';
import { decodeJwt } from './helpers/fetchRequestFn';

function verifyJws(token: string, publicKey: KeyObject): boolean {
	const { header, signingInput, signature } = decodeJwt(token);
	const hash = { RS256: 'sha256', ES256: 'sha256', ES384: 'sha384', ES512: 'sha512' }[
		header.alg as string
	]!;
	const key =
		header.alg === 'RS256' ? publicKey : { key: publicKey, dsaEncoding: 'ieee-p1363' as const };
	return verify(hash, Buffer.from(signingInput), key, signature);
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ec384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });

describe('private key JWT client assertion', () => {
	const audience = 'https://acme.okta.com/oauth2/v1/token';

	test('RSA PEM (PKCS#8) → RS256, verifies with the public key, Okta claims', () => {
		const pem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		const token = clientAssertion({
			clientId: '0oa1',
			audience,
			privateKey: pem,
			keyId: 'kid-1',
			nowSeconds: 1_700_000_000,
		});
		const { header, payload } = decodeJwt(token);
		assert.deepEqual(header, { typ: 'JWT', kid: 'kid-1', alg: 'RS256' });
		assert.equal(payload.iss, '0oa1');
		assert.equal(payload.sub, '0oa1');
		assert.equal(payload.aud, audience);
		assert.equal(payload.iat, 1_700_000_000);
		assert.equal(payload.exp, 1_700_000_300);
		assert.match(String(payload.jti), /^[0-9a-f-]{36}$/);
		assert.ok(verifyJws(token, rsa.publicKey));
		assert.ok(
			!verifyJws(token, generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey),
			'another key must not verify',
		);
	});

	test('RSA PKCS#1 PEM pasted with literal \\n and no line breaks', () => {
		const pem = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
		const mangled = pem.replace(/\n/g, '\\n');
		const token = clientAssertion({ clientId: '0oa1', audience, privateKey: mangled });
		assert.ok(verifyJws(token, rsa.publicKey));
		const oneLine = pem.replace(/\n(?!-----END)/g, ' ');
		assert.ok(
			verifyJws(
				clientAssertion({ clientId: '0oa1', audience, privateKey: oneLine }),
				rsa.publicKey,
			),
		);
	});

	test('EC JWK → ES256 with raw r||s signature; kid taken from the JWK when Key ID is empty', () => {
		const jwk = { ...ec.privateKey.export({ format: 'jwk' }), kid: 'from-jwk' };
		const token = clientAssertion({ clientId: '0oa2', audience, privateKey: JSON.stringify(jwk) });
		const { header, signature } = decodeJwt(token);
		assert.equal(header.alg, 'ES256');
		assert.equal(header.kid, 'from-jwk');
		assert.equal(signature.length, 64);
		assert.ok(verifyJws(token, ec.publicKey));
		const overridden = decodeJwt(
			clientAssertion({
				clientId: '0oa2',
				audience,
				privateKey: JSON.stringify(jwk),
				keyId: 'explicit',
			}),
		);
		assert.equal(overridden.header.kid, 'explicit');
	});

	test('EC P-384 SEC1 PEM → ES384', () => {
		const pem = ec384.privateKey.export({ type: 'sec1', format: 'pem' }).toString();
		const token = clientAssertion({ clientId: '0oa3', audience, privateKey: pem });
		assert.equal(decodeJwt(token).header.alg, 'ES384');
		assert.ok(verifyJws(token, ec384.publicKey));
	});

	test('each assertion has a new jti; lifetime capped at one hour', () => {
		const pem = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		const a = decodeJwt(
			clientAssertion({
				clientId: 'c',
				audience,
				privateKey: pem,
				nowSeconds: 10,
				lifetimeSeconds: 99_999,
			}),
		).payload;
		const b = decodeJwt(clientAssertion({ clientId: 'c', audience, privateKey: pem })).payload;
		assert.notEqual(a.jti, b.jti);
		assert.equal(a.exp, 10 + 3600);
	});

	test('unreadable or public-only keys give a message without key material', () => {
		const publicOnly = JSON.stringify(ec.publicKey.export({ format: 'jwk' }));
		assert.throws(
			() => importPrivateKey(publicOnly),
			(e: unknown) => e instanceof OktaCredentialError && /public key/.test(e.message),
		);
		assert.throws(
			() => importPrivateKey('-----BEGIN PRIVATE KEY-----\nnot-a-key\n-----END PRIVATE KEY-----'),
			(e: unknown) => e instanceof OktaCredentialError && !e.message.includes('not-a-key'),
		);
		assert.throws(() => importPrivateKey(''), /empty/);
		assert.throws(() => clientAssertion({ clientId: '', audience, privateKey: 'x' }), /client ID/);
	});

	test('algorithmFor refuses Ed25519; public JWK and thumbprint are stable', () => {
		assert.throws(() => algorithmFor(generateKeyPairSync('ed25519').privateKey), /RSA or an EC/);
		const pub = publicJwk(ec.privateKey);
		assert.deepEqual(Object.keys(pub).sort(), ['crv', 'kty', 'x', 'y']);
		assert.equal(jwkThumbprint(pub), jwkThumbprint(publicJwk(createPublicKey(ec.privateKey))));
		assert.match(jwkThumbprint(pub), /^[A-Za-z0-9_-]{43}$/);
	});
});
