import { sameName } from '../core/names';
import { sendWithRetry } from '../http/sendWithRetry';
import type { RetryOptions } from '../http/sendWithRetry';
import type { HttpRequest, HttpResponse, QueryValue, RequestFn } from '../http/types';
import { errorFromResponse } from './errorFromResponse';
import { nextLink } from './linkHeader';
import { OktaApiError } from './OktaApiError';
import { normalizeOrgUrl } from './orgUrl';
import { OKTA_RETRY_POLICY } from './retryPolicy';
import type {
	LimitOption,
	ListAppsOptions,
	ListGroupsOptions,
	ListUsersOptions,
	OktaApp,
	OktaAppDetail,
	OktaAppUser,
	OktaOrgMetadata,
	OktaGroup,
	OktaGroupRef,
	OktaUser,
} from './types';
import { userListingQuery } from './userSearch';

/** Okta's largest page per endpoint. */
export const PAGE_SIZE = {
	users: 200,
	groups: 200,
	groupMembers: 1000,
	apps: 200,
	appUsers: 500,
	userGroups: 200,
} as const;

/** Okta's largest `limit` for a group `q` query; Okta does not page `q`, so one answer must hold every prefix match. */
export const GROUP_QUERY_LIMIT = 10_000;

export interface OktaClientOptions {
	/** The org URL (`https://acme.okta.com`); checked with `normalizeOrgUrl`. */
	orgUrl: string;
	/** Carries authentication (n8n's credential, or a test's own); see lib/http/types.ts. */
	request: RequestFn;
	retry?: RetryOptions;
}

type Query = Record<string, QueryValue>;

/**
 * Okta management API, read side. Every call goes through `send`, the one
 * request point: it retries rate limits (until `X-Rate-Limit-Reset`), 5xx and
 * dropped connections, and turns every other non-2xx answer into `OktaApiError`.
 */
export class OktaClient {
	readonly orgUrl: string;
	private readonly request: RequestFn;
	private readonly retry: RetryOptions;

	constructor(options: OktaClientOptions) {
		this.orgUrl = normalizeOrgUrl(options.orgUrl);
		this.request = options.request;
		this.retry = options.retry ?? {};
	}

	/**
	 * The one request point. `pathOrUrl` is an API path or an absolute URL on the
	 * org (a `Link` next page). Only idempotent calls (GET by default) are retried
	 * after a 5xx or a dropped connection; a 429 is always waited out and retried.
	 */
	async send<T>(
		method: HttpRequest['method'],
		pathOrUrl: string,
		options: { query?: Query; body?: unknown; idempotent?: boolean } = {},
	): Promise<{ body: T; headers: HttpResponse['headers'] }> {
		const request: HttpRequest = {
			method,
			url: this.absolute(pathOrUrl),
			query: options.query,
			body: options.body,
		};
		const idempotent =
			options.idempotent ?? (method === 'GET' || method === 'PUT' || method === 'DELETE');
		const response = await sendWithRetry(
			this.request,
			request,
			idempotent,
			OKTA_RETRY_POLICY,
			this.retry,
		);
		if (response.status < 200 || response.status > 299) throw errorFromResponse(request, response);
		return { body: response.body as T, headers: response.headers };
	}

	/** One page of a list endpoint and the absolute `Link: rel="next"` URL, if there is a next page. */
	async page<T>(pathOrNextUrl: string, query?: Query): Promise<{ items: T[]; next?: string }> {
		// A next URL already carries every query parameter, including the `after` cursor.
		const { body, headers } = await this.send<T[]>('GET', pathOrNextUrl, {
			query: pathOrNextUrl.startsWith('/') ? query : undefined,
		});
		if (!Array.isArray(body)) {
			throw new OktaApiError({
				status: 200,
				errorSummary: `Okta answered ${new URL(this.absolute(pathOrNextUrl)).pathname} with something other than a list`,
			});
		}
		return { items: body, next: body.length > 0 ? nextLink(headers.link) : undefined };
	}

	/**
	 * Pages of a list endpoint, following the `Link: rel="next"` URL until there
	 * is none. A next URL already followed means Okta is looping: stop with an
	 * error rather than read forever.
	 */
	async *pages<T>(path: string, query: Query): AsyncGenerator<T[]> {
		const followed = new Set<string>();
		let url: string | undefined = path;
		while (url) {
			const { items, next }: { items: T[]; next?: string } = await this.page<T>(url, query);
			yield items;
			if (next !== undefined && followed.has(next)) {
				throw new OktaApiError({
					status: 0,
					errorSummary: `Okta sent the same next page link twice (${next}); stopped paging instead of reading the same pages forever`,
				});
			}
			if (next !== undefined) followed.add(next);
			url = next;
		}
	}

