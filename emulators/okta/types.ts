/**
 * Records the Okta emulator keeps. Users, groups and apps are stored in the
 * shape Okta returns them, minus `_links` (those carry the emulator's URL and
 * are added when an answer is written).
 */

export type OktaUserStatus =
	| 'STAGED'
	| 'PROVISIONED'
	| 'ACTIVE'
	| 'RECOVERY'
	| 'PASSWORD_EXPIRED'
	| 'LOCKED_OUT'
	| 'SUSPENDED'
	| 'DEPROVISIONED';

export interface OktaUserProfile {
	firstName: string | null;
	lastName: string | null;
	email: string;
	login: string;
	mobilePhone?: string | null;
	primaryPhone?: string | null;
	secondEmail?: string | null;
	[attribute: string]: unknown;
}

export interface OktaUserCredentials {
	password?: Record<string, never>;
	recovery_question?: { question: string };
	provider: {
		type: 'OKTA' | 'ACTIVE_DIRECTORY' | 'LDAP' | 'FEDERATION' | 'SOCIAL' | 'IMPORT';
		name: string;
	};
}

export interface OktaUserRecord {
	id: string;
	status: OktaUserStatus;
	created: string;
	activated: string | null;
	statusChanged: string | null;
	lastLogin: string | null;
	lastUpdated: string;
	passwordChanged: string | null;
	type: { id: string };
	profile: OktaUserProfile;
	credentials: OktaUserCredentials;
}

export type OktaGroupType = 'OKTA_GROUP' | 'BUILT_IN' | 'APP_GROUP';

export interface OktaGroupRecord {
	id: string;
	created: string;
	lastUpdated: string;
	lastMembershipUpdated: string;
	objectClass: string[];
	type: OktaGroupType;
	profile: { name: string; description: string | null; [attribute: string]: unknown };
}

export type OktaSignOnMode =
	'SAML_2_0' | 'OPENID_CONNECT' | 'BOOKMARK' | 'AUTO_LOGIN' | 'BROWSER_PLUGIN';

export interface OktaAppRecord {
	id: string;
	name: string;
	label: string;
	status: 'ACTIVE' | 'INACTIVE';
	created: string;
	lastUpdated: string;
	signOnMode: OktaSignOnMode;
	features: string[];
	/** OIDC apps: `settings.oauthClient` as Okta keeps it (redirect URIs, grant and response types, …). */
	oauthClient?: OidcClientSettings;
}

/** An OIDC app's `settings.oauthClient` (OpenIdConnectApplicationSettingsClient). */
export interface OidcClientSettings {
	application_type: 'web' | 'browser' | 'native' | 'service';
	grant_types: string[];
	response_types: string[];
	redirect_uris: string[];
	post_logout_redirect_uris?: string[];
	consent_method?: string;
	issuer_mode?: string;
	[key: string]: unknown;
}

/** A user's assignment to an app, as `GET /api/v1/apps/{id}/users` returns it (without `_links`). */
export interface OktaAppUserRecord {
	id: string;
	externalId?: string;
	created: string;
	lastUpdated: string;
	scope: 'USER' | 'GROUP';
	status: 'ACTIVE' | 'PROVISIONED' | 'STAGED' | 'SUSPENDED' | 'DEPROVISIONED' | 'INACTIVE';
	statusChanged: string;
	passwordChanged: string | null;
	syncState: 'DISABLED' | 'SYNCHRONIZED';
	lastSync?: string;
	credentials: { userName: string };
	profile: Record<string, unknown>;
}

export interface EventHookHeader {
	key: string;
	value: string;
}

export interface EventHookRecord {
	id: string;
	status: 'ACTIVE' | 'INACTIVE';
	verificationStatus: 'UNVERIFIED' | 'VERIFIED';
	name: string;
	description: string | null;
	created: string;
	createdBy: string;
	lastUpdated: string;
	events: { type: 'EVENT_TYPE'; items: string[]; filter: unknown };
	channel: {
		type: 'HTTP';
		version: string;
		config: {
			uri: string;
			headers: EventHookHeader[];
			method: 'POST';
			/** `value` is write-only: kept here for deliveries, never written in answers. */
			authScheme: { type: 'HEADER'; key: string; value: string } | null;
		};
	};
}

/** An Okta System Log event, as event hooks deliver them. */
export interface LogEventActor {
	id: string;
	type: string;
	alternateId: string | null;
	displayName: string | null;
	detailEntry: Record<string, unknown> | null;
}

export interface LogEvent {
	uuid: string;
	published: string;
	eventType: string;
	version: string;
	displayMessage: string;
	severity: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
	legacyEventType: string | null;
	actor: LogEventActor;
	client: Record<string, unknown>;
	device: Record<string, unknown> | null;
	authenticationContext: Record<string, unknown>;
	securityContext: Record<string, unknown>;
	debugContext: { debugData: Record<string, unknown> };
	outcome: {
		result: 'SUCCESS' | 'FAILURE' | 'SKIPPED' | 'ALLOW' | 'DENY' | 'CHALLENGE' | 'UNKNOWN';
		reason: string | null;
	};
	target: LogEventActor[];
	transaction: { type: string; id: string; detail: Record<string, unknown> };
	request: { ipChain: unknown[] };
}
