/**
 * Halo's authorisation server, client-credentials only: `POST {authPath}/token`
 * with a form body (`grant_type=client_credentials`, `client_id`,
 * `client_secret`, `scope`), hosted instances also `?tenant=NAME`. Answers
 * `{token_type: 'Bearer', access_token, expires_in, scope}`; problems answer
 * OAuth's `{error}` bodies. `GET /api/authinfo` (no token needed) tells where
 * the server is: `{auth_url, tenant_id}` are the fields the HaloAPI PowerShell
 * module reads (`$AuthInfo.auth_url`, `$AuthInfo.tenant_id`), token URL
 * `{auth_url}/token`.
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse } from '../server';

export interface AuthSettings {
	clientId: string;
	clientSecret: string;
	tenant?: string;
	tokenTtlSeconds: number;
}

function oauthError(status: number, error: string, description: string): EmulatorResponse {
	return { status, body: { error, error_description: description } };
}

export class TokenIssuer {
	private readonly tokens = new Map<string, { expiresAt: number; scope: string }>();

	constructor(
		private readonly settings: AuthSettings,
		private readonly now: () => number = Date.now,
	) {}

	/** `POST {authPath}/token`. */
	handleTokenRequest(req: EmulatorRequest): EmulatorResponse {
		const { tenant } = this.settings;
		if (tenant && (req.query.get('tenant') ?? '').toLowerCase() !== tenant.toLowerCase()) {
			return oauthError(400, 'invalid_request', 'Unknown or missing tenant');
		}
		if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
			return oauthError(400, 'invalid_request', 'The token request must be form encoded');
		}
		const form = (req.body ?? {}) as Record<string, string>;
		if (form.grant_type !== 'client_credentials') {
			return oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported');
		}
		if (
			form.client_id !== this.settings.clientId ||
			form.client_secret !== this.settings.clientSecret
		) {
			return { status: 401, body: { error: 'invalid_client' } };
		}
		const scope = (form.scope ?? '').trim() || 'all';
		const accessToken = randomBytes(32).toString('base64url');
		this.tokens.set(accessToken, {
			expiresAt: this.now() + this.settings.tokenTtlSeconds * 1000,
			scope,
		});
		return {
			status: 200,
			body: {
				scope,
				token_type: 'Bearer',
				access_token: accessToken,
				expires_in: this.settings.tokenTtlSeconds,
			},
		};
	}

	/** Undefined when the request carries a live bearer token, else the 401 to answer. */
	check(req: EmulatorRequest): EmulatorResponse | undefined {
		const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
		const token = match ? this.tokens.get(match[1]) : undefined;
		if (token && token.expiresAt > this.now()) return undefined;
		const description = !match
			? 'No bearer token'
			: token
				? 'The token has expired'
				: 'The token is not valid';
		return {
			status: 401,
			headers: {
				'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"`,
			},
			body: { error: 'invalid_token', error_description: description },
		};
	}

	/** The scope the request's live bearer token was issued with (undefined without one). */
	scopeOf(req: EmulatorRequest): string | undefined {
		const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
		return match ? this.tokens.get(match[1])?.scope : undefined;
	}

	/** Ends every issued token now (as a server restart or key rollover would). */
	expireAll(): void {
		this.tokens.clear();
	}
}

/** `GET /api/authinfo`. */
export function authInfo(
	baseUrl: string,
	authPath: string,
	tenant: string | undefined,
): EmulatorResponse {
	const body: Record<string, string> = { auth_url: `${baseUrl}${authPath}` };
	if (tenant) body.tenant_id = tenant;
	return { status: 200, body };
}
