/**
 * The emulated org's data and its indexes: users by id and login, group
 * memberships both ways, app assignments. Lists stay sorted by id because
 * Okta's `after` cursor is the last id of a page. Mutation helpers let tests
 * change the org the way an admin would (and bump `lastUpdated` like Okta).
 */
import { buildAppUser } from './appUserFactory';
import { buildGroup } from './groupFactory';
import { OKTA_ID_PREFIX, Random } from './random';
import { byId, insertSorted, itself, removeSorted } from './sorted';
import { oktaTimestamp } from './time';
import type {
	EventHookRecord,
	OktaAppRecord,
	OktaAppUserRecord,
	OktaGroupRecord,
	OktaUserProfile,
	OktaUserRecord,
	OktaUserStatus,
} from './types';
import { applyStatus, buildUser } from './userFactory';

/** Everything an org starts with (from the generator or a fixture). */
export interface OrgData {
	userTypeId: string;
	users: OktaUserRecord[];
	groups: OktaGroupRecord[];
	/** Group id → member user ids. */
	memberships: Map<string, string[]>;
	apps: OktaAppRecord[];
	/** App id → assignments. */
	appUsers: Map<string, OktaAppUserRecord[]>;
}

export type NewUserProfile = Partial<OktaUserProfile> & { email: string };

export interface UserChanges {
	profile?: Partial<OktaUserProfile>;
	status?: OktaUserStatus;
}

export class OktaStore {
	/** Sorted by id. Read freely; change through the methods so indexes stay right. */
	readonly users: OktaUserRecord[];
	readonly groups: OktaGroupRecord[];
	readonly apps: OktaAppRecord[];
	readonly eventHooks: EventHookRecord[] = [];
	readonly userTypeId: string;

	private readonly random: Random;
	private readonly usersById = new Map<string, OktaUserRecord>();
	private readonly usersByLogin = new Map<string, OktaUserRecord>();
	private readonly groupsById = new Map<string, OktaGroupRecord>();
	private readonly memberIds = new Map<string, string[]>();
	private readonly groupIdsOfUser = new Map<string, Set<string>>();
	private readonly appsById = new Map<string, OktaAppRecord>();
	private readonly appUsers = new Map<string, OktaAppUserRecord[]>();
	private lastStamp = 0;
	private adminId?: string;

	constructor(data: OrgData, seed = 1) {
		this.random = new Random(seed ^ 0x5f3759df);
		this.userTypeId = data.userTypeId;
		this.users = [...data.users].sort(compareIds);
		this.groups = [...data.groups].sort(compareIds);
		this.apps = [...data.apps].sort(compareIds);
		for (const user of this.users) this.indexUser(user);
		for (const group of this.groups) {
			this.groupsById.set(group.id, group);
			this.memberIds.set(group.id, []);
			this.lastStamp = Math.max(
				this.lastStamp,
				Date.parse(group.lastMembershipUpdated),
				Date.parse(group.lastUpdated),
			);
		}
		for (const [groupId, userIds] of data.memberships) {
			const members = this.memberIds.get(groupId);
			if (!members) throw new Error(`Membership of unknown group ${groupId}`);
			members.push(...userIds);
			members.sort();
			for (const userId of userIds) this.userGroupIds(userId).add(groupId);
		}
		for (const app of this.apps) {
			this.appsById.set(app.id, app);
			this.appUsers.set(app.id, [...(data.appUsers.get(app.id) ?? [])].sort(compareIds));
		}
		let admin: OktaUserRecord | undefined;
		for (const user of this.users) {
			if (user.status === 'ACTIVE' && (!admin || user.created < admin.created)) admin = user;
		}
		this.adminId = admin?.id;
	}

	/** Current time in ms, never earlier than any stored timestamp (so changes always sort last). */
	now(): number {
		this.lastStamp = Math.max(Date.now(), this.lastStamp);
		return this.lastStamp;
	}

	newId(prefix: string): string {
		return this.random.oktaId(prefix);
	}

	/** By id, by login (case-insensitive) or by the login's short name when that is unique, as `GET /users/{idOrLogin}`. */
	user(idOrLogin: string): OktaUserRecord | undefined {
		const found = this.usersById.get(idOrLogin) ?? this.usersByLogin.get(idOrLogin.toLowerCase());
		if (found || idOrLogin.includes('@')) return found;
		const short = idOrLogin.toLowerCase();
		const matches = this.users.filter(
			(user) => user.profile.login.toLowerCase().split('@')[0] === short,
		);
		return matches.length === 1 ? matches[0] : undefined;
	}

	/** The org's super admin: owner of the API tokens and the user the auth-code flow signs in by default. */
	adminUser(): OktaUserRecord | undefined {
		return this.adminId ? this.usersById.get(this.adminId) : undefined;
	}

	group(id: string): OktaGroupRecord | undefined {
		return this.groupsById.get(id);
	}

	groupByName(name: string): OktaGroupRecord | undefined {
		return this.groups.find((group) => group.profile.name === name);
	}

	app(id: string): OktaAppRecord | undefined {
		return this.appsById.get(id);
	}

	/** Member ids of a group, sorted. */
	memberIdsOf(groupId: string): readonly string[] {
		return this.memberIds.get(groupId) ?? [];
	}

	membersOf(groupId: string): OktaUserRecord[] {
		return this.memberIdsOf(groupId).map((id) => this.usersById.get(id)!);
	}

	groupsOf(userId: string): OktaGroupRecord[] {
		return [...(this.groupIdsOfUser.get(userId) ?? [])]
			.map((id) => this.groupsById.get(id)!)
			.sort(compareIds);
	}

