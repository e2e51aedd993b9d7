/**
 * Okta event hook deliveries → trigger items (docs/items.md "Trigger → List").
 * Pure: the node passes the request body, the chosen event types and a plain
 * object from workflow static data that remembers the uuids already seen.
 */

export const EVENT_HOOK_DELIVERY_TYPE = 'com.okta.event_hook';

/** Default event types of the trigger (docs/public-surface.md). */
export const DEFAULT_EVENT_TYPES = ['user.lifecycle.create', 'user.lifecycle.activate'];

/**
 * How many event uuids the dedupe memory keeps. Okta retries a delivery once,
 * seconds later, so a few thousand covers bursts such as a bulk import while
 * keeping the static data n8n saves after every call small (~70 KB).
 */
export const DEFAULT_DEDUPE_SIZE = 2000;

export interface OktaLogTarget {
	id: string;
	type: string;
	alternateId?: string | null;
	displayName?: string | null;
	[key: string]: unknown;
}

/** The parts of an Okta LogEvent the trigger reads; the rest is passed on untouched. */
export interface OktaLogEvent {
	uuid: string;
	eventType: string;
	published?: string;
	target?: OktaLogTarget[] | null;
	[key: string]: unknown;
}

export interface EventHookUser {
	id: string;
	login: string | null;
	displayName: string | null;
}

export interface EventHookItem {
	eventType: string;
	uuid: string;
	published: string | null;
	userId: string;
	user: EventHookUser;
	event: OktaLogEvent;
}

/** Kept in workflow static data: uuids oldest first. */
export interface DedupeMemory {
	uuids?: string[];
}

export class EventHookDeliveryError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EventHookDeliveryError';
	}
}

/** The events of a delivery; throws `EventHookDeliveryError` when the body is not an Okta event hook delivery. */
export function parseDelivery(body: unknown): OktaLogEvent[] {
	const delivery = body as { eventType?: unknown; data?: { events?: unknown } } | null;
	if (
		!delivery ||
		typeof delivery !== 'object' ||
		delivery.eventType !== EVENT_HOOK_DELIVERY_TYPE
	) {
		throw new EventHookDeliveryError(
			`Not an Okta event hook delivery (eventType must be ${EVENT_HOOK_DELIVERY_TYPE})`,
		);
	}
	const events = delivery.data?.events;
	if (!Array.isArray(events))
		throw new EventHookDeliveryError('Okta event hook delivery without data.events');
	return events.filter(isLogEvent);
}

function isLogEvent(value: unknown): value is OktaLogEvent {
	const event = value as Partial<OktaLogEvent> | null;
	return (
		!!event &&
		typeof event === 'object' &&
		typeof event.uuid === 'string' &&
		typeof event.eventType === 'string'
	);
}

/** The event's `User` target (for group membership events the member; the group stays in `event.target`). */
export function userTarget(event: OktaLogEvent): EventHookUser | undefined {
	const target = (event.target ?? []).find(
		(t) => t && t.type === 'User' && typeof t.id === 'string',
	);
	if (!target) return undefined;
	return {
		id: target.id,
		login: target.alternateId ?? null,
		displayName: target.displayName ?? null,
	};
}

export function toItem(event: OktaLogEvent, user: EventHookUser): EventHookItem {
	return {
		eventType: event.eventType,
		uuid: event.uuid,
		published: event.published ?? null,
		userId: user.id,
		user,
		event,
	};
}

/**
 * Keeps the events whose uuid was not seen before (in this delivery or an
 * earlier one) and remembers them, dropping the oldest beyond `maxSize`.
 * Mutates `memory` so n8n persists it with the workflow's static data.
 */
export function takeUnseen<T extends { uuid: string }>(
	memory: DedupeMemory,
	events: T[],
	maxSize = DEFAULT_DEDUPE_SIZE,
): T[] {
	const remembered = Array.isArray(memory.uuids) ? memory.uuids : [];
	const seen = new Set(remembered);
	const fresh: T[] = [];
	for (const event of events) {
		if (seen.has(event.uuid)) continue;
		seen.add(event.uuid);
		fresh.push(event);
		remembered.push(event.uuid);
	}
	if (remembered.length > maxSize) remembered.splice(0, remembered.length - maxSize);
	// Assign only on change: n8n saves the workflow's static data whenever it is written.
	if (fresh.length > 0 || memory.uuids !== remembered) memory.uuids = remembered;
	return fresh;
}

export interface EventHookOptions {
	eventTypes: string[];
	memory: DedupeMemory;
	maxRemembered?: number;
}

/**
 * One item per event of a chosen type that names a user and was not delivered
 * before. Events without a `User` target are left out: the next node fetches
 * users by `userId`, and an empty id would mean "every user".
 */
export function eventHookItems(body: unknown, options: EventHookOptions): EventHookItem[] {
	const wanted = new Set(options.eventTypes);
	const candidates: Array<{ uuid: string; event: OktaLogEvent; user: EventHookUser }> = [];
	for (const event of parseDelivery(body)) {
		if (!wanted.has(event.eventType)) continue;
		const user = userTarget(event);
		if (user) candidates.push({ uuid: event.uuid, event, user });
	}
	return takeUnseen(options.memory, candidates, options.maxRemembered).map(({ event, user }) =>
		toItem(event, user),
	);
}

/** The answer to Okta's one-time verification request, or undefined when the challenge header is missing. */
export function verificationAnswer(challenge: unknown): { verification: string } | undefined {
	const value = Array.isArray(challenge) ? challenge[0] : challenge;
	return typeof value === 'string' && value.length > 0 ? { verification: value } : undefined;
}
