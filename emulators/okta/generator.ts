/**
 * Deterministic org generator: the same spec and seed give the same users,
 * groups, memberships and app assignments. Statuses are mostly ACTIVE with
 * some of every other lifecycle state; every group has members and each user
 * is in several groups (plus Okta's built-in Everyone group).
 */
import { buildAppUser } from './appUserFactory';
import { buildEveryoneGroup, buildGroup } from './groupFactory';
import {
	APP_TEMPLATES,
	DEPARTMENTS,
	EMAIL_DOMAIN,
	EXTRA_GROUP_NAMES,
	FIRST_NAMES,
	LAST_NAMES,
	OFFICES,
} from './names';
import { OKTA_ID_PREFIX, Random } from './random';
import type { OrgData } from './store';
import { DAY_MS, oktaTimestamp } from './time';
import type {
	OktaAppRecord,
	OktaAppUserRecord,
	OktaGroupRecord,
	OktaUserRecord,
	OktaUserStatus,
} from './types';
import { buildUser } from './userFactory';

export interface OrgSpec {
	users: number;
	/** Okta-managed groups (OKTA_GROUP), not counting the built-in Everyone group. */
	groups: number;
	apps?: number;
	seed?: number;
	/** Okta orgs always have the BUILT_IN group "Everyone" holding every user; default true. */
	everyoneGroup?: boolean;
}

const DEPARTMENT_WEIGHTS = DEPARTMENTS.map(
	(department) => [department, department.weight] as const,
);
const OFFICE_WEIGHTS = OFFICES.map((office) => [office, office.weight] as const);

const STATUS_MIX: ReadonlyArray<readonly [OktaUserStatus, number]> = [
	['ACTIVE', 80],
	['DEPROVISIONED', 6],
	['SUSPENDED', 4],
	['PASSWORD_EXPIRED', 3],
	['STAGED', 3],
	['LOCKED_OUT', 2],
	['PROVISIONED', 1.5],
	['RECOVERY', 0.5],
];

/** Generated history lies in this window, so anything changed later (store helpers) sorts after it. */
const HISTORY_START = Date.parse('2019-01-01T00:00:00.000Z');
const HISTORY_END = Date.parse('2025-12-31T00:00:00.000Z');

interface GroupPlan {
	record: OktaGroupRecord;
	department?: string;
	city?: string;
}

export function generateOrg(spec: OrgSpec): OrgData {
	const random = new Random(spec.seed ?? 1);
	const userTypeId = random.oktaId(OKTA_ID_PREFIX.userType);
	const users = generateUsers(random, spec.users, userTypeId);
	const plans = planGroups(random, spec.groups);
	const memberships = assignMembers(random, users, plans);
	const groups = plans.map((plan) => plan.record);
	if (spec.everyoneGroup ?? true) {
		const everyone = builtInEveryone(random);
		groups.push(everyone);
		memberships.set(
			everyone.id,
			users.map((user) => user.id),
		);
	}
	const apps = generateApps(random, spec.apps ?? 3);
	const appUsers = assignApps(random, apps, users);
	return { userTypeId, users, groups, memberships, apps, appUsers };
}

