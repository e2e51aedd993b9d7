/**
 * Okta's Event Hooks API (`/api/v1/eventHooks`): list, create, verify,
 * activate, deactivate, delete. Creating needs a JSON body, which
 * `OktaClient.send` does not carry, so these calls have their own small request
 * point built from the same parts (org URL check, `sendWithRetry`,
 * `errorFromResponse`) over the same injected RequestFn.
 */
import { sendWithRetry } from '../http/sendWithRetry';
import type { RetryOptions } from '../http/sendWithRetry';
import type { HttpMethod, HttpRequest, HttpResponse, RequestFn } from '../http/types';
import { errorFromResponse } from './errorFromResponse';
import { OktaApiError } from './OktaApiError';
import { normalizeOrgUrl } from './orgUrl';

export interface EventHook {
	id: string;
	status: 'ACTIVE' | 'INACTIVE';
	verificationStatus?: 'VERIFIED' | 'UNVERIFIED';
	name: string;
	description?: string | null;
	events: { type: 'EVENT_TYPE'; items: string[] };
	channel: {
		type: 'HTTP';
		version: string;
		config: {
			uri: string;
			headers?: Array<{ key: string; value: string }>;
			method?: string;
			/** Okta never returns `value`. */
			authScheme?: { type: 'HEADER'; key: string; value?: string } | null;
		};
	};
}

export interface EventHookSpec {
	name: string;
	description?: string;
	uri: string;
	eventTypes: string[];
	/** The header Okta sends with every call (verification included). */
	authHeader: { key: string; value: string };
}

/** The body of `POST /api/v1/eventHooks` (Okta's EventHook schema). */
export function eventHookBody(spec: EventHookSpec): Omit<EventHook, 'id' | 'status' | 'verificationStatus'> {
	return {
		name: spec.name.slice(0, 255),
		description: spec.description ?? null,
		events: { type: 'EVENT_TYPE', items: [...spec.eventTypes] },
		channel: {
			type: 'HTTP',
			version: '1.0.0',
			config: { uri: spec.uri, headers: [], authScheme: { type: 'HEADER', key: spec.authHeader.key, value: spec.authHeader.value } },
		},
	};
}

/**
 * Whether an existing hook already does what `spec` asks: active, verified,
 * same URL, same event types, same header name. (The secret cannot be compared:
 * Okta never returns it; a changed secret needs the workflow re-activated.)
 */
export function eventHookMatches(hook: EventHook, spec: EventHookSpec): boolean {
	const config = hook.channel?.config;
	const sameEvents = sameSet(hook.events?.items ?? [], spec.eventTypes);
	return (
		hook.status === 'ACTIVE' &&
		hook.verificationStatus === 'VERIFIED' &&
		config?.uri === spec.uri &&
		(config.authScheme?.key ?? '').toLowerCase() === spec.authHeader.key.toLowerCase() &&
		sameEvents
	);
}

function sameSet(a: string[], b: string[]): boolean {
	const left = new Set(a);
	const right = new Set(b);
	return left.size === right.size && [...left].every((x) => right.has(x));
}

export interface OktaEventHooksOptions {
	orgUrl: string;
	/** Carries authentication (n8n's credential in nodes). */
	request: RequestFn;
	retry?: RetryOptions;
}

const BASE = '/api/v1/eventHooks';

export class OktaEventHooks {
	readonly orgUrl: string;
	private readonly request: RequestFn;
	private readonly retry: RetryOptions;

	constructor(options: OktaEventHooksOptions) {
		this.orgUrl = normalizeOrgUrl(options.orgUrl);
		this.request = options.request;
		this.retry = options.retry ?? {};
	}

	async list(): Promise<EventHook[]> {
		const hooks = await this.send<EventHook[]>('GET', BASE);
		if (!Array.isArray(hooks)) throw new OktaApiError({ status: 200, errorSummary: 'Okta answered the event hook list with something other than a list' });
		return hooks;
	}

	/** Undefined when Okta does not know the id (deleted in the admin console). */
	async get(id: string): Promise<EventHook | undefined> {
		const { request, response } = await this.exchange('GET', hookPath(id));
		if (response.status === 404) return undefined;
		return bodyOf<EventHook>(request, response);
	}

	/** Okta creates the hook ACTIVE but UNVERIFIED; it delivers only after `verify`. */
	create(spec: EventHookSpec): Promise<EventHook> {
		return this.send<EventHook>('POST', BASE, eventHookBody(spec), false);
	}

	/** Okta sends the one-time verification GET to the hook's URL; a failed check is a 400 OktaApiError. */
	verify(id: string): Promise<EventHook> {
		return this.send<EventHook>('POST', `${hookPath(id)}/lifecycle/verify`);
	}

	activate(id: string): Promise<EventHook> {
		return this.send<EventHook>('POST', `${hookPath(id)}/lifecycle/activate`);
	}

	deactivate(id: string): Promise<EventHook> {
		return this.send<EventHook>('POST', `${hookPath(id)}/lifecycle/deactivate`);
	}

	/** Okta deletes only INACTIVE hooks. */
	async delete(id: string): Promise<void> {
		await this.send<unknown>('DELETE', hookPath(id));
	}

	/** Deactivates (when needed) and deletes; false when the hook was already gone. */
	async remove(id: string): Promise<boolean> {
		const hook = await this.get(id);
		if (!hook) return false;
		if (hook.status === 'ACTIVE') await this.deactivate(id);
		await this.delete(id);
		return true;
	}

	/** The request point of these calls. Lifecycle POSTs repeat safely, so only `create` is not retried after a 5xx. */
	private async send<T>(method: HttpMethod, path: string, body?: unknown, idempotent = true): Promise<T> {
		const { request, response } = await this.exchange(method, path, body, idempotent);
		return bodyOf<T>(request, response);
	}

	private async exchange(method: HttpMethod, path: string, body?: unknown, idempotent = true): Promise<{ request: HttpRequest; response: HttpResponse }> {
		const request: HttpRequest = { method, url: `${this.orgUrl}${path}`, ...(body === undefined ? {} : { body }) };
		return { request, response: await sendWithRetry(this.request, request, idempotent, this.retry) };
	}
}

function bodyOf<T>(request: HttpRequest, response: HttpResponse): T {
	if (response.status < 200 || response.status > 299) throw errorFromResponse(request, response);
	return response.body as T;
}

function hookPath(id: string): string {
	return `${BASE}/${encodeURIComponent(id)}`;
}
