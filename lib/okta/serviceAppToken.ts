import type { JsonWebKey } from 'node:crypto';

import { sendWithRetry } from '../http/sendWithRetry';
import type { RetryOptions } from '../http/sendWithRetry';
import { OKTA_RETRY_POLICY } from './retryPolicy';
import type { HttpRequest, RequestFn } from '../http/types';
import { dpopProof, generateDpopKey } from './dpop';
import { errorFromResponse } from './errorFromResponse';
import { clientAssertion } from './jwt';
import { OktaApiError } from './OktaApiError';
import { normalizeOrgUrl } from './orgUrl';

export const DEFAULT_SERVICE_APP_SCOPES = 'okta.users.read okta.groups.read okta.apps.read';

export interface ServiceAppConfig {
	orgUrl: string;
	clientId: string;
	/** PEM or private JWK (JSON). */
	privateKey: string;
	keyId?: string;
	/** Space- or comma-separated, or a list. */
	scopes?: string | string[];
	useDpop: boolean;
}

export interface ServiceAppToken {
	accessToken: string;
	/** `DPoP` when the token is bound to `dpopJwk`, else `Bearer`. */
	tokenType: 'DPoP' | 'Bearer';
	expiresInSeconds: number;
	scope?: string;
	/** The private JWK the token is bound to (DPoP only). */
	dpopJwk?: JsonWebKey;
}

export function scopeString(scopes: ServiceAppConfig['scopes']): string {
	const list = Array.isArray(scopes)
		? scopes
		: (scopes ?? DEFAULT_SERVICE_APP_SCOPES).split(/[\s,]+/);
	return (
		list
			.map((scope) => scope.trim())
			.filter(Boolean)
			.join(' ') || DEFAULT_SERVICE_APP_SCOPES
	);
}

/**
 * Client-credentials token for an Okta service app: `private_key_jwt` client
 * assertion, and with DPoP a proof on the token call. Okta answers the first
 * DPoP token call with 400 `use_dpop_nonce` and a `DPoP-Nonce` header; the call
 * is repeated once with that nonce. Each attempt signs a fresh assertion and
 * proof (Okta refuses a reused `jti`), also when a 429/5xx is retried.
 */
export async function fetchServiceAppToken(
	send: RequestFn,
	config: ServiceAppConfig,
	options: { retry?: RetryOptions; dpopJwk?: JsonWebKey } = {},
): Promise<ServiceAppToken> {
	const orgUrl = normalizeOrgUrl(config.orgUrl);
	const tokenUrl = `${orgUrl}/oauth2/v1/token`;
	const dpopJwk = config.useDpop ? (options.dpopJwk ?? generateDpopKey()) : undefined;
	const scope = scopeString(config.scopes);
	let nonce: string | undefined;

	// Signs at send time, so every retry carries a new jti.
	const signedSend: RequestFn = (request) => {
		const form = {
			...request.form!,
			client_assertion: clientAssertion({
				clientId: config.clientId,
				audience: tokenUrl,
				privateKey: config.privateKey,
				keyId: config.keyId,
			}),
		};
		const headers: Record<string, string> = { ...request.headers };
		if (dpopJwk) headers.DPoP = dpopProof({ key: dpopJwk, method: 'POST', url: tokenUrl, nonce });
		return send({ ...request, form, headers });
	};
	const request: HttpRequest = {
		method: 'POST',
		url: tokenUrl,
		headers: { Accept: 'application/json' },
		form: {
			grant_type: 'client_credentials',
			scope,
			client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
		},
	};

	for (let attempt = 0; ; attempt++) {
		const response = await sendWithRetry(
			signedSend,
			request,
			true,
			OKTA_RETRY_POLICY,
			options.retry,
		);
		const body = (response.body ?? {}) as Record<string, unknown>;
		const newNonce = response.headers['dpop-nonce'];
		if (
			response.status === 400 &&
			body.error === 'use_dpop_nonce' &&
			dpopJwk &&
			newNonce &&
			attempt < 2
		) {
			nonce = newNonce;
			continue;
		}
		if (response.status < 200 || response.status > 299)
			throw withHint(errorFromResponse(request, response), config.useDpop);
		if (typeof body.access_token !== 'string') {
			throw new OktaApiError({
				status: response.status,
				errorSummary: 'Okta answered the token request without an access_token',
			});
		}
		const tokenType = String(body.token_type ?? '').toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer';
		return {
			accessToken: body.access_token,
			tokenType,
			expiresInSeconds: Number(body.expires_in) || 3600,
			scope: typeof body.scope === 'string' ? body.scope : undefined,
			dpopJwk: tokenType === 'DPoP' ? dpopJwk : undefined,
		};
	}
}

/** Okta's answers for the DPoP setting not matching the app's are cryptic; say which switch to flip. */
function withHint(error: OktaApiError, useDpop: boolean): OktaApiError {
	if (!useDpop && /dpop/i.test(`${error.errorCode} ${error.errorSummary}`)) {
		return new OktaApiError({
			...error,
			errorSummary: `${error.errorSummary} — this Okta app requires DPoP: turn on "Use DPoP" in the credential`,
		});
	}
	if (error.errorCode === 'invalid_client') {
		return new OktaApiError({
			...error,
			errorSummary: `${error.errorSummary} — check the client ID, the key ID and that the app's public key matches the private key`,
		});
	}
	return error;
}
