/**
 * Credential tests that tell the truth on the first click. n8n runs a node's
 * `credentialTest` function (named by `testedBy`) when the credential type
 * has no `test` request; the function gets the form's values and the legacy
 * `helpers.request`, so it fetches a fresh token from exactly what was typed
 * (never a token stored with an older secret) and makes as many requests as
 * the answer needs:
 * - Okta (API token, service app): one read each of users, groups and apps,
 *   naming every scope (`okta.users.read`, `okta.groups.read`,
 *   `okta.apps.read`) Okta refuses. The OAuth2 credential keeps its test
 *   request: n8n gives OAuth2 credentials no test function.
 * - Halo: a token from the client id and secret, then `GET /api/Control`,
 *   naming the admin permission when Halo refuses that read.
 * See docs/security.md (no secret in any message) and docs/halo-okta-settings.md.
 */
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { haloBaseUrl, requestHaloToken } from '../halo/auth';
import type { HaloAuthSettings } from '../halo/auth';
import { haloErrorSentence } from '../halo/errorMessage';
import type { HttpResponse, RequestFn } from '../http/types';
import { OktaApiError } from '../okta/OktaApiError';
import { normalizeOrgUrl } from '../okta/orgUrl';
import { accessTokenHeaders } from '../okta/requestAuth';
import { fetchServiceAppToken } from '../okta/serviceAppToken';
import { legacyRequestFn } from './transport';
import type { LegacyRequest } from './transport';

/** What Halo's guide asks of a custom Okta admin role, and what each read proves. */
export const OKTA_READ_PROBES: ReadonlyArray<{ scope: string; path: string; what: string }> = [
	{ scope: 'okta.users.read', path: '/api/v1/users', what: 'users' },
	{ scope: 'okta.groups.read', path: '/api/v1/groups', what: 'groups' },
	{ scope: 'okta.apps.read', path: '/api/v1/apps', what: 'apps' },
];

type Result = INodeCredentialTestResult;

function failure(message: string): Result {
	return { status: 'Error', message };
}

/**
 * Reads one page of users, groups and apps with `send` (which adds the
 * credential) and says which scopes are missing. Stops at the first answer
 * that is not a 2xx or 403 (a wrong token or org URL says nothing of scopes).
 */
export async function probeOktaReadScopes(
	send: RequestFn,
	orgUrl: string,
	kind: 'apiToken' | 'serviceApp',
): Promise<Result> {
	const missing: string[] = [];
	for (const probe of OKTA_READ_PROBES) {
		let answer: HttpResponse;
		try {
			answer = await send({
				method: 'GET',
				url: `${orgUrl}${probe.path}`,
				query: { limit: 1 },
			});
		} catch (error) {
			return failure(`Okta could not be reached at ${orgUrl}: ${(error as Error).message}`);
		}
		if (answer.status >= 200 && answer.status < 300) continue;
		if (answer.status === 403) {
			missing.push(probe.scope);
			continue;
		}
		if (answer.status === 401)
			return failure(
				kind === 'apiToken'
					? 'Okta refused the API token (E0000011): check the token (all of it, and not revoked)'
					: 'Okta refused the access token: check the client ID, key and key ID of the service app',
			);
		if (answer.status === 404)
			return failure(
				`Okta answered 404 at ${orgUrl}: use your primary Okta domain, e.g. https://acme.okta.com, not the -admin or a sub-path URL`,
			);
		return failure(`Okta answered HTTP ${answer.status} when listing ${probe.what}`);
	}
	if (missing.length === 0)
		return {
			status: 'OK',
			message: 'Okta accepted the credential: it can read users, groups and apps',
		};
	const how =
		kind === 'apiToken'
			? "the token acts with its admin's rights: use an admin whose role can read them"
			: "grant them on the app's Okta API Scopes tab and list them in this credential's Scopes";
	return failure(
		`Okta refused ${missing.length === 1 ? 'a read' : 'reads'} that need ${missing.join(', ')}: ${how}`,
	);
}

