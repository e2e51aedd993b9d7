import type { JsonWebKey } from 'node:crypto';

import type { RetryOptions } from '../http/sendWithRetry';
import type { HttpRequest, RequestFn } from '../http/types';
import { dpopProof } from './dpop';
import { fetchServiceAppToken } from './serviceAppToken';
import type { ServiceAppConfig, ServiceAppToken } from './serviceAppToken';

export interface AccessToken {
	accessToken: string;
	tokenType: string;
	dpopJwk?: JsonWebKey;
}

/**
 * The `Authorization` header for an Okta access token, plus a fresh DPoP proof
 * bound to it (`ath`) when the token is DPoP-bound. Shared by the service-app
 * credential's `authenticate` and by `withServiceApp` below.
 */
export function accessTokenHeaders(
	token: AccessToken,
	method: string,
	url: string,
): Record<string, string> {
	if (token.tokenType.toLowerCase() === 'dpop' && token.dpopJwk) {
		return {
			Authorization: `DPoP ${token.accessToken}`,
			DPoP: dpopProof({ key: token.dpopJwk, method, url, accessToken: token.accessToken }),
		};
	}
	return { Authorization: `Bearer ${token.accessToken}` };
}

/**
 * Service-app authentication outside n8n: fetches the token once, reuses it
 * until shortly before it expires, fetches again after a 401. (In n8n the
 * credential's preAuthentication does the same with n8n storing the token.)
 */
export function withServiceApp(
	send: RequestFn,
	config: ServiceAppConfig,
	options: { retry?: RetryOptions; now?: () => number } = {},
): RequestFn {
	const now = options.now ?? Date.now;
	let token: Promise<ServiceAppToken> | undefined;
	let expiresAt = 0;
	const current = () => {
		if (!token || now() >= expiresAt) {
			const started = now();
			token = fetchServiceAppToken(send, config, { retry: options.retry });
			token.then(
				// Renew a minute early (a tenth of the lifetime for short-lived tokens).
				(t) =>
					(expiresAt =
						started + (t.expiresInSeconds - Math.min(60, t.expiresInSeconds / 10)) * 1000),
				() => (token = undefined),
			);
		}
		return token;
	};
	return async (request) => {
		const first = await send(
			withHeaders(request, accessTokenHeaders(await current(), request.method, request.url)),
		);
		if (first.status !== 401) return first;
		token = undefined;
		return send(
			withHeaders(request, accessTokenHeaders(await current(), request.method, request.url)),
		);
	};
}

function withHeaders(request: HttpRequest, headers: Record<string, string>): HttpRequest {
	return { ...request, headers: { ...request.headers, ...headers } };
}
