/**
 * Halo's "New User Onboarding" tab as pure helpers: which items get a ticket,
 * the ticket body (summary and details templated from the person, ticket field
 * mappings incl. custom fields), and the ledger that keeps it to one
 * onboarding ticket per person ever (existing tickets, plus those made in this
 * run, indexed by Halo user id).
 */
import { readSource, renderText } from './template';
import type { FieldMapping, MappingConfig, UpsertResultItem } from './types';
import { isEmptyValue, toText } from './values';

export type OnboardingSettings = NonNullable<MappingConfig['onboarding']>;

export const DEFAULT_ONBOARDING_SUMMARY = 'New starter: {{record.name}}';
export const DEFAULT_ONBOARDING_DETAILS =
	'{{record.name}} ({{okta.login}}) has been created in Halo from Okta. Please prepare their accounts and equipment.';

/** Halo's `CustomField` as a ticket carries it: by `id` or by `name` (e.g. `CFStartDate`). */
export interface TicketCustomField {
	id?: number;
	name?: string;
	value: unknown;
}

/** A `Faults` body for `POST /api/Tickets`. */
export interface OnboardingTicket {
	summary: string;
	details: string;
	tickettype_id: number;
	template_id?: number;
	user_id: number;
	client_id?: number;
	site_id?: number;
	customfields?: TicketCustomField[];
	[field: string]: unknown;
}

/** Where the new user lives in Halo; the ticket is logged for that client and site. */
export interface TicketPlacement {
	client_id?: number;
	site_id?: number;
}

/** Fields the mappings may not set: they decide whose ticket it is and of which type. */
const FIXED_FIELDS = new Set(['id', 'user_id', 'tickettype_id', 'template_id']);

/**
 * What placeholders and field sources read: the item itself (`record.name`,
 * `okta.profile.department`, `haloId`), and, for brevity, the Okta user's
 * fields (`profile.department`, `login`, even `department`).
 */
export function onboardingScope(item: Partial<UpsertResultItem>): object {
	return { ...(item.okta ?? {}), ...item };
}

const DAY_MS = 86_400_000;

/**
 * `onboarding.createdWithinDays`: only people created in Okta that recently
 * are new starters (a first import of an existing directory opens no
 * tickets). Undefined when the person qualifies.
 */
function notRecentReason(
	item: Partial<UpsertResultItem>,
	createdWithinDays: number,
	now: number,
): string | undefined {
	const created = Date.parse(String(item.okta?.created ?? ''));
	if (Number.isNaN(created))
		return `Okta gives no creation date for this person; onboarding.createdWithinDays (${createdWithinDays}) needs it.`;
	if (now - created > createdWithinDays * DAY_MS)
		return `Created in Okta on ${new Date(created).toISOString().slice(0, 10)}, more than ${createdWithinDays} days ago (onboarding.createdWithinDays).`;
	return undefined;
}

/** Why an item gets no onboarding ticket, or undefined when it should get one. */
export function onboardingSkipReason(
	item: Partial<UpsertResultItem>,
	onlyCreated: boolean,
	recent: { createdWithinDays?: number; now?: number } = {},
): string | undefined {
	if (item.action === 'failed') return 'The upsert of this person failed.';
	if (onlyCreated && item.action !== 'created')
		return `Not newly created (action: ${item.action ?? 'none'}).`;
	if (item.target === 'agent')
		return 'Agents are not Halo end users; onboarding tickets are logged for users.';
	if (typeof item.haloId !== 'number') return 'The item has no Halo user id.';
	if (recent.createdWithinDays !== undefined)
		return notRecentReason(item, recent.createdWithinDays, recent.now ?? Date.now());
	return undefined;
}

