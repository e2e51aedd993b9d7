import type { OktaGroupRef, OktaStatus, OktaUser } from '../core/types';

export type { OktaGroupRef, OktaStatus, OktaUser };

/** An Okta group as `/api/v1/groups` returns it. */
export interface OktaGroup {
	id: string;
	type?: string;
	created?: string;
	lastUpdated?: string;
	lastMembershipUpdated?: string;
	profile: { name: string; description?: string | null } & Record<string, unknown>;
	_links?: Record<string, unknown>;
}

/** An Okta app integration as `/api/v1/apps` returns it. */
export interface OktaApp {
	id: string;
	name: string;
	label: string;
	status?: string;
	signOnMode?: string;
	[key: string]: unknown;
}

/** An app assignment as `/api/v1/apps/{appId}/users` returns it (the app's view of a user). */
export interface OktaAppUser {
	id: string;
	status?: string;
	scope?: string;
	credentials?: { userName?: string } & Record<string, unknown>;
	profile?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface ListUsersOptions {
	/** Okta search expression, e.g. `profile.department eq "Sales"`. */
	search?: string;
	/** Okta filter expression (the older `filter` grammar); used only when `search` is not given. */
	filter?: string;
	/** Name/email prefix (`q`); cannot be combined with search or filter by Okta, so statuses are applied locally. */
	q?: string;
	/** Only these statuses; empty or absent = every status, DEPROVISIONED included. */
	statuses?: readonly OktaStatus[];
	/** Only users updated after this instant (ISO 8601). */
	updatedSince?: string;
	/** Stop after this many users. */
	limit?: number;
}

export interface ListGroupsOptions {
	q?: string;
	search?: string;
	filter?: string;
	limit?: number;
}

export interface ListAppsOptions {
	q?: string;
	filter?: string;
	limit?: number;
}

export interface LimitOption {
	limit?: number;
}

/** An OIDC app's client settings (`settings.oauthClient`): what Okta's OpenID Connect sign-in uses. */
export interface OktaOidcClientSettings {
	application_type?: string;
	grant_types?: string[];
	response_types?: string[];
	redirect_uris?: string[];
	post_logout_redirect_uris?: string[];
	[key: string]: unknown;
}

/** One app as `GET /api/v1/apps/{id}` returns it; OIDC apps carry `settings.oauthClient` and their client id. */
export interface OktaAppDetail extends OktaApp {
	credentials?: { oauthClient?: { client_id?: string } & Record<string, unknown> } & Record<
		string,
		unknown
	>;
	settings?: { oauthClient?: OktaOidcClientSettings } & Record<string, unknown>;
}

/** The public `GET /.well-known/okta-organization`: the primary domain and, if any, the custom domain. */
export interface OktaOrgMetadata {
	id?: string;
	pipeline?: string;
	_links?: { organization?: { href?: string }; alternate?: { href?: string } };
}
