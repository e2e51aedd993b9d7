/**
 * Okta event hook deliveries → trigger items (docs/items.md "Trigger → List").
 * Pure: the node passes the request body, the chosen event types and a plain
 * object from workflow static data that remembers the uuids already seen.
 * One malformed event never costs the others: it is reported and left out,
 * because a failed answer makes Okta retry once and then drop the whole delivery.
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

/**
 * The entries of `data.events`, unchecked; throws `EventHookDeliveryError`
 * when the body as a whole is not an Okta event hook delivery (then nothing in
 * it can be trusted, and the answer is a 400).
 */
export function deliveryEntries(body: unknown): unknown[] {
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
	const data = delivery.data;
	const events = data && typeof data === 'object' ? data.events : undefined;
	if (!Array.isArray(events))
		throw new EventHookDeliveryError('Okta event hook delivery without data.events');
	return events;
}

/** The log events of a delivery (entries without a uuid and eventType left out). */
export function parseDelivery(body: unknown): OktaLogEvent[] {
	return deliveryEntries(body).filter(isLogEvent);
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
	const user = eventUser(event);
	return typeof user === 'string' ? undefined : user;
}

/** The event's `User` target, or why the event has none that can be used. */
function eventUser(event: OktaLogEvent): EventHookUser | string {
	const targets: unknown = event.target;
	if (targets === undefined || targets === null) return 'no target';
	if (!Array.isArray(targets)) return 'target is not a list';
	const target = (targets as unknown[]).find(
		(t): t is OktaLogTarget => !!t && typeof t === 'object' && (t as OktaLogTarget).type === 'User',
	);
	if (!target) return 'no User target';
	if (typeof target.id !== 'string' || target.id.trim() === '') return 'the User target has no id';
	return {
		id: target.id,
		login: textOrNull(target.alternateId),
		displayName: textOrNull(target.displayName),
	};
}

function textOrNull(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
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

/** An event of a delivery that was left out because it cannot be read; safe to log (no event content). */
export interface SkippedEvent {
	/** 0-based position in `data.events`. */
	position: number;
	uuid: string | null;
	eventType: string | null;
	reason: string;
}

export interface DeliveryReading {
	/** One per new event of a chosen type that names a user. */
	items: EventHookItem[];
	/** Entries in `data.events`. */
	received: number;
	/** Events of a chosen type already delivered before (Okta retries, repeated uuids). */
	repeated: number;
	/** Malformed entries, and events of a chosen type without a usable `User` target. */
	skipped: SkippedEvent[];
}

/**
 * Reads a delivery event by event: one item per event of a chosen type that
 * names a user and was not delivered before. An entry that cannot be read is
 * skipped and reported, and the others still count; only a body that is not a
 * delivery at all throws. Events without a `User` target are skipped too: the
 * next node fetches users by `userId`, and an empty id would mean "every user".
 * Events of other types are acknowledged and ignored, whatever their shape.
 */
export function readDelivery(body: unknown, options: EventHookOptions): DeliveryReading {
	const entries = deliveryEntries(body);
	const wanted = new Set(options.eventTypes);
	const candidates: Array<{ uuid: string; event: OktaLogEvent; user: EventHookUser }> = [];
	const skipped: SkippedEvent[] = [];
	entries.forEach((entry, position) => {
		const problem = (reason: string): SkippedEvent => ({
			position,
			uuid: loggable((entry as OktaLogEvent | null)?.uuid),
			eventType: loggable((entry as OktaLogEvent | null)?.eventType),
			reason,
		});
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			skipped.push(problem('not an object'));
			return;
		}
		if (!isLogEvent(entry)) {
			skipped.push(problem('no uuid or eventType'));
			return;
		}
		if (!wanted.has(entry.eventType)) return;
		const user = eventUser(entry);
		if (typeof user === 'string') skipped.push(problem(user));
		else candidates.push({ uuid: entry.uuid, event: entry, user });
	});
	const fresh = takeUnseen(options.memory, candidates, options.maxRemembered);
	return {
		items: fresh.map(({ event, user }) => toItem(event, user)),
		received: entries.length,
		repeated: candidates.length - fresh.length,
		skipped,
	};
}

/** A short, single-line copy of an identifier from the body, fit for a log line. */
function loggable(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const line = Array.from(value, (c) => (c < ' ' || c === '\u007f' ? ' ' : c))
		.join('')
		.replace(/ {2,}/g, ' ')
		.trim();
	return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

/** The trigger items of a delivery (see `readDelivery`, which also reports what it left out). */
export function eventHookItems(body: unknown, options: EventHookOptions): EventHookItem[] {
	return readDelivery(body, options).items;
}

/**
 * The JSON body the trigger answers a delivery with. Okta reads only the
 * status; the counts help whoever inspects a delivery (Okta's hook preview, a
 * proxy log). Nothing from the events themselves.
 */
export interface DeliveryAcknowledgement {
	received: number;
	items: number;
	repeated: number;
	skipped: number;
}

export function deliveryAcknowledgement(reading: DeliveryReading): DeliveryAcknowledgement {
	return {
		received: reading.received,
		items: reading.items.length,
		repeated: reading.repeated,
		skipped: reading.skipped.length,
	};
}

/** One log line per skipped event: position, uuid, type and reason, never the event's content. */
export function skippedEventMessage(skipped: SkippedEvent, received: number): string {
	const what = [skipped.eventType, skipped.uuid ? `uuid ${skipped.uuid}` : 'no uuid']
		.filter(Boolean)
		.join(', ');
	return `Okta event hook: skipped event ${skipped.position + 1} of ${received} (${what}): ${skipped.reason}`;
}

/** The answer to Okta's one-time verification request, or undefined when the challenge header is missing. */
export function verificationAnswer(challenge: unknown): { verification: string } | undefined {
	const value = Array.isArray(challenge) ? challenge[0] : challenge;
	return typeof value === 'string' && value.length > 0 ? { verification: value } : undefined;
}
