/**
 * How records are written in answers: the stored record plus `_links` (and
 * `_embedded` where asked for), with absolute URLs on the org's address.
 */
import type { EmulatorContext } from './context';
import { OKTA_ID_PREFIX } from './random';
import type { OktaGroupRecord, OktaUserRecord } from './types';

type Link = { href: string; method?: string };

/** Which operations Okta links from a user in each status (only `self` in lists). */
const STATUS_LINKS: Readonly<Record<OktaUserRecord['status'], readonly string[]>> = {
	STAGED: ['activate', 'deactivate'],
	PROVISIONED: ['reactivate', 'deactivate'],
	ACTIVE: [
		'suspend',
		'resetPassword',
		'expirePassword',
		'forgotPassword',
		'changeRecoveryQuestion',
		'changePassword',
		'resetFactors',
		'deactivate',
	],
	RECOVERY: ['suspend', 'resetPassword', 'expirePassword', 'resetFactors', 'deactivate'],
	PASSWORD_EXPIRED: ['suspend', 'resetPassword', 'expirePassword', 'resetFactors', 'deactivate'],
	LOCKED_OUT: [
		'unlock',
		'suspend',
		'resetPassword',
		'expirePassword',
		'resetFactors',
		'deactivate',
	],
	SUSPENDED: ['unsuspend', 'resetFactors', 'deactivate'],
	DEPROVISIONED: ['activate'],
};

const OPERATION_PATHS: Readonly<Record<string, string>> = {
	activate: 'lifecycle/activate',
	reactivate: 'lifecycle/reactivate',
	deactivate: 'lifecycle/deactivate',
	suspend: 'lifecycle/suspend',
	unsuspend: 'lifecycle/unsuspend',
	unlock: 'lifecycle/unlock',
	resetPassword: 'lifecycle/reset_password',
	expirePassword: 'lifecycle/expire_password',
	resetFactors: 'lifecycle/reset_factors',
	forgotPassword: 'credentials/forgot_password',
	changeRecoveryQuestion: 'credentials/change_recovery_question',
	changePassword: 'credentials/change_password',
};

/** The user as Okta writes it: lists carry only the `self` link, single reads the full set for the status. */
export function renderUser(
	user: OktaUserRecord,
	context: EmulatorContext,
	detail: 'list' | 'full',
): Record<string, unknown> {
	const self = `${context.origin()}/api/v1/users/${user.id}`;
	const links: Record<string, Link> = {};
	if (detail === 'full') {
		for (const operation of STATUS_LINKS[user.status]) {
			links[operation] = { href: `${self}/${OPERATION_PATHS[operation]}`, method: 'POST' };
		}
		links.schema = {
			href: `${context.origin()}/api/v1/meta/schemas/user/${OKTA_ID_PREFIX.userSchema}${user.type.id.slice(3)}`,
		};
		links.type = { href: `${context.origin()}/api/v1/meta/types/user/${user.type.id}` };
	}
	links.self = { href: self };
	return { ...user, _links: links };
}

/** The group as Okta writes it, with its logo, users and apps links (and member counts with `expand=stats`). */
export function renderGroup(
	group: OktaGroupRecord,
	context: EmulatorContext,
	stats = false,
): Record<string, unknown> {
	const origin = context.origin();
	const self = `${origin}/api/v1/groups/${group.id}`;
	return {
		...group,
		...(stats
			? {
					_embedded: {
						stats: {
							usersCount: context.store.memberIdsOf(group.id).length,
							appsCount: 0,
							groupPushMappingsCount: 0,
							hasAdminPrivlege: false,
						},
					},
				}
			: {}),
		_links: {
			logo: [
				{
					name: 'medium',
					href: `${origin}/assets/img/logos/groups/odyssey/okta-medium.png`,
					type: 'image/png',
				},
				{
					name: 'large',
					href: `${origin}/assets/img/logos/groups/odyssey/okta-large.png`,
					type: 'image/png',
				},
			],
			users: { href: `${self}/users` },
			apps: { href: `${self}/apps` },
		},
	};
}
