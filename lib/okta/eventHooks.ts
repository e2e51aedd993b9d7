/**
 * Okta's Event Hooks API (`/api/v1/eventHooks`): list, create, verify,
 * activate, deactivate, delete, all through `OktaClient.send`, the one Okta
 * request point (org URL check, retries, `OktaApiError` built from Okta's answer).
 */
import type { OktaClient } from './OktaClient';
import { OktaApiError } from './OktaApiError';

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
export function eventHookBody(
	spec: EventHookSpec,
): Omit<EventHook, 'id' | 'status' | 'verificationStatus'> {
	return {
		name: spec.name.slice(0, 255),
		description: spec.description ?? null,
		events: { type: 'EVENT_TYPE', items: [...spec.eventTypes] },
		channel: {
			type: 'HTTP',
			version: '1.0.0',
			config: {
				uri: spec.uri,
				headers: [],
				authScheme: { type: 'HEADER', key: spec.authHeader.key, value: spec.authHeader.value },
			},
		},
	};
}

/**
 * Whether an existing hook already does what `spec` asks: active, verified,
 * same URL, same event types, same header name. The secret cannot be compared
 * here (Okta never returns it): the trigger keeps a fingerprint of the secret it
 * registered and compares that (nodes/OktaEventHookTrigger/register.ts).
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

const BASE = '/api/v1/eventHooks';

export class OktaEventHooks {
	constructor(private readonly client: OktaClient) {}

	get orgUrl(): string {
		return this.client.orgUrl;
	}

	async list(): Promise<EventHook[]> {
		const { body: hooks } = await this.client.send<EventHook[]>('GET', BASE);
		if (!Array.isArray(hooks))
			throw new OktaApiError({
				status: 200,
				errorSummary: 'Okta answered the event hook list with something other than a list',
			});
		return hooks;
	}

	/** Undefined when Okta does not know the id (deleted in the admin console). */
	async get(id: string): Promise<EventHook | undefined> {
		let failure: unknown;
		try {
			return (await this.client.send<EventHook>('GET', hookPath(id))).body;
		} catch (error) {
			failure = error;
		}
		if (failure instanceof OktaApiError && failure.status === 404) return undefined;
		throw failure;
	}

	/** Okta creates the hook ACTIVE but UNVERIFIED; it delivers only after `verify`. Not retried after a 5xx: Okta may have created it. */
	async create(spec: EventHookSpec): Promise<EventHook> {
		return (
			await this.client.send<EventHook>('POST', BASE, {
				body: eventHookBody(spec),
				idempotent: false,
			})
		).body;
	}

	/** Okta sends the one-time verification GET to the hook's URL; a failed check is a 400 OktaApiError. */
	verify(id: string): Promise<EventHook> {
		return this.lifecycle(id, 'verify');
	}

	activate(id: string): Promise<EventHook> {
		return this.lifecycle(id, 'activate');
	}

	deactivate(id: string): Promise<EventHook> {
		return this.lifecycle(id, 'deactivate');
	}

	/** Okta deletes only INACTIVE hooks. */
	async delete(id: string): Promise<void> {
		await this.client.send<unknown>('DELETE', hookPath(id));
	}

	/** Deactivates (when needed) and deletes; false when the hook was already gone. */
	async remove(id: string): Promise<boolean> {
		const hook = await this.get(id);
		if (!hook) return false;
		if (hook.status === 'ACTIVE') await this.deactivate(id);
		await this.delete(id);
		return true;
	}

	/** Lifecycle POSTs repeat safely (the same state again), so unlike `create` they are retried after a 5xx. */
	private async lifecycle(
		id: string,
		step: 'verify' | 'activate' | 'deactivate',
	): Promise<EventHook> {
		return (
			await this.client.send<EventHook>('POST', `${hookPath(id)}/lifecycle/${step}`, {
				idempotent: true,
			})
		).body;
	}
}

function hookPath(id: string): string {
	return `${BASE}/${encodeURIComponent(id)}`;
}
