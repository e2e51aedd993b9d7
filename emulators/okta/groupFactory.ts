/**
 * Builds group records the way Okta shapes them (every group an
 * `okta:user_group`), for the generator, fixtures and the store alike.
 */
import { oktaTimestamp } from './time';
import type { OktaGroupRecord, OktaGroupType } from './types';

/** Moments in a group's life, in ms; the later ones default to `created`. */
export interface GroupTimeline {
	created: number;
	lastUpdated?: number;
	lastMembershipUpdated?: number;
}

export function buildGroup(
	id: string,
	profile: { name: string; description: string | null },
	timeline: GroupTimeline,
	type: OktaGroupType = 'OKTA_GROUP',
): OktaGroupRecord {
	return {
		id,
		created: oktaTimestamp(timeline.created),
		lastUpdated: oktaTimestamp(timeline.lastUpdated ?? timeline.created),
		lastMembershipUpdated: oktaTimestamp(timeline.lastMembershipUpdated ?? timeline.created),
		objectClass: ['okta:user_group'],
		type,
		profile: { name: profile.name, description: profile.description },
	};
}

/** Okta's built-in group that every user belongs to. */
export function buildEveryoneGroup(id: string, timeline: GroupTimeline): OktaGroupRecord {
	return buildGroup(
		id,
		{ name: 'Everyone', description: 'All users in your organization' },
		timeline,
		'BUILT_IN',
	);
}