	/** Assignments of an app, sorted by user id. */
	appUsersOf(appId: string): readonly OktaAppUserRecord[] {
		return this.appUsers.get(appId) ?? [];
	}

	/** Creates a user as an admin would (and adds them to the built-in Everyone group, as Okta does). */
	createUser(profile: NewUserProfile, status: OktaUserStatus = 'ACTIVE'): OktaUserRecord {
		const login = profile.login ?? profile.email;
		if (this.usersByLogin.has(login.toLowerCase()))
			throw new Error(`A user with login ${login} already exists`);
		const now = this.now();
		const fullProfile: OktaUserProfile = {
			firstName: null,
			lastName: null,
			mobilePhone: null,
			secondEmail: null,
			...profile,
			login,
		};
		const user = buildUser(
			this.unusedId(OKTA_ID_PREFIX.user, this.usersById),
			this.userTypeId,
			status,
			fullProfile,
			{
				created: now,
			},
		);
		insertSorted(this.users, user, byId);
		this.indexUser(user);
		const everyone = this.groups.find((group) => group.type === 'BUILT_IN');
		if (everyone) this.addMember(everyone.id, user.id);
		return user;
	}

	/** Merges profile changes and applies a status change; bumps `lastUpdated` so incremental reads see it. */
	updateUser(idOrLogin: string, changes: UserChanges): OktaUserRecord {
		const user = this.requireUser(idOrLogin);
		const now = this.now();
		if (changes.profile) {
			const oldLogin = user.profile.login.toLowerCase();
			Object.assign(user.profile, changes.profile);
			const newLogin = user.profile.login.toLowerCase();
			if (newLogin !== oldLogin) {
				const clash = this.usersByLogin.get(newLogin);
				if (clash && clash !== user)
					throw new Error(`A user with login ${user.profile.login} already exists`);
				this.usersByLogin.delete(oldLogin);
				this.usersByLogin.set(newLogin, user);
			}
		}
		if (changes.status) {
			applyStatus(user, changes.status, now);
			// Deactivating a user removes their app assignments in Okta.
			if (changes.status === 'DEPROVISIONED')
				for (const app of this.apps) this.unassignApp(app.id, user.id);
		}
		user.lastUpdated = oktaTimestamp(now);
		return user;
	}

	createGroup(name: string, description: string | null = null): OktaGroupRecord {
		const group = buildGroup(
			this.unusedId(OKTA_ID_PREFIX.group, this.groupsById),
			{ name, description },
			{ created: this.now() },
		);
		insertSorted(this.groups, group, byId);
		this.groupsById.set(group.id, group);
		this.memberIds.set(group.id, []);
		return group;
	}

	addMember(groupId: string, userIdOrLogin: string): void {
		const group = this.requireGroup(groupId);
		const user = this.requireUser(userIdOrLogin);
		if (insertSorted(this.memberIds.get(group.id)!, user.id, itself)) {
			this.userGroupIds(user.id).add(group.id);
			group.lastMembershipUpdated = oktaTimestamp(this.now());
		}
	}

	removeMember(groupId: string, userIdOrLogin: string): void {
		const group = this.requireGroup(groupId);
		const user = this.requireUser(userIdOrLogin);
		if (removeSorted(this.memberIds.get(group.id)!, user.id, itself)) {
			this.groupIdsOfUser.get(user.id)?.delete(group.id);
			group.lastMembershipUpdated = oktaTimestamp(this.now());
		}
	}

	assignApp(appId: string, userIdOrLogin: string): OktaAppUserRecord {
		const app = this.app(appId);
		if (!app) throw new Error(`No app ${appId}`);
		const user = this.requireUser(userIdOrLogin);
		const assignments = this.appUsers.get(app.id)!;
		const existing = assignments.find((assignment) => assignment.id === user.id);
		if (existing) return existing;
		const record = buildAppUser(app, user, this.now(), this.random.hex(32));
		insertSorted(assignments, record, byId);
		return record;
	}

	unassignApp(appId: string, userId: string): void {
		const assignments = this.appUsers.get(appId);
		if (assignments) removeSorted(assignments, userId, byId);
	}

	eventHook(id: string): EventHookRecord | undefined {
		return this.eventHooks.find((hook) => hook.id === id);
	}

	removeEventHook(id: string): void {
		const at = this.eventHooks.findIndex((hook) => hook.id === id);
		if (at >= 0) this.eventHooks.splice(at, 1);
	}

	private requireUser(idOrLogin: string): OktaUserRecord {
		const user = this.user(idOrLogin);
		if (!user) throw new Error(`No user ${idOrLogin}`);
		return user;
	}

	private requireGroup(id: string): OktaGroupRecord {
		const group = this.group(id) ?? this.groupByName(id);
		if (!group) throw new Error(`No group ${id}`);
		return group;
	}

	private indexUser(user: OktaUserRecord): void {
		this.usersById.set(user.id, user);
		this.usersByLogin.set(user.profile.login.toLowerCase(), user);
		this.lastStamp = Math.max(this.lastStamp, Date.parse(user.lastUpdated));
	}

	private userGroupIds(userId: string): Set<string> {
		let ids = this.groupIdsOfUser.get(userId);
		if (!ids) this.groupIdsOfUser.set(userId, (ids = new Set()));
		return ids;
	}

	private unusedId(prefix: string, taken: Map<string, unknown>): string {
		let id = this.newId(prefix);
		while (taken.has(id)) id = this.newId(prefix);
		return id;
	}
}

function compareIds(a: { id: string }, b: { id: string }): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
