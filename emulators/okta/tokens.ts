/**
 * What the org authorization server remembers: registered clients, issued
 * access and refresh tokens, authorization codes, DPoP nonces and the client
 * assertion ids already used (Okta rejects a replayed assertion).
 */
import { randomBytes, type JsonWebKey } from 'node:crypto';

import type { SigningKey } from './signing';

export interface ServiceAppRegistration {
	clientId: string;
	/** The public half of the key the app signs its client assertions with. */
	publicJwk: JsonWebKey;
	/** "Require DPoP-bound tokens"; Okta turns it on for new service apps. Default true. */
	dpop?: boolean;
	/** Okta API scopes granted to the app. */
	scopes: string[];
}

export interface AuthCodeClientRegistration {
	clientId: string;
	clientSecret: string;
	redirectUri: string;
	/** Scopes the client may request; default every read scope plus openid, profile, email, offline_access. */
	scopes?: string[];
}

export interface IssuedAccessToken {
	token: string;
	clientId: string;
	scopes: string[];
	/** The signed-in user (authorization code flow); absent for service apps. */
	userId?: string;
	expiresAt: number;
	/** What the token answer says in `expires_in`: Okta states the configured lifetime. */
	lifetimeSeconds: number;
	/** JWK thumbprint the token is bound to (DPoP). */
	jkt?: string;
}

export interface AuthorizationCode {
	clientId: string;
	redirectUri: string;
	scopes: string[];
	userId: string;
	expiresAt: number;
	codeChallenge?: string;
	codeChallengeMethod?: string;
}

export interface IssuedRefreshToken {
	clientId: string;
	scopes: string[];
	userId: string;
}

export const DEFAULT_AUTH_CODE_SCOPES = [
	'openid',
	'profile',
	'email',
	'offline_access',
	'okta.users.read',
	'okta.users.read.self',
	'okta.groups.read',
	'okta.apps.read',
	'okta.eventHooks.read',
	'okta.eventHooks.manage',
];

/** Okta's authorization codes are single-use and short-lived. */
const CODE_TTL_MS = 60_000;
const NONCE_TTL_MS = 10 * 60_000;

const opaque = (bytes = 24): string => randomBytes(bytes).toString('base64url');

export class TokenRegistry {
	readonly serviceApps = new Map<string, Required<ServiceAppRegistration>>();
	readonly authCodeClients = new Map<string, Required<AuthCodeClientRegistration>>();
	private readonly accessTokens = new Map<string, IssuedAccessToken>();
	private readonly refreshTokens = new Map<string, IssuedRefreshToken>();
	private readonly codes = new Map<string, AuthorizationCode>();
	private readonly nonces = new Map<string, number>();
	private readonly assertionIds = new Map<string, number>();

	constructor(
		private readonly issuer: () => string,
		private readonly signingKey: SigningKey,
		private readonly ttlSeconds: number,
		private readonly clock: () => number = Date.now,
	) {}

	registerServiceApp(app: ServiceAppRegistration): void {
		this.serviceApps.set(app.clientId, { dpop: true, ...app });
	}

	registerAuthCodeClient(client: AuthCodeClientRegistration): void {
		this.authCodeClients.set(client.clientId, { scopes: DEFAULT_AUTH_CODE_SCOPES, ...client });
	}

	/** An access token shaped like Okta's (`application/okta-internal-at+jwt`) and remembered for API calls. */
	issueAccessToken(
		grant: Omit<IssuedAccessToken, 'token' | 'expiresAt' | 'lifetimeSeconds'>,
	): IssuedAccessToken {
		const now = this.clock();
		const iat = Math.floor(now / 1000);
		const token = this.signingKey.sign(
			{
				ver: 1,
				jti: `AT.${opaque(16)}`,
				iss: this.issuer(),
				aud: this.issuer(),
				sub: grant.userId ?? grant.clientId,
				iat,
				exp: iat + this.ttlSeconds,
				cid: grant.clientId,
				...(grant.userId ? { uid: grant.userId } : {}),
				scp: grant.scopes,
				...(grant.jkt ? { cnf: { jkt: grant.jkt } } : {}),
			},
			'application/okta-internal-at+jwt',
		);
		const issued: IssuedAccessToken = {
			...grant,
			token,
			expiresAt: now + this.ttlSeconds * 1000,
			lifetimeSeconds: this.ttlSeconds,
		};
		this.accessTokens.set(token, issued);
		return issued;
	}

	/** A live access token, or undefined when unknown or expired. */
	accessToken(token: string): IssuedAccessToken | undefined {
		const issued = this.accessTokens.get(token);
		if (!issued) return undefined;
		if (issued.expiresAt <= this.clock()) {
			this.accessTokens.delete(token);
			return undefined;
		}
		return issued;
	}

	/** Makes every issued access token expire now (tests of refresh and re-authentication). */
	expireAccessTokens(): void {
		this.accessTokens.clear();
	}

	issueRefreshToken(grant: IssuedRefreshToken): string {
		const token = opaque(30);
		this.refreshTokens.set(token, grant);
		return token;
	}

	refreshToken(token: string): IssuedRefreshToken | undefined {
		return this.refreshTokens.get(token);
	}

	issueCode(code: Omit<AuthorizationCode, 'expiresAt'>): string {
		const value = opaque(24);
		this.codes.set(value, { ...code, expiresAt: this.clock() + CODE_TTL_MS });
		return value;
	}

	/** Redeems a code once; a second use or a late one finds nothing. */
	takeCode(value: string): AuthorizationCode | undefined {
		const code = this.codes.get(value);
		this.codes.delete(value);
		return code && code.expiresAt > this.clock() ? code : undefined;
	}

	issueNonce(): string {
		const nonce = opaque(24);
		this.nonces.set(nonce, this.clock() + NONCE_TTL_MS);
		return nonce;
	}

	isNonceValid(nonce: string | undefined): boolean {
		const expires = nonce ? this.nonces.get(nonce) : undefined;
		return expires !== undefined && expires > this.clock();
	}

	/** Records an assertion `jti`; false when it was used before (replay). */
	rememberAssertion(jti: string, expiresAtMs: number): boolean {
		const now = this.clock();
		for (const [id, expires] of this.assertionIds) if (expires < now) this.assertionIds.delete(id);
		if (this.assertionIds.has(jti)) return false;
		this.assertionIds.set(jti, expiresAtMs);
		return true;
	}
}
