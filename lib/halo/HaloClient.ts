import { chunk } from '../core/chunk';
import type { HaloRecord } from '../core/types';
import { networkErrorCode } from '../http/retryDelay';
import { sendWithRetry } from '../http/sendWithRetry';
import type { RetryOptions } from '../http/sendWithRetry';
import type { HttpMethod, HttpResponse, QueryValue, RequestFn } from '../http/types';
import { HaloApiError } from './HaloApiError';
import { HaloConnectionError } from './HaloConnectionError';
import { PAGED_ENTITIES, alignSaved, batchSizeOf, unwrapList } from './entities';
import type { HaloEntity, ListPage } from './entities';
import { haloBaseUrl } from './auth';
import { HALO_RETRY_POLICY } from './retryPolicy';

export type HaloQuery = Record<string, QueryValue>;

export interface HaloClientOptions {
	/** Halo base URL (`https://acme.halopsa.com`); `/api` is added. */
	baseUrl: string;
	/** Sends one HTTP request with the credential applied. */
	send: RequestFn;
	/** Writes are recorded in `recordedWrites` and not sent; reads go through. */
	dryRun?: boolean;
	/** Records per page for paged lists; default 100. */
	pageSize?: number;
	retry?: RetryOptions;
}

export interface RecordedWrite {
	method: HttpMethod;
	path: string;
	body: unknown;
}

export interface SaveOptions {
	/** Records per POST; default 50. */
	batchSize?: number;
	/** Keep sending the other batches after one fails; its records get the error. */
	continueOnError?: boolean;
}

/** One input record's result: the saved record, or the error of its batch. */
export type SaveOutcome =
	{ record: HaloRecord; error?: undefined } | { record?: undefined; error: Error };

export interface RequestStats {
	reads: number;
	writes: number;
	retries: number;
}

/**
 * The Halo API client. Every call goes through `request`, the one place that
 * retries (sendWithRetry), applies the dry-run gate and turns answers into
 * typed errors. Creates are never retried after a dropped connection: Halo may
 * have saved them, and the next run adopts what it finds instead.
 */
export class HaloClient {
	readonly baseUrl: string;
	readonly dryRun: boolean;
	readonly recordedWrites: RecordedWrite[] = [];
	readonly stats: RequestStats = { reads: 0, writes: 0, retries: 0 };
	private readonly send: RequestFn;
	private readonly pageSize: number;
	private readonly retry: RetryOptions;

	constructor(options: HaloClientOptions) {
		this.baseUrl = haloBaseUrl(options.baseUrl);
		this.send = options.send;
		this.dryRun = options.dryRun ?? false;
		this.pageSize = Math.max(1, options.pageSize ?? 100);
		const onRetry = options.retry?.onRetry;
		this.retry = {
			...options.retry,
			onRetry: (info) => {
				this.stats.retries++;
				onRetry?.(info);
			},
		};
	}

	/** The single request point. `path` is below `/api`, e.g. `Users` or `Agent/me`. */
	async request(
		method: HttpMethod,
		path: string,
		options: { query?: HaloQuery; body?: unknown } = {},
	): Promise<unknown> {
		const action = `${method} /api/${path}`;
		if (method !== 'GET' && this.dryRun) {
			this.recordedWrites.push({ method, path, body: options.body });
			return options.body;
		}
		// Updates (every element has an id) merge, so repeating one is harmless; creates are not.
		const idempotent =
			method === 'GET' || (Array.isArray(options.body) && options.body.every(hasId));
		if (method === 'GET') this.stats.reads++;
		else this.stats.writes++;
		let answer: HttpResponse | undefined;
		let failure: unknown;
		try {
			answer = await sendWithRetry(
				this.send,
				{ method, url: `${this.baseUrl}/api/${path}`, query: options.query, body: options.body },
				idempotent,
				HALO_RETRY_POLICY,
				this.retry,
			);
		} catch (error) {
			failure = error;
		}
		if (!answer) throw noAnswerError(failure, action, method);
		if (answer.status < 200 || answer.status >= 300)
			throw new HaloApiError(answer.status, answer.body, action);
		return parseAnswer(answer.status, answer.body, action);
	}

	/** Records per page of paged lists. */
	get listPageSize(): number {
		return this.pageSize;
	}

