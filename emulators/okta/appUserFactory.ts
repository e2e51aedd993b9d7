/**
 * App user records (`GET /api/v1/apps/{id}/users`): the user's id, how the
 * assignment was made, and the app-specific profile and user name. Apps with
 * provisioning (`PUSH_NEW_USERS`) show `PROVISIONED` users with an
 * `externalId` and a sync state; SSO-only apps show `ACTIVE` ones.
 */
import { oktaTimestamp } from './time';
import type { OktaAppRecord, OktaAppUserRecord, OktaUserRecord } from './types';

export function buildAppUser(
	app: OktaAppRecord,
	user: OktaUserRecord,
	at: number,
	externalId?: string,
): OktaAppUserRecord {
	const stamp = oktaTimestamp(at);
	const provisioning = app.features.includes('PUSH_NEW_USERS');
	const profile: Record<string, unknown> =
		app.signOnMode === 'BOOKMARK' || app.signOnMode === 'AUTO_LOGIN'
			? {}
			: {
					email: user.profile.email,
					firstName: user.profile.firstName,
					lastName: user.profile.lastName,
					displayName: [user.profile.firstName, user.profile.lastName].filter(Boolean).join(' '),
					mobilePhone: user.profile.mobilePhone ?? null,
					secondEmail: null,
				};
	return {
		id: user.id,
		...(provisioning && externalId ? { externalId } : {}),
		created: stamp,
		lastUpdated: stamp,
		scope: 'USER',
		status: provisioning ? 'PROVISIONED' : 'ACTIVE',
		statusChanged: stamp,
		passwordChanged: null,
		syncState: provisioning ? 'SYNCHRONIZED' : 'DISABLED',
		...(provisioning ? { lastSync: stamp } : {}),
		credentials: { userName: user.profile.login },
		profile,
	};
}