/** The Okta credentials' test function (API token and service app). */
export async function testOktaCredential(
	request: LegacyRequest,
	credential: ICredentialsDecrypted,
): Promise<Result> {
	const data = credential.data ?? {};
	let orgUrl: string;
	try {
		orgUrl = normalizeOrgUrl(data.url);
	} catch (error) {
		return failure((error as Error).message);
	}
	const send = legacyRequestFn(request);
	if (credential.type === 'oktaTokenApi') {
		const token = String(data.apiToken ?? '').trim();
		if (!token) return failure('Enter the API token');
		return probeOktaReadScopes(
			(req) => send({ ...req, headers: { ...req.headers, Authorization: `SSWS ${token}` } }),
			orgUrl,
			'apiToken',
		);
	}
	if (credential.type === 'oktaServiceAppApi') {
		let token;
		try {
			token = await fetchServiceAppToken(send, {
				orgUrl,
				clientId: String(data.clientId ?? '').trim(),
				privateKey: String(data.privateKey ?? ''),
				keyId: String(data.keyId ?? ''),
				scopes: String(data.scopes ?? ''),
				useDpop: data.useDpop !== false,
			});
		} catch (error) {
			return failure(
				error instanceof OktaApiError || error instanceof Error
					? `Okta gave no token: ${error.message}`
					: 'Okta gave no token',
			);
		}
		return probeOktaReadScopes(
			(req) =>
				send({
					...req,
					headers: { ...req.headers, ...accessTokenHeaders(token, req.method, req.url) },
				}),
			orgUrl,
			'serviceApp',
		);
	}
	return failure(`No test for the credential type ${credential.type}`);
}

/** The Halo credential's test function: a fresh token, then a read of `Control`. */
export async function testHaloCredential(
	request: LegacyRequest,
	credential: ICredentialsDecrypted,
): Promise<Result> {
	const data = credential.data ?? {};
	const settings: HaloAuthSettings = {
		url: String(data.url ?? ''),
		authUrl: typeof data.authUrl === 'string' ? data.authUrl : undefined,
		tenant: typeof data.tenant === 'string' ? data.tenant : undefined,
		clientId: String(data.clientId ?? ''),
		clientSecret: String(data.clientSecret ?? ''),
		scope: typeof data.scope === 'string' ? data.scope : undefined,
	};
	const send = legacyRequestFn(request);
	let base: string;
	let accessToken: string;
	try {
		base = haloBaseUrl(settings.url);
		accessToken = (await requestHaloToken(send, settings)).accessToken;
	} catch (error) {
		return failure(`Halo gave no token: ${(error as Error).message}`);
	}
	const action = 'GET /api/Control';
	let answer: HttpResponse;
	try {
		answer = await send({
			method: 'GET',
			url: `${base}/api/Control`,
			headers: { Authorization: `Bearer ${accessToken}` },
		});
	} catch (error) {
		return failure(`Halo could not be reached at ${base}: ${(error as Error).message}`);
	}
	if (answer.status >= 200 && answer.status < 300)
		return {
			status: 'OK',
			message: 'Halo issued a token and let it read its settings (Control)',
		};
	if (answer.status === 403)
		return failure(
			'Halo issued a token but refused to read its settings (GET /api/Control, 403): give the API application the admin permission (Configuration › Integrations › Halo API › the application › Permissions) and ask for scope "all" or "admin". Halo Okta Settings needs it; the other nodes do not.',
		);
	return failure(haloErrorSentence(answer.status, answer.body, action));
}

/** The `methods.credentialTest` of a node, bound to n8n's test context. */
export const credentialTest = {
	async oktaCredentialTest(
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<Result> {
		// The one HTTP helper n8n gives credential test functions (CredentialTestContext).
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		return testOktaCredential(this.helpers.request as unknown as LegacyRequest, credential);
	},
	async haloCredentialTest(
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<Result> {
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		return testHaloCredential(this.helpers.request as unknown as LegacyRequest, credential);
	},
};
