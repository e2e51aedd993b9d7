/**
 * Okta's two error bodies: the management API's
 * `{errorCode, errorSummary, errorLink, errorId, errorCauses}` and the OAuth
 * endpoints' `{error, error_description}`. Also turns any other error answer
 * (injected faults, an unknown method, a crash) into Okta's shape.
 */
import { randomBytes } from 'node:crypto';

import type { EmulatorResponse } from '../server';

export interface OktaErrorBody {
	errorCode: string;
	errorSummary: string;
	errorLink: string;
	errorId: string;
	errorCauses: Array<{ errorSummary: string }>;
}

/** Okta error ids look like `oaeJHrPMxnIRCqNLCT1BZeVRg`: "oae" and 22 characters. */
function errorId(): string {
	return 'oae' + randomBytes(17).toString('base64url').slice(0, 22);
}

export function oktaError(
	status: number,
	errorCode: string,
	errorSummary: string,
	causes: string[] = [],
	headers?: Record<string, string>,
): EmulatorResponse {
	const body: OktaErrorBody = {
		errorCode,
		errorSummary,
		errorLink: errorCode,
		errorId: errorId(),
		errorCauses: causes.map((summary) => ({ errorSummary: summary })),
	};
	return { status, headers, body };
}

export const errors = {
	validation: (what: string, causes: string[] = []) =>
		oktaError(400, 'E0000001', `Api validation failed: ${what}`, causes),
	invalidSession: () => oktaError(401, 'E0000005', 'Invalid session'),
	forbidden: (headers?: Record<string, string>) =>
		oktaError(
			403,
			'E0000006',
			'You do not have permission to perform the requested action',
			[],
			headers,
		),
	notFound: (id: string, type: string) =>
		oktaError(404, 'E0000007', `Not found: Resource not found: ${id} (${type})`),
	invalidToken: (headers?: Record<string, string>) =>
		oktaError(401, 'E0000011', 'Invalid token provided', [], headers),
	methodNotAllowed: () =>
		oktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method'),
	invalidSearch: (cause?: string) =>
		oktaError(400, 'E0000031', 'Invalid search criteria.', cause ? [cause] : []),
	rateLimited: () =>
		oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.'),
};

export function oauthError(
	status: number,
	error: string,
	description: string,
	headers?: Record<string, string>,
): EmulatorResponse {
	return {
		status,
		headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache', ...headers },
		body: { error, error_description: description },
	};
}

function isOktaShaped(body: unknown): boolean {
	if (!body || typeof body !== 'object') return false;
	return 'errorCode' in body || 'error' in body;
}

/**
 * Gives error answers that did not come from a handler (injected faults, 405, crashes) Okta's error body.
 * Answers without a body stay empty: Okta sends some errors (e.g. a bad DPoP proof) with headers only.
 */
export function normalizeErrorAnswer(answer: EmulatorResponse): void {
	if (answer.status < 400 || answer.body === undefined || isOktaShaped(answer.body)) return;
	const replacement =
		answer.status === 429
			? errors.rateLimited()
			: answer.status === 405
				? errors.methodNotAllowed()
				: answer.status === 404
					? oktaError(404, 'E0000007', 'Not found: Resource not found')
					: answer.status >= 500
						? oktaError(answer.status, 'E0000009', 'Internal Server Error')
						: oktaError(answer.status, 'E0000001', 'Api validation failed');
	answer.body = replacement.body;
	if (answer.headers) {
		for (const name of Object.keys(answer.headers))
			if (name.toLowerCase() === 'content-type') delete answer.headers[name];
	}
}
