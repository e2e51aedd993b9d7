/**
 * `/api/v1/users`: list (limit ≤ 200, `after`, Link paging; `filter`,
 * `search` with `sortBy`, `q`; DEPROVISIONED users only with a filter or
 * search), one user by id or login, `/users/me`, and a user's groups.
 */
import type { EmulatorRequest, EmulatorResponse, EmulatorServer } from '../server';
import { callerOf } from './auth';
import type { EmulatorContext } from './context';
import { errors } from './errors';
import { readPath } from './filter';
import { linkHeader, pageAfterItem, pageOf, readLimit, sortForSearch } from './paging';
import { renderGroup, renderUser } from './render';
import { readSelection, RULE, rulesFrom, type SelectionRules } from './selection';
import { byId } from './sorted';
import type { OktaUserRecord } from './types';

const LIST_LIMIT = { defaultLimit: 200, maxLimit: 200 };
/** With `q`, Okta returns one page of 10 by default and does not page further. */
const QUERY_LIMIT = { defaultLimit: 10, maxLimit: 200 };

export const USER_SELECTION: SelectionRules<OktaUserRecord> = {
	// filter: a fixed set of properties, `eq` only, plus comparisons on lastUpdated; values case-sensitive.
	filter: rulesFrom(
		{
			status: RULE.eqOnly,
			id: RULE.eqOnly,
			'profile.login': RULE.eqOnly,
			'profile.email': RULE.eqOnly,
			'profile.firstName': RULE.eqOnly,
			'profile.lastName': RULE.eqOnly,
			lastUpdated: RULE.dateFilter,
		},
		false,
	),
	// search: any profile attribute and the top-level ones; values case-insensitive; `co` on four attributes.
	search: rulesFrom(
		{
			id: RULE.textSearch,
			status: RULE.textSearch,
			'type.id': RULE.textSearch,
			created: RULE.dateSearch,
			activated: RULE.dateSearch,
			statusChanged: RULE.dateSearch,
			lastUpdated: RULE.dateSearch,
			'profile.firstName': RULE.textSearchWithContains,
			'profile.lastName': RULE.textSearchWithContains,
			'profile.email': RULE.textSearchWithContains,
			'profile.login': RULE.textSearchWithContains,
		},
		true,
		RULE.textSearch,
	),
};

export function registerUserRoutes(server: EmulatorServer, context: EmulatorContext): void {
	server.route('GET', '/api/v1/users', (req) => listUsers(req, context));
	server.route('GET', '/api/v1/users/me', (req) => {
		const userId = callerOf(req)?.userId;
		const user = userId ? context.store.user(userId) : undefined;
		return user
			? { status: 200, body: renderUser(user, context, 'full') }
			: errors.notFound('me', 'User');
	});
	server.route('GET', '/api/v1/users/:id', (req) => {
		const user = context.store.user(req.params.id);
		return user
			? { status: 200, body: renderUser(user, context, 'full') }
			: errors.notFound(req.params.id, 'User');
	});
	server.route('GET', '/api/v1/users/:id/groups', (req) => {
		const user = context.store.user(req.params.id);
		if (!user) return errors.notFound(req.params.id, 'User');
		return {
			status: 200,
			body: context.store.groupsOf(user.id).map((group) => renderGroup(group, context)),
		};
	});
}

function listUsers(req: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
	const { store } = context;
	const q = req.query.get('q');
	if (q !== null && req.query.get('search') === null && req.query.get('filter') === null) {
		const limit = readLimit(req.query, QUERY_LIMIT);
		const prefix = q.toLowerCase();
		const matches = (user: OktaUserRecord): boolean =>
			user.status !== 'DEPROVISIONED' &&
			[user.profile.firstName, user.profile.lastName, user.profile.email].some(
				(value) => typeof value === 'string' && value.toLowerCase().startsWith(prefix),
			);
		const { items } = pageOf(store.users, byId, undefined, limit, matches);
		return listAnswer(items, req, context, limit);
	}

	const selection = readSelection(req, USER_SELECTION);
	if (selection.kind === 'error') return selection.answer;
	const limit = readLimit(req.query, LIST_LIMIT);
	const after = req.query.get('after') ?? undefined;
	const sortBy = req.query.get('sortBy');
	if (selection.kind === 'search' && sortBy) {
		const ordered = sortForSearch(
			store.users.filter(selection.predicate),
			sortBy,
			req.query.get('sortOrder') === 'desc',
			readPath,
		);
		const page = pageAfterItem(ordered, byId, after, limit);
		return listAnswer(page.items, req, context, limit, page.nextAfter);
	}
	const accept =
		selection.kind === 'all'
			? (user: OktaUserRecord) => user.status !== 'DEPROVISIONED'
			: selection.predicate;
	const page = pageOf(store.users, byId, after, limit, accept);
	return listAnswer(page.items, req, context, limit, page.nextAfter);
}

function listAnswer(
	users: OktaUserRecord[],
	req: EmulatorRequest,
	context: EmulatorContext,
	limit: number,
	nextAfter?: string,
): EmulatorResponse {
	return {
		status: 200,
		headers: { Link: linkHeader(context.origin(), req, limit, nextAfter) },
		body: users.map((user) => renderUser(user, context, 'list')),
	};
}