	/**
	 * Every record of a list: paged for the entities that page, one GET for the
	 * others. `firstPage`, when given, is page 1 already read with the same query
	 * (see `listFirstPage`): reading goes on from page 2.
	 */
	async listAll(
		entity: HaloEntity,
		query: HaloQuery = {},
		firstPage?: ListPage,
	): Promise<HaloRecord[]> {
		if (!PAGED_ENTITIES.has(entity)) return firstPage?.records ?? this.listOnce(entity, query);
		const size = this.pageSize;
		const all: HaloRecord[] = [];
		let previousFirstId: unknown;
		for (let page = 1; ; page++) {
			const list =
				page === 1 && firstPage ? firstPage : await this.listPageOf(entity, query, page, size);
			if (list.records.length === 0) break;
			// A Halo that ignores paging answers the same page again: stop instead of looping.
			const firstId = list.records[0]?.id;
			if (page > 1 && firstId !== undefined && firstId === previousFirstId) break;
			previousFirstId = firstId;
			all.push(...list.records);
			// record_count is the total; without it a short page is the last one.
			if (list.total !== undefined ? all.length >= list.total : list.records.length < size) break;
		}
		return all;
	}

	/**
	 * Page 1 of a list, with Halo's `record_count`: tells the size of the list
	 * for the price of one call, and is the first page of a full read if one
	 * follows (`listAll(entity, query, firstPage)`). Lists that do not page come whole.
	 */
	async listFirstPage(entity: HaloEntity, query: HaloQuery = {}): Promise<ListPage> {
		if (!PAGED_ENTITIES.has(entity)) {
			const records = await this.listOnce(entity, query);
			return { records, total: records.length };
		}
		return this.listPageOf(entity, query, 1, this.pageSize);
	}

	private async listPageOf(
		entity: HaloEntity,
		query: HaloQuery,
		page: number,
		size: number,
	): Promise<ListPage> {
		const body = await this.request('GET', entity, {
			query: { ...query, pageinate: true, page_size: size, page_no: page },
		});
		const list = unwrapList(body);
		if (!list) throw notAList(entity, body);
		return list;
	}

	async get(entity: HaloEntity, id: number | string, query: HaloQuery = {}): Promise<HaloRecord> {
		return (await this.request('GET', `${entity}/${encodeURIComponent(String(id))}`, {
			query,
		})) as HaloRecord;
	}

	/** End users; `includeInactive` adds the deactivated ones (needed to reactivate rather than duplicate). */
	listUsers(
		options: { includeInactive?: boolean; query?: HaloQuery; firstPage?: ListPage } = {},
	): Promise<HaloRecord[]> {
		return this.listAll('Users', usersQuery(options), options.firstPage);
	}

	/** Agents (one bare array; Halo does not page them); `includeDisabled` adds the disabled ones, `includeRoles` their agent roles. */
	listAgents(
		options: { includeDisabled?: boolean; includeRoles?: boolean } = {},
	): Promise<HaloRecord[]> {
		const query: HaloQuery = {};
		if (options.includeDisabled)
			Object.assign(query, { includeenabled: true, includedisabled: true });
		if (options.includeRoles) query.includeroles = true;
		return this.listAll('Agent', query);
	}

	listSites(): Promise<HaloRecord[]> {
		return this.listAll('Site');
	}

	listClients(): Promise<HaloRecord[]> {
		return this.listAll('Client');
	}

	listTeams(): Promise<HaloRecord[]> {
		return this.listAll('Team');
	}

	/** Departments: Halo's `Tree` records, `GET /api/TopLevel` (one bare array; docs/apis.md). */
	listDepartments(): Promise<HaloRecord[]> {
		return this.listAll('TopLevel');
	}

	/** Agent roles (`/Roles`); their ids are GUID strings. */
	listAgentRoles(): Promise<HaloRecord[]> {
		return this.listAll('Roles');
	}

	listUserRoles(): Promise<HaloRecord[]> {
		return this.listAll('UserRoles');
	}

	/** CABs; `includeMembers` adds each CAB's `members`. */
	listCabs(options: { includeMembers?: boolean } = {}): Promise<HaloRecord[]> {
		return this.listAll('CAB', options.includeMembers ? { includemembers: true } : {});
	}

	/** Every CAB membership `{ id, cab_id, agent_id, … }`, one request. */
	listCabMembers(): Promise<HaloRecord[]> {
		return this.listAll('CABMember');
	}

	listTicketTypes(): Promise<HaloRecord[]> {
		return this.listAll('TicketType');
	}

	/** Ticket templates, optionally of one ticket type. */
	listTemplates(options: { ticketTypeId?: number } = {}): Promise<HaloRecord[]> {
		return this.listAll(
			'Template',
			options.ticketTypeId !== undefined ? { ticket_type_id: options.ticketTypeId } : {},
		);
	}

	/** Tickets, optionally of one ticket type (Halo's `requesttype_id`). */
	listTickets(options: { ticketTypeId?: number; query?: HaloQuery } = {}): Promise<HaloRecord[]> {
		const query: HaloQuery = { ...options.query };
		if (options.ticketTypeId !== undefined) query.requesttype_id = options.ticketTypeId;
		return this.listAll('Tickets', query);
	}

