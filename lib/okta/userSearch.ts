import { OKTA_STATUSES } from '../core/types';
import type { ListUsersOptions, OktaStatus } from './types';

/** Query parameters for `/api/v1/users` that honour every option in one request stream. */
export interface UserListingQuery {
	search?: string;
	filter?: string;
	q?: string;
	/** Statuses to keep client-side (only with `q`, which Okta cannot combine with a status filter). */
	localStatuses?: OktaStatus[];
}

/** `status eq "A" or status eq "B"`; with no statuses given, all of them. */
export function statusClause(statuses: readonly OktaStatus[] | undefined): string {
	const list = statuses && statuses.length > 0 ? statuses : OKTA_STATUSES;
	return [...new Set(list)].map((status) => `status eq "${status}"`).join(' or ');
}

/**
 * Okta's `GET /api/v1/users` leaves DEPROVISIONED users out unless a search or
 * filter is given. So an empty status list becomes a search naming every
 * status: one listing, still ⌈users/200⌉ pages, every user included.
 * User search, updated-since and statuses are and-ed into one expression.
 */
export function userListingQuery(options: ListUsersOptions): UserListingQuery {
	const statuses =
		options.statuses && options.statuses.length > 0 ? [...options.statuses] : undefined;
	if (options.q) return { q: options.q, localStatuses: statuses };

	const clauses: string[] = [];
	const own = (options.search ?? options.filter)?.trim();
	if (own) clauses.push(own);
	if (options.updatedSince) clauses.push(`lastUpdated gt "${toOktaInstant(options.updatedSince)}"`);
	// An own expression or a date clause already returns every status; add statuses only when asked.
	if (statuses || clauses.length === 0) clauses.push(statusClause(statuses));

	const expression = clauses.length === 1 ? clauses[0] : clauses.map((c) => `(${c})`).join(' and ');
	return options.search || !options.filter ? { search: expression } : { filter: expression };
}

/** Okta compares `lastUpdated` with instants written `2024-01-31T10:00:00.000Z`. */
export function toOktaInstant(value: string): string {
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) throw new RangeError(`"${value}" is not a date`);
	return date.toISOString();
}
