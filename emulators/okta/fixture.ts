/**
 * A hand-written org instead of a generated one: users (partial or as Okta
 * exports them), groups with members named by id or login, apps with users.
 * Pass the object or the path of a JSON file holding it.
 */
import { readFileSync } from 'node:fs';

import { buildAppUser } from './appUserFactory';
import { buildEveryoneGroup, buildGroup } from './groupFactory';
import { OKTA_ID_PREFIX, Random } from './random';
import type { NewUserProfile, OrgData } from './store';
import { oktaTimestamp } from './time';
import { defaultOidcClient } from './oidcApps';
import type {
	OidcClientSettings,
	OktaAppRecord,
	OktaAppUserRecord,
	OktaGroupRecord,
	OktaSignOnMode,
	OktaUserRecord,
	OktaUserStatus,
} from './types';
import { buildUser } from './userFactory';

export interface FixtureUser extends Partial<Omit<OktaUserRecord, 'profile'>> {
	profile: NewUserProfile;
	status?: OktaUserStatus;
}

export interface FixtureGroup {
	id?: string;
	name: string;
	description?: string | null;
	/** User ids or logins. */
	members?: string[];
}

export interface FixtureApp {
	id?: string;
	name?: string;
	label: string;
	signOnMode?: OktaSignOnMode;
	features?: string[];
	status?: 'ACTIVE' | 'INACTIVE';
	/** OIDC apps: their `settings.oauthClient`; default a web app with the code grant. */
	oauthClient?: Partial<OidcClientSettings>;
	/** User ids or logins assigned to the app. */
	users?: string[];
}

export interface OktaFixture {
	users: FixtureUser[];
	groups?: FixtureGroup[];
	apps?: FixtureApp[];
	/** Add Okta's built-in Everyone group holding every user; default true. */
	everyoneGroup?: boolean;
}

export function readFixture(fixture: OktaFixture | string): OktaFixture {
	return typeof fixture === 'string'
		? (JSON.parse(readFileSync(fixture, 'utf8')) as OktaFixture)
		: fixture;
}

export function orgFromFixture(fixture: OktaFixture, seed = 1): OrgData {
	const random = new Random(seed);
	const userTypeId = random.oktaId(OKTA_ID_PREFIX.userType);
	const created = Date.parse('2024-01-01T00:00:00.000Z');
	const users = fixture.users.map((entry) => fixtureUser(entry, random, userTypeId, created));
	const byKey = new Map<string, OktaUserRecord>();
	for (const user of users) {
		byKey.set(user.id, user);
		byKey.set(user.profile.login.toLowerCase(), user);
	}
	const resolve = (key: string): string => {
		const user = byKey.get(key) ?? byKey.get(key.toLowerCase());
		if (!user) throw new Error(`Fixture names unknown user ${key}`);
		return user.id;
	};
	const stamp = oktaTimestamp(created);
	const memberships = new Map<string, string[]>();
	const groups: OktaGroupRecord[] = (fixture.groups ?? []).map((entry) => {
		const group = buildGroup(
			entry.id ?? random.oktaId(OKTA_ID_PREFIX.group),
			{ name: entry.name, description: entry.description ?? null },
			{ created },
		);
		memberships.set(group.id, [...new Set((entry.members ?? []).map(resolve))]);
		return group;
	});
	if (fixture.everyoneGroup ?? true) {
		const everyone = buildEveryoneGroup(random.oktaId(OKTA_ID_PREFIX.group), { created });
		groups.push(everyone);
		memberships.set(
			everyone.id,
			users.map((user) => user.id),
		);
	}
	const apps: OktaAppRecord[] = [];
	const appUsers = new Map<string, OktaAppUserRecord[]>();
	for (const entry of fixture.apps ?? []) {
		const app: OktaAppRecord = {
			id: entry.id ?? random.oktaId(OKTA_ID_PREFIX.app),
			name: entry.name ?? entry.label.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
			label: entry.label,
			status: entry.status ?? 'ACTIVE',
			created: stamp,
			lastUpdated: stamp,
			signOnMode: entry.signOnMode ?? 'SAML_2_0',
			features: entry.features ?? [],
		};
		if (app.signOnMode === 'OPENID_CONNECT')
			app.oauthClient = { ...defaultOidcClient(app.name), ...entry.oauthClient };
		apps.push(app);
		appUsers.set(
			app.id,
			(entry.users ?? []).map((key) =>
				buildAppUser(app, byKey.get(resolve(key))!, created, random.hex(32)),
			),
		);
	}
	return { userTypeId, users, groups, memberships, apps, appUsers };
}

function fixtureUser(
	entry: FixtureUser,
	random: Random,
	userTypeId: string,
	created: number,
): OktaUserRecord {
	const login = entry.profile.login ?? entry.profile.email;
	const built = buildUser(
		entry.id ?? random.oktaId(OKTA_ID_PREFIX.user),
		entry.type?.id ?? userTypeId,
		entry.status ?? 'ACTIVE',
		{
			firstName: null,
			lastName: null,
			mobilePhone: null,
			secondEmail: null,
			...entry.profile,
			login,
		},
		{ created: entry.created ? Date.parse(entry.created) : created },
	);
	// Fields the fixture gives win over the derived ones (e.g. a user exported from a real org); links are rebuilt.
	const {
		_links: _ignoredLinks,
		_embedded: _ignoredEmbedded,
		...given
	} = entry as FixtureUser & { _links?: unknown; _embedded?: unknown };
	return {
		...built,
		...given,
		profile: built.profile,
		type: built.type,
		status: built.status,
	} as OktaUserRecord;
}