	/** Halo's settings record (`Control`): its built-in Okta integration and single sign-on settings live there. Needs the admin permission. */
	async getControl(): Promise<HaloRecord> {
		let body: unknown;
		let failure: unknown;
		try {
			body = await this.request('GET', 'Control');
		} catch (error) {
			failure = error;
		}
		if (failure instanceof HaloApiError && (failure.status === 403 || failure.status === 401))
			throw new HaloApiError(
				failure.status,
				failure.body,
				failure.action,
				`Halo refused to read its settings (GET /api/Control, ${failure.status}): give the API application the admin permission (Configuration › Integrations › Halo API › the application › Permissions) and ask for scope "all" or "admin".`,
			);
		if (failure !== undefined) throw failure;
		if (!body || typeof body !== 'object' || Array.isArray(body))
			throw new HaloApiError(
				200,
				undefined,
				'GET /api/Control',
				'Halo answered GET /api/Control with something other than its settings record.',
			);
		return body as HaloRecord;
	}

	/** Writes the given `Control` fields (one-element array POST); fields not sent keep their values. */
	async saveControl(fields: HaloRecord): Promise<unknown> {
		return await this.request('POST', 'Control', { body: [fields] });
	}

	/** The agent the credential acts as; the credential test calls the same endpoint. */
	async getAgentMe(): Promise<HaloRecord> {
		return (await this.request('GET', 'Agent/me')) as HaloRecord;
	}

	/** Saves records as batched array POSTs; returns the saved records in input order. Throws on the first failed batch. */
	async save(
		entity: HaloEntity,
		records: readonly HaloRecord[],
		options: Omit<SaveOptions, 'continueOnError'> = {},
	): Promise<HaloRecord[]> {
		const outcomes = await this.saveBatches(entity, records, {
			...options,
			continueOnError: false,
		});
		return outcomes.map((o) => o.record as HaloRecord);
	}

	/**
	 * Saves records in batches (an element with `id` updates, one without
	 * creates). With `continueOnError`, a failed batch gives its records the
	 * error and the next batch is still sent; without it, the error is thrown.
	 */
	async saveBatches(
		entity: HaloEntity,
		records: readonly HaloRecord[],
		options: SaveOptions = {},
	): Promise<SaveOutcome[]> {
		const outcomes: SaveOutcome[] = [];
		for (const batch of chunk(records, batchSizeOf(options.batchSize))) {
			let body: unknown;
			let failure: unknown;
			try {
				body = await this.request('POST', entity, { body: batch });
			} catch (error) {
				failure = error ?? new Error('Unknown error');
			}
			if (failure !== undefined) {
				if (!options.continueOnError) throw failure;
				const error = failure instanceof Error ? failure : new Error(String(failure));
				for (let i = 0; i < batch.length; i++) outcomes.push({ error });
				continue;
			}
			const saved = alignSaved(batch, body);
			// A record Halo did not echo back is still saved; keep what was sent.
			batch.forEach((record, i) => outcomes.push({ record: saved[i] ?? { ...record } }));
		}
		return outcomes;
	}

	private async listOnce(entity: HaloEntity, query: HaloQuery): Promise<HaloRecord[]> {
		const body = await this.request('GET', entity, { query });
		const list = unwrapList(body);
		if (!list) throw notAList(entity, body);
		return list.records;
	}
}

/** The query of `listUsers`. */
export function usersQuery(options: { includeInactive?: boolean; query?: HaloQuery }): HaloQuery {
	const query: HaloQuery = { ...options.query };
	if (options.includeInactive) Object.assign(query, { includeactive: true, includeinactive: true });
	return query;
}

/** A request that got no answer: a HaloConnectionError for network failures, else the error as it came. */
function noAnswerError(failure: unknown, action: string, method: HttpMethod): unknown {
	const code = networkErrorCode(failure);
	if (code === undefined) return failure;
	return new HaloConnectionError(action, code, method !== 'GET' && code !== 'ECONNREFUSED');
}

function hasId(record: unknown): boolean {
	return (
		!!record &&
		typeof record === 'object' &&
		(record as HaloRecord).id !== undefined &&
		(record as HaloRecord).id !== null
	);
}

/** A 2xx body: JSON as sent, or text. An HTML page means the URL is not Halo's API. */
function parseAnswer(status: number, body: unknown, action: string): unknown {
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (text === '') return undefined;
	if (/^</.test(text)) {
		throw new HaloApiError(
			status,
			undefined,
			action,
			`Halo answered ${action} with a web page instead of JSON; check that the Halo URL is the instance's base URL (e.g. https://acme.halopsa.com).`,
		);
	}
	try {
		return JSON.parse(text);
	} catch {
		return body;
	}
}

function notAList(entity: HaloEntity, body: unknown): HaloApiError {
	const shape = body === null ? 'null' : Array.isArray(body) ? 'array' : typeof body;
	return new HaloApiError(
		200,
		undefined,
		`GET /api/${entity}`,
		`Halo answered GET /api/${entity} with ${shape} instead of a list.`,
	);
}
