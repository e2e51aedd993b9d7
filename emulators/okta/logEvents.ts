/**
 * Builds System Log events shaped like the ones Okta delivers to event hooks
 * (user lifecycle, profile updates, group membership), for tests to pass to
 * `deliverEvents`.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import type { LogEvent, LogEventActor, OktaGroupRecord, OktaUserRecord } from './types';

const DISPLAY_MESSAGES: Readonly<Record<string, { message: string; legacy: string | null }>> = {
	'user.lifecycle.create': {
		message: 'Create Okta user',
		legacy: 'core.user.config.user_creation.success',
	},
	'user.lifecycle.activate': {
		message: 'Activate Okta user',
		legacy: 'core.user.config.user_activated',
	},
	'user.lifecycle.deactivate': {
		message: 'Deactivate Okta user',
		legacy: 'core.user.config.user_deactivated',
	},
	'user.lifecycle.suspend': {
		message: 'Suspend Okta user',
		legacy: 'core.user.config.user_suspended',
	},
	'user.lifecycle.unsuspend': {
		message: 'Unsuspend Okta user',
		legacy: 'core.user.config.user_unsuspended',
	},
	'user.lifecycle.reactivate': {
		message: 'Reactivate Okta user',
		legacy: 'core.user.config.user_reactivated',
	},
	'user.lifecycle.delete.initiated': {
		message: 'Delete Okta user',
		legacy: 'core.user.config.user_deleted',
	},
	'user.account.update_profile': {
		message: 'Update user profile for Okta',
		legacy: 'core.user.config.profile_update.success',
	},
	'group.user_membership.add': {
		message: 'Add user to group membership',
		legacy: 'core.user_group_member.user_add',
	},
	'group.user_membership.remove': {
		message: 'Remove user from group membership',
		legacy: 'core.user_group_member.user_remove',
	},
};

export interface UserEventOptions {
	/** Who did it; default the Okta system principal. */
	actor?: OktaUserRecord;
	/** The group, for group membership events (second target). */
	group?: OktaGroupRecord;
	uuid?: string;
	published?: string;
}

export function userActor(user: OktaUserRecord): LogEventActor {
	return {
		id: user.id,
		type: 'User',
		alternateId: user.profile.login,
		displayName: [user.profile.firstName, user.profile.lastName].filter(Boolean).join(' ') || null,
		detailEntry: null,
	};
}

/** An event about `user` (the first target), e.g. `userEvent('user.lifecycle.create', user)`. */
export function userEvent(
	eventType: string,
	user: OktaUserRecord,
	options: UserEventOptions = {},
): LogEvent {
	const known = DISPLAY_MESSAGES[eventType] ?? { message: eventType, legacy: null };
	const actor: LogEventActor = options.actor
		? userActor(options.actor)
		: {
				id: '0oa1systemprincipal0',
				type: 'PublicClientApp',
				alternateId: 'Okta System',
				displayName: 'Okta System',
				detailEntry: null,
			};
	const targets = [userActor(user)];
	if (options.group) {
		targets.push({
			id: options.group.id,
			type: 'UserGroup',
			alternateId: 'unknown',
			displayName: options.group.profile.name,
			detailEntry: null,
		});
	}
	const requestId = randomBytes(16).toString('base64url');
	return {
		uuid: options.uuid ?? randomUUID(),
		published: options.published ?? new Date().toISOString(),
		eventType,
		version: '0',
		displayMessage: known.message,
		severity: 'INFO',
		legacyEventType: known.legacy,
		actor,
		client: {
			userAgent: { rawUserAgent: 'Mozilla/5.0', os: 'Unknown', browser: 'UNKNOWN' },
			zone: 'null',
			device: 'Computer',
			id: null,
			ipAddress: '127.0.0.1',
			geographicalContext: null,
		},
		device: null,
		authenticationContext: {
			authenticationProvider: null,
			credentialProvider: null,
			credentialType: null,
			issuer: null,
			interface: null,
			authenticationStep: 0,
			externalSessionId: randomBytes(12).toString('base64url'),
		},
		securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
		debugContext: {
			debugData: {
				requestId,
				requestUri: `/api/v1/users/${user.id}`,
				url: `/api/v1/users/${user.id}`,
			},
		},
		outcome: { result: 'SUCCESS', reason: null },
		target: targets,
		transaction: { type: 'WEB', id: requestId, detail: {} },
		request: { ipChain: [] },
	};
}
