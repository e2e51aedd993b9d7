/**
 * Builds user records whose timestamps and credentials agree with their
 * status, the way Okta fills them: a STAGED user was never activated and has
 * no password, a PROVISIONED one is activated but has not set a password yet,
 * everyone past activation has `password: {}`.
 */
import { oktaTimestamp } from './time';
import type { OktaUserProfile, OktaUserRecord, OktaUserStatus } from './types';

/** Moments in a user's life, in ms; later steps are optional and clamp to the earlier ones. */
export interface UserTimeline {
	created: number;
	activated?: number;
	passwordChanged?: number;
	lastLogin?: number | null;
	statusChanged?: number;
}

const NEVER_ACTIVATED: ReadonlySet<OktaUserStatus> = new Set(['STAGED']);
const NO_PASSWORD: ReadonlySet<OktaUserStatus> = new Set(['STAGED', 'PROVISIONED']);

export function buildUser(
	id: string,
	typeId: string,
	status: OktaUserStatus,
	profile: OktaUserProfile,
	timeline: UserTimeline,
): OktaUserRecord {
	const created = timeline.created;
	const activated = NEVER_ACTIVATED.has(status)
		? null
		: Math.max(created, timeline.activated ?? created);
	const hasPassword = !NO_PASSWORD.has(status);
	const passwordChanged =
		hasPassword && activated !== null
			? Math.max(activated, timeline.passwordChanged ?? activated)
			: null;
	const lastLogin =
		hasPassword && timeline.lastLogin != null && passwordChanged !== null
			? Math.max(passwordChanged, timeline.lastLogin)
			: null;
	const statusChanged =
		activated === null ? null : Math.max(activated, timeline.statusChanged ?? activated);
	const lastUpdated = Math.max(created, activated ?? 0, passwordChanged ?? 0, statusChanged ?? 0);
	return {
		id,
		status,
		created: oktaTimestamp(created),
		activated: activated === null ? null : oktaTimestamp(activated),
		statusChanged: statusChanged === null ? null : oktaTimestamp(statusChanged),
		lastLogin: lastLogin === null ? null : oktaTimestamp(lastLogin),
		lastUpdated: oktaTimestamp(lastUpdated),
		passwordChanged: passwordChanged === null ? null : oktaTimestamp(passwordChanged),
		type: { id: typeId },
		profile,
		credentials: hasPassword
			? { password: {}, provider: { type: 'OKTA', name: 'OKTA' } }
			: { provider: { type: 'OKTA', name: 'OKTA' } },
	};
}

/** Applies a status change at `now` (ms) the way Okta's lifecycle operations do. */
export function applyStatus(user: OktaUserRecord, status: OktaUserStatus, now: number): void {
	if (user.status === status) return;
	const stamp = oktaTimestamp(now);
	user.status = status;
	user.statusChanged = stamp;
	if (user.activated === null && !NEVER_ACTIVATED.has(status)) user.activated = stamp;
	if (NO_PASSWORD.has(status)) {
		user.credentials = { provider: user.credentials.provider };
	} else if (!user.credentials.password) {
		user.credentials = { password: {}, provider: user.credentials.provider };
		user.passwordChanged = stamp;
	}
}