function generateUsers(random: Random, count: number, userTypeId: string): OktaUserRecord[] {
	const users: OktaUserRecord[] = [];
	const loginsTaken = new Map<string, number>();
	const idsTaken = new Set<string>();
	for (let i = 0; i < count; i++) {
		const firstName = random.pick(FIRST_NAMES);
		const lastName = random.pick(LAST_NAMES);
		const base = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
		const seen = loginsTaken.get(base) ?? 0;
		loginsTaken.set(base, seen + 1);
		const login = `${seen === 0 ? base : base + (seen + 1)}@${EMAIL_DOMAIN}`;
		const department = random.weighted(DEPARTMENT_WEIGHTS);
		const office = random.weighted(OFFICE_WEIGHTS);
		const contractor = random.chance(0.06);
		let id = random.oktaId(OKTA_ID_PREFIX.user);
		while (idsTaken.has(id)) id = random.oktaId(OKTA_ID_PREFIX.user);
		idsTaken.add(id);
		const created = HISTORY_START + random.int(HISTORY_END - HISTORY_START - 280 * DAY_MS);
		const activated = created + random.int(3 * DAY_MS);
		const passwordChanged = activated + random.int(120 * DAY_MS);
		const status = random.weighted(STATUS_MIX);
		users.push(
			buildUser(
				id,
				userTypeId,
				status,
				{
					firstName,
					lastName,
					mobilePhone: random.chance(0.8)
						? `+1 ${random.between(201, 989)} ${random.digits(3)} ${random.digits(4)}`
						: null,
					secondEmail: null,
					displayName: `${firstName} ${lastName}`,
					email: login,
					login,
					primaryPhone: random.chance(0.6)
						? `${office.phonePrefix} ${random.digits(4)} ${random.digits(4)}`
						: null,
					title: random.pick(department.titles),
					department: department.name,
					employeeNumber: String(100000 + i),
					userType: contractor ? 'Contractor' : 'Employee',
					organization: 'Example Corp',
					city: office.city,
					state: office.state,
					countryCode: office.countryCode,
					timezone: office.timezone,
					locale: 'en_US',
				},
				{
					created,
					activated,
					passwordChanged,
					lastLogin: random.chance(0.9) ? passwordChanged + random.int(60 * DAY_MS) : null,
					statusChanged:
						status === 'ACTIVE' ? activated : passwordChanged + random.int(90 * DAY_MS),
				},
			),
		);
	}
	return users;
}

/** Names groups by interleaving departments, role groups and offices, so even a small org has a mix. */
function planGroups(random: Random, count: number): GroupPlan[] {
	const sources: Array<
		Array<{ name: string; description: string; department?: string; city?: string }>
	> = [
		DEPARTMENTS.map((d) => ({
			name: d.name,
			description: `Everyone in ${d.name}`,
			department: d.name,
		})),
		EXTRA_GROUP_NAMES.map((name) => ({ name, description: `${name} (managed in Okta)` })),
		OFFICES.map((o) => ({
			name: `Office - ${o.city}`,
			description: `Staff based in ${o.city}`,
			city: o.city,
		})),
	];
	const named: Array<{ name: string; description: string; department?: string; city?: string }> =
		[];
	for (let i = 0; named.length < count && sources.some((source) => i < source.length); i++) {
		for (const source of sources)
			if (i < source.length && named.length < count) named.push(source[i]);
	}
	for (let n = 1; named.length < count; n++) {
		named.push({
			name: `Working Group ${String(n).padStart(3, '0')}`,
			description: `Cross-team working group ${n}`,
		});
	}
	const idsTaken = new Set<string>();
	return named.map((entry) => {
		let id = random.oktaId(OKTA_ID_PREFIX.group);
		while (idsTaken.has(id)) id = random.oktaId(OKTA_ID_PREFIX.group);
		idsTaken.add(id);
		const created = HISTORY_START - random.int(400 * DAY_MS);
		const lastUpdated = created + random.int(HISTORY_END - created);
		const lastMembershipUpdated = HISTORY_END - random.int(30 * DAY_MS);
		const record = buildGroup(
			id,
			{ name: entry.name, description: entry.description },
			{ created, lastUpdated, lastMembershipUpdated },
		);
		return { department: entry.department, city: entry.city, record };
	});
}