	/** One page of groups for a picker (`q` = name prefix); pass `next` back for the following page. */
	groupsPage(q?: string, next?: string): Promise<{ items: OktaGroup[]; next?: string }> {
		return this.page<OktaGroup>(next ?? '/api/v1/groups', {
			q: q || undefined,
			limit: PAGE_SIZE.groups,
		});
	}

	/** One page of apps for a picker (`q` = label or name prefix). */
	appsPage(q?: string, next?: string): Promise<{ items: OktaApp[]; next?: string }> {
		return this.page<OktaApp>(next ?? '/api/v1/apps', { q: q || undefined, limit: PAGE_SIZE.apps });
	}

	/**
	 * Groups called `name` (case-insensitive): one `q` query, which matches name
	 * prefixes, narrowed to exact names. More than one means the name is ambiguous
	 * (app groups may share a name with an Okta group).
	 */
	async groupsNamed(name: string): Promise<OktaGroup[]> {
		const { items } = await this.page<OktaGroup>('/api/v1/groups', {
			q: name.trim(),
			limit: GROUP_QUERY_LIMIT,
		});
		return items.filter((group) => sameName(group.profile?.name, name));
	}

	/** Apps whose label (the name the Admin Console shows) is `label`, case-insensitive; `q` matches label prefixes. */
	async appsLabelled(label: string): Promise<OktaApp[]> {
		return (await this.listApps({ q: label.trim() })).filter((app) => sameName(app.label, label));
	}

	/** Users page by page; every status (DEPROVISIONED included) unless `statuses` narrows it. */
	async *userPages(options: ListUsersOptions = {}): AsyncGenerator<OktaUser[]> {
		const listing = userListingQuery(options);
		const keep = listing.localStatuses ? new Set<string>(listing.localStatuses) : undefined;
		const query: Query = {
			search: listing.search,
			filter: listing.filter,
			q: listing.q,
			limit: pageSize(PAGE_SIZE.users, options.limit),
		};
		for await (const page of this.pages<OktaUser>('/api/v1/users', query)) {
			yield keep ? page.filter((user) => keep.has(user.status)) : page;
		}
	}

	listUsers(options: ListUsersOptions = {}): Promise<OktaUser[]> {
		return collect(this.userPages(options), options.limit);
	}

	/** One user by id or login. */
	async getUser(idOrLogin: string): Promise<OktaUser> {
		return (
			await this.send<OktaUser>('GET', `/api/v1/users/${encodeURIComponent(idOrLogin.trim())}`)
		).body;
	}

	listGroups(options: ListGroupsOptions = {}): Promise<OktaGroup[]> {
		const query: Query = {
			q: options.q,
			search: options.search,
			filter: options.filter,
			limit: pageSize(PAGE_SIZE.groups, options.limit),
		};
		return collect(this.pages<OktaGroup>('/api/v1/groups', query), options.limit);
	}

	groupMemberPages(groupId: string, options: LimitOption = {}): AsyncGenerator<OktaUser[]> {
		const path = `/api/v1/groups/${encodeURIComponent(groupId)}/users`;
		return this.pages<OktaUser>(path, { limit: pageSize(PAGE_SIZE.groupMembers, options.limit) });
	}

	listGroupMembers(groupId: string, options: LimitOption = {}): Promise<OktaUser[]> {
		return collect(this.groupMemberPages(groupId, options), options.limit);
	}

	listApps(options: ListAppsOptions = {}): Promise<OktaApp[]> {
		const query: Query = {
			q: options.q,
			filter: options.filter,
			limit: pageSize(PAGE_SIZE.apps, options.limit),
		};
		return collect(this.pages<OktaApp>('/api/v1/apps', query), options.limit);
	}

	/** One app with its settings (an OIDC app's client settings and client id). */
	async getApp(appId: string): Promise<OktaAppDetail> {
		return (
			await this.send<OktaAppDetail>('GET', `/api/v1/apps/${encodeURIComponent(appId.trim())}`)
		).body;
	}

	/**
	 * Replaces an app (`PUT /api/v1/apps/{id}`): send the whole app as just read,
	 * changed where needed, since Okta replaces what is not sent. Needs the
	 * `okta.apps.manage` scope (or an admin who may edit the app); a refusal is a 403.
	 */
	async replaceApp(app: OktaAppDetail): Promise<OktaAppDetail> {
		let failure: unknown;
		try {
			return (
				await this.send<OktaAppDetail>('PUT', `/api/v1/apps/${encodeURIComponent(app.id)}`, {
					body: app,
				})
			).body;
		} catch (error) {
			failure = error;
		}
		// An API token's 403 names no scope; say which one changing an app needs.
		if (failure instanceof OktaApiError && failure.status === 403)
			failure = new OktaApiError({
				status: 403,
				errorCode: failure.errorCode,
				errorSummary: "Okta refused to change the app's sign-in settings",
				errorId: failure.errorId,
				requiredScope: 'okta.apps.manage',
				request: failure.request,
			});
		throw failure;
	}

