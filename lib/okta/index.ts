export { GROUP_QUERY_LIMIT, OktaClient, PAGE_SIZE, collect, groupRef } from './OktaClient';
export type { OktaClientOptions } from './OktaClient';
export { OktaApiError } from './OktaApiError';
export type { OktaErrorCause } from './OktaApiError';
export { OktaCredentialError } from './OktaCredentialError';
export { OrgUrlError } from './OrgUrlError';
export { normalizeOrgUrl } from './orgUrl';
export { nextLink } from './linkHeader';
export { statusClause, toOktaInstant, userListingQuery } from './userSearch';
export {
	algorithmFor,
	base64url,
	clientAssertion,
	importPrivateKey,
	jwkThumbprint,
	publicJwk,
	signJwt,
} from './jwt';
export { accessTokenHash, dpopProof, generateDpopKey, htuOf } from './dpop';
export { DEFAULT_SERVICE_APP_SCOPES, fetchServiceAppToken, scopeString } from './serviceAppToken';
export type { ServiceAppConfig, ServiceAppToken } from './serviceAppToken';
export { accessTokenHeaders, withAccessToken, withApiToken, withServiceApp } from './requestAuth';
export type { AccessToken } from './requestAuth';
export * from './types';
