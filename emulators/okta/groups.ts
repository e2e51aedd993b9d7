/**
 * `/api/v1/groups`: list (`q`, `search`, `filter`, `limit`/`after` with Link
 * paging, `expand=stats`), one group, and its members (limit ≤ 1000).
 */
import type { EmulatorRequest, EmulatorResponse, EmulatorServer } from '../server';
import type { EmulatorContext } from './context';
import { errors } from './errors';
import { readPath } from './filter';
import { linkHeader, pageAfterItem, pageOf, readLimit, sortForSearch } from './paging';
import { renderGroup, renderUser } from './render';
import { readSelection, RULE, rulesFrom, type SelectionRules } from './selection';
import { byId, itself } from './sorted';
import type { OktaGroupRecord } from './types';

const LIST_LIMIT = { defaultLimit: 10000, maxLimit: 10000 };
/** `q` is for pickers: one page, 300 by default, no paging. */
const QUERY_LIMIT = { defaultLimit: 300, maxLimit: 10000 };
const MEMBER_LIMIT = { defaultLimit: 1000, maxLimit: 1000 };

export const GROUP_SELECTION: SelectionRules<OktaGroupRecord> = {
	filter: rulesFrom(
		{
			id: RULE.eqOnly,
			type: RULE.eqOnly,
			lastUpdated: RULE.dateFilter,
			lastMembershipUpdated: RULE.dateFilter,
		},
		false,
	),
	search: rulesFrom(
		{
			id: RULE.textSearch,
			type: RULE.textSearch,
			'source.id': RULE.textSearch,
			created: RULE.dateSearch,
			lastUpdated: RULE.dateSearch,
			lastMembershipUpdated: RULE.dateSearch,
			'profile.name': RULE.textSearchWithContains,
			'profile.description': RULE.textSearchWithContains,
		},
		true,
		RULE.textSearch,
	),
};

export function registerGroupRoutes(server: EmulatorServer, context: EmulatorContext): void {
	server.route('GET', '/api/v1/groups', (req) => listGroups(req, context));
	server.route('GET', '/api/v1/groups/:id', (req) => {
		const group = context.store.group(req.params.id);
		return group
			? { status: 200, body: renderGroup(group, context, expandsStats(req)) }
			: errors.notFound(req.params.id, 'UserGroup');
	});
	server.route('GET', '/api/v1/groups/:id/users', (req) => listMembers(req, context));
}

function expandsStats(req: EmulatorRequest): boolean {
	return (req.query.get('expand') ?? '').split(',').includes('stats');
}

function listGroups(req: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
	const { store } = context;
	const stats = expandsStats(req);
	const q = req.query.get('q');
	if (q !== null && req.query.get('search') === null && req.query.get('filter') === null) {
		const limit = readLimit(req.query, QUERY_LIMIT);
		const prefix = q.toLowerCase();
		const { items } = pageOf(store.groups, byId, undefined, limit, (group) =>
			group.profile.name.toLowerCase().startsWith(prefix),
		);
		return groupsAnswer(items, req, context, limit, stats);
	}
	const selection = readSelection(req, GROUP_SELECTION);
	if (selection.kind === 'error') return selection.answer;
	const limit = readLimit(req.query, LIST_LIMIT);
	const after = req.query.get('after') ?? undefined;
	const sortBy = req.query.get('sortBy');
	if (selection.kind === 'search' && sortBy) {
		const ordered = sortForSearch(
			store.groups.filter(selection.predicate),
			sortBy,
			req.query.get('sortOrder') === 'desc',
			readPath,
		);
		const page = pageAfterItem(ordered, byId, after, limit);
		return groupsAnswer(page.items, req, context, limit, stats, page.nextAfter);
	}
	const page = pageOf(
		store.groups,
		byId,
		after,
		limit,
		selection.kind === 'all' ? undefined : selection.predicate,
	);
	return groupsAnswer(page.items, req, context, limit, stats, page.nextAfter);
}

function groupsAnswer(
	groups: OktaGroupRecord[],
	req: EmulatorRequest,
	context: EmulatorContext,
	limit: number,
	stats: boolean,
	nextAfter?: string,
): EmulatorResponse {
	return {
		status: 200,
		headers: { Link: linkHeader(context.origin(), req, limit, nextAfter) },
		body: groups.map((group) => renderGroup(group, context, stats)),
	};
}

function listMembers(req: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
	const group = context.store.group(req.params.id);
	if (!group) return errors.notFound(req.params.id, 'UserGroup');
	const limit = readLimit(req.query, MEMBER_LIMIT);
	const page = pageOf(
		context.store.memberIdsOf(group.id),
		itself,
		req.query.get('after') ?? undefined,
		limit,
	);
	return {
		status: 200,
		headers: { Link: linkHeader(context.origin(), req, limit, page.nextAfter) },
		body: page.items.map((userId) => renderUser(context.store.user(userId)!, context, 'list')),
	};
}