	/** The app, or undefined when Okta has none with that id (404). */
	async findApp(appId: string): Promise<OktaAppDetail | undefined> {
		let failure: unknown;
		try {
			return await this.getApp(appId);
		} catch (error) {
			failure = error;
		}
		if (failure instanceof OktaApiError && failure.status === 404) return undefined;
		throw failure;
	}

	/** The org's public metadata: `_links.organization` is the primary okta domain, `_links.alternate` a custom domain. */
	async orgMetadata(): Promise<OktaOrgMetadata> {
		return (await this.send<OktaOrgMetadata>('GET', '/.well-known/okta-organization')).body;
	}

	/** The app's assignments (Okta's AppUser objects: app-specific profile and credentials). */
	listAppUsers(appId: string, options: LimitOption = {}): Promise<OktaAppUser[]> {
		const path = `/api/v1/apps/${encodeURIComponent(appId)}/users`;
		return collect(
			this.pages<OktaAppUser>(path, { limit: pageSize(PAGE_SIZE.appUsers, options.limit) }),
			options.limit,
		);
	}

	listUserGroups(userId: string): Promise<OktaGroup[]> {
		const path = `/api/v1/users/${encodeURIComponent(userId)}/groups`;
		return collect(this.pages<OktaGroup>(path, { limit: PAGE_SIZE.userGroups }));
	}

	/**
	 * Sets `user.groups = [{id, name}]` on every user by reading each group's
	 * members once (⌈members/1000⌉ requests a group), never one call per user.
	 * `groups` defaults to every group in the org (⌈groups/200⌉ requests).
	 */
	async attachGroups<U extends OktaUser>(users: U[], groups?: OktaGroup[]): Promise<U[]> {
		const all = groups ?? (await this.listGroups());
		const byUser = new Map<string, OktaGroupRef[]>(users.map((user) => [user.id, []]));
		for (const group of all) {
			const ref = groupRef(group);
			for await (const page of this.groupMemberPages(group.id)) {
				for (const member of page) byUser.get(member.id)?.push(ref);
			}
		}
		for (const user of users) user.groups = byUser.get(user.id) ?? [];
		return users;
	}

	/**
	 * Sets `user.appIds` to the given apps each user is assigned to, from each
	 * app's user list (paged, ⌈assignments/500⌉ requests an app), never one
	 * call per user: site rules by app need it (docs/requests.md).
	 */
	async attachAppIds<U extends OktaUser>(users: U[], appIds: readonly string[]): Promise<U[]> {
		const byUser = new Map<string, string[]>(users.map((user) => [user.id, []]));
		for (const appId of appIds) {
			for (const assignment of await this.listAppUsers(appId))
				byUser.get(assignment.id)?.push(appId);
		}
		for (const user of users) user.appIds = byUser.get(user.id) ?? [];
		return users;
	}

	/** For a handful of users (list by id): one `/users/{id}/groups` read each. */
	async attachUserGroups<U extends OktaUser>(users: U[]): Promise<U[]> {
		for (const user of users) user.groups = (await this.listUserGroups(user.id)).map(groupRef);
		return users;
	}

	/**
	 * Attaches groups the cheaper way: per user when there are fewer users than
	 * groups (an incremental run with a few changes), else per group.
	 */
	async includeGroups<U extends OktaUser>(users: U[]): Promise<U[]> {
		if (users.length === 0) return users;
		const groups = await this.listGroups();
		return users.length < groups.length
			? this.attachUserGroups(users)
			: this.attachGroups(users, groups);
	}

	/** API paths join the org; absolute next-page URLs must stay on the org, so the credential never travels elsewhere. */
	private absolute(pathOrUrl: string): string {
		if (pathOrUrl.startsWith('/')) return `${this.orgUrl}${pathOrUrl}`;
		const url = new URL(pathOrUrl);
		if (url.origin !== this.orgUrl) {
			throw new OktaApiError({
				status: 0,
				errorSummary: `Okta pointed the next page at another host (${url.host}); refusing to send the credential there`,
			});
		}
		return url.toString();
	}
}

export function groupRef(group: OktaGroup): OktaGroupRef {
	const ref: OktaGroupRef = { id: group.id, name: group.profile?.name ?? group.id };
	if (typeof group.type === 'string') ref.type = group.type;
	return ref;
}

function pageSize(max: number, limit: number | undefined): number {
	return limit !== undefined && limit > 0 ? Math.min(max, limit) : max;
}

/** Gathers pages into one array, stopping (and reading no further page) once `limit` items are in. */
export async function collect<T>(pages: AsyncIterable<T[]>, limit?: number): Promise<T[]> {
	const out: T[] = [];
	const max = limit !== undefined && limit > 0 ? limit : Infinity;
	for await (const page of pages) {
		for (const item of page) {
			out.push(item);
			if (out.length >= max) return out;
		}
	}
	return out;
}