/** Department and office groups follow the profile; everyone also joins one or two other groups; no group stays empty. */
function assignMembers(
	random: Random,
	users: OktaUserRecord[],
	plans: GroupPlan[],
): Map<string, string[]> {
	const members = new Map<string, Set<string>>(plans.map((plan) => [plan.record.id, new Set()]));
	const byDepartment = new Map(
		plans.filter((p) => p.department).map((p) => [p.department!, p.record.id]),
	);
	const byCity = new Map(plans.filter((p) => p.city).map((p) => [p.city!, p.record.id]));
	const others = plans.filter((p) => !p.department && !p.city).map((p) => p.record.id);
	const all = plans.map((p) => p.record.id);
	const wanted = Math.min(2, all.length);
	// Topping up draws from the role groups, so department and office groups hold only their own people.
	const topUp = others.length >= wanted ? others : all;
	for (const user of users) {
		const chosen = new Set<string>();
		const department = byDepartment.get(String(user.profile.department));
		const city = byCity.get(String(user.profile.city));
		if (department) chosen.add(department);
		if (city) chosen.add(city);
		const extra = others.length ? 1 + random.int(2) : 0;
		for (let i = 0; i < extra; i++) chosen.add(random.pick(others));
		while (chosen.size < wanted) chosen.add(random.pick(topUp));
		for (const groupId of chosen) members.get(groupId)!.add(user.id);
	}
	if (users.length > 0) {
		for (const plan of plans) {
			const ids = members.get(plan.record.id)!;
			if (ids.size > 0) continue;
			const fitting = users.filter(
				(user) =>
					(!plan.department || user.profile.department === plan.department) &&
					(!plan.city || user.profile.city === plan.city),
			);
			const pool = fitting.length ? fitting : users;
			const count = Math.max(1, Math.min(5, Math.floor(users.length / all.length)));
			for (let i = 0; i < count; i++) ids.add(random.pick(pool).id);
		}
	}
	return new Map([...members].map(([groupId, ids]) => [groupId, [...ids].sort()]));
}

function builtInEveryone(random: Random): OktaGroupRecord {
	return buildEveryoneGroup(random.oktaId(OKTA_ID_PREFIX.group), {
		created: HISTORY_START - 500 * DAY_MS,
		lastMembershipUpdated: HISTORY_END,
	});
}

function generateApps(random: Random, count: number): OktaAppRecord[] {
	const apps: OktaAppRecord[] = [];
	for (let i = 0; i < count; i++) {
		const template = APP_TEMPLATES[i % APP_TEMPLATES.length];
		const copy = Math.floor(i / APP_TEMPLATES.length);
		const created = HISTORY_START + random.int(365 * DAY_MS);
		const provisioning = template.signOnMode === 'SAML_2_0' && i % 2 === 0;
		apps.push({
			id: random.oktaId(OKTA_ID_PREFIX.app),
			name: template.name,
			label: copy === 0 ? template.label : `${template.label} ${copy + 1}`,
			status: 'ACTIVE',
			created: oktaTimestamp(created),
			lastUpdated: oktaTimestamp(created + random.int(HISTORY_END - created)),
			signOnMode: template.signOnMode,
			features: provisioning
				? ['IMPORT_NEW_USERS', 'PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'PUSH_USER_DEACTIVATION']
				: [],
		});
	}
	return apps;
}

/** Each app goes to a share of the users; deactivated users hold no assignments (Okta removes them). */
function assignApps(
	random: Random,
	apps: OktaAppRecord[],
	users: OktaUserRecord[],
): Map<string, OktaAppUserRecord[]> {
	const assignments = new Map<string, OktaAppUserRecord[]>();
	for (const app of apps) {
		const share = 0.2 + random.next() * 0.5;
		const list: OktaAppUserRecord[] = [];
		for (const user of users) {
			if (user.status === 'DEPROVISIONED' || !random.chance(share)) continue;
			const at =
				Math.max(Date.parse(app.created), Date.parse(user.activated ?? user.created)) +
				random.int(DAY_MS);
			list.push(buildAppUser(app, user, Math.min(at, HISTORY_END), random.hex(32)));
		}
		assignments.set(app.id, list);
	}
	return assignments;
}