/** The ticket to log for this person. */
export function buildOnboardingTicket(
	item: Partial<UpsertResultItem>,
	settings: OnboardingSettings,
	placement: TicketPlacement,
): OnboardingTicket {
	const scope = onboardingScope(item);
	const ticket: OnboardingTicket = {
		summary: renderText(scope, settings.summary ?? DEFAULT_ONBOARDING_SUMMARY).trim(),
		details: renderText(scope, settings.details ?? DEFAULT_ONBOARDING_DETAILS),
		tickettype_id: settings.ticketTypeId,
		user_id: item.haloId as number,
	};
	if (settings.templateId !== undefined) ticket.template_id = settings.templateId;
	if (placement.client_id !== undefined) ticket.client_id = placement.client_id;
	if (placement.site_id !== undefined) ticket.site_id = placement.site_id;
	const customfields: TicketCustomField[] = [];
	for (const mapping of settings.fields ?? []) {
		const value = mappedValue(scope, mapping);
		if (value === undefined) continue;
		const custom = customFieldKey(mapping.halo);
		if (custom) customfields.push({ ...custom, value });
		else if (!FIXED_FIELDS.has(mapping.halo)) ticket[mapping.halo] = value;
	}
	if (customfields.length > 0) ticket.customfields = customfields;
	return ticket;
}

/**
 * A Halo custom field name (`CF…`, Halo's own prefix) or `customfield_<id>`
 * becomes a `customfields` entry; anything else is a ticket field. (Mapping
 * field names are plain identifiers, so the id form has no dot.)
 */
export function customFieldKey(halo: string): { id: number } | { name: string } | undefined {
	const byId = /^customfield_(\d+)$/i.exec(halo.trim());
	if (byId) return { id: Number(byId[1]) };
	return /^CF[A-Za-z0-9_]/.test(halo) ? { name: halo } : undefined;
}

/** Paths keep Okta's type; templates give text; `…_id` fields given as digits become numbers (Halo wants integers). */
function mappedValue(scope: object, mapping: FieldMapping): unknown {
	const raw = readSource(scope, mapping.okta);
	if (isEmptyValue(raw)) return mapping.populateEmpty ? '' : undefined;
	if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
	const text = toText(raw).trim();
	if (/_id$/.test(mapping.halo) && /^\d+$/.test(text)) return Number(text);
	return text;
}

/** Existing tickets by Halo user id → the earliest ticket id (tickets without a user are ignored). */
export function indexTicketsByUser(
	tickets: ReadonlyArray<Record<string, unknown>>,
): Map<number, number> {
	const byUser = new Map<number, number>();
	for (const ticket of tickets) {
		const user = Number(ticket.user_id);
		const id = Number(ticket.id);
		if (!Number.isInteger(user) || user <= 0 || !Number.isFinite(id)) continue;
		const known = byUser.get(user);
		if (known === undefined || id < known) byUser.set(user, id);
	}
	return byUser;
}

/**
 * One onboarding ticket per person: seeded with the tickets Halo already has,
 * it refuses a second claim for the same user, whether the first came from an
 * earlier run or from a repeated item in this one.
 */
export class OnboardingLedger {
	private readonly claimed = new Set<number>();

	constructor(private readonly existing: Map<number, number> = new Map()) {}

	/** A skip reason, or undefined after reserving the user for a ticket in this run. */
	claim(userId: number): string | undefined {
		const ticketId = this.existing.get(userId);
		if (ticketId !== undefined) return `Already has onboarding ticket ${ticketId}.`;
		if (this.claimed.has(userId))
			return 'Repeated input: this person gets one onboarding ticket in this run.';
		this.claimed.add(userId);
		return undefined;
	}

	/** Frees a reservation whose ticket could not be logged, so a later item may try again. */
	release(userId: number): void {
		this.claimed.delete(userId);
	}

	/** Remembers a logged ticket (for later items in the same run). */
	logged(userId: number, ticketId: number): void {
		this.existing.set(userId, ticketId);
	}
}

/** Halo's refusal of a ticket whose type has a CAB approval process and no approvers chosen. */
export function isCabApprovalRefusal(message: string | undefined): boolean {
	return typeof message === 'string' && /APP03/i.test(message);
}

export function cabApprovalMessage(ticketType: { id: number; name?: string }): string {
	const label = ticketType.name ? `"${ticketType.name}" (${ticketType.id})` : String(ticketType.id);
	return `Halo refused the ticket because ticket type ${label} needs CAB approval: choose a ticket type without CAB approval, or set its approvers (CAB) in Halo.`;
}

/** Whether the ticket names its own approvers, so a CAB-approval type may still accept it. */
export function carriesApprovers(ticket: OnboardingTicket): boolean {
	return Object.keys(ticket).some((field) => /^(new_approvalprocess|approvers$)/.test(field));
}
