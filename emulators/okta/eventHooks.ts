/**
 * `/api/v1/eventHooks`: list, create, read, replace, delete (only when
 * INACTIVE), activate, deactivate and verify (the real one-time GET to the
 * hook's URI). The auth header's value is write-only, never answered back.
 */
import type { EmulatorRequest, EmulatorResponse, EmulatorServer } from '../server';
import { callerOf } from './auth';
import type { EmulatorContext } from './context';
import { verifyHookEndpoint } from './eventDelivery';
import { errors } from './errors';
import { OKTA_ID_PREFIX } from './random';
import { oktaTimestamp } from './time';
import type { EventHookHeader, EventHookRecord } from './types';

export function registerEventHookRoutes(server: EmulatorServer, context: EmulatorContext): void {
	const { store } = context;
	const withHook = (
		handler: (
			hook: EventHookRecord,
			req: EmulatorRequest,
		) => EmulatorResponse | Promise<EmulatorResponse>,
	) => {
		return (req: EmulatorRequest) => {
			const hook = store.eventHook(req.params.id);
			return hook ? handler(hook, req) : errors.notFound(req.params.id, 'EventHook');
		};
	};
	server.route('GET', '/api/v1/eventHooks', () => ({
		status: 200,
		body: store.eventHooks.map((hook) => renderEventHook(hook, context)),
	}));
	server.route('POST', '/api/v1/eventHooks', (req) => createEventHook(req, context));
	server.route(
		'GET',
		'/api/v1/eventHooks/:id',
		withHook((hook) => ({ status: 200, body: renderEventHook(hook, context) })),
	);
	server.route(
		'PUT',
		'/api/v1/eventHooks/:id',
		withHook((hook, req) => replaceEventHook(hook, req, context)),
	);
	server.route(
		'DELETE',
		'/api/v1/eventHooks/:id',
		withHook((hook) => {
			// Okta deletes only deactivated hooks, as a safety precaution.
			if (hook.status !== 'INACTIVE') return errors.forbidden();
			store.removeEventHook(hook.id);
			return { status: 204 };
		}),
	);
	for (const [action, status] of [
		['activate', 'ACTIVE'],
		['deactivate', 'INACTIVE'],
	] as const) {
		server.route(
			'POST',
			`/api/v1/eventHooks/:id/lifecycle/${action}`,
			withHook((hook) => {
				if (hook.status !== status) {
					hook.status = status;
					hook.lastUpdated = oktaTimestamp(store.now());
				}
				return { status: 200, body: renderEventHook(hook, context) };
			}),
		);
	}
	server.route(
		'POST',
		'/api/v1/eventHooks/:id/lifecycle/verify',
		withHook(async (hook) => {
			const result = await verifyHookEndpoint(hook);
			if (!result.verified)
				return errors.validation('Verification failed', [result.reason ?? 'Verification failed']);
			hook.verificationStatus = 'VERIFIED';
			hook.lastUpdated = oktaTimestamp(store.now());
			return { status: 200, body: renderEventHook(hook, context) };
		}),
	);
}

type HookFields = Pick<EventHookRecord, 'name' | 'description' | 'events' | 'channel'>;

/** Validates a create/replace body the way Okta's API validation reports it. */
function readHookFields(body: unknown): HookFields | { causes: string[] } {
	const causes: string[] = [];
	const input = (body && typeof body === 'object' ? body : {}) as Record<string, any>;
	if (typeof input.name !== 'string' || !input.name.trim())
		causes.push('name: The field cannot be left blank');
	const events = input.events ?? {};
	if (events.type !== 'EVENT_TYPE') causes.push('events.type: Only EVENT_TYPE is supported');
	if (
		!Array.isArray(events.items) ||
		events.items.length === 0 ||
		events.items.some((item: unknown) => typeof item !== 'string')
	) {
		causes.push('events.items: At least one event type is required');
	}
	const channel = input.channel ?? {};
	const config = channel.config ?? {};
	if (channel.type !== 'HTTP') causes.push('channel.type: Only HTTP is supported');
	if (channel.version !== '1.0.0') causes.push('channel.version: Only version 1.0.0 is supported');
	const uri = typeof config.uri === 'string' ? safeUrl(config.uri) : undefined;
	if (!uri) causes.push('channel.config.uri: The URI is not valid');
	else if (uri.protocol !== 'https:' && !isLoopback(uri.hostname))
		causes.push('channel.config.uri: The URI must use HTTPS');
	const headers: unknown[] = Array.isArray(config.headers) ? config.headers : [];
	if (
		headers.some(
			(header) =>
				!header ||
				typeof (header as EventHookHeader).key !== 'string' ||
				typeof (header as EventHookHeader).value !== 'string',
		)
	) {
		causes.push('channel.config.headers: Each header needs a key and a value');
	}
	const auth = config.authScheme;
	if (
		auth != null &&
		(auth.type !== 'HEADER' || typeof auth.key !== 'string' || typeof auth.value !== 'string')
	) {
		causes.push('channel.config.authScheme: type HEADER with a key and a value is required');
	}
	if (causes.length) return { causes };
	return {
		name: input.name,
		description: typeof input.description === 'string' ? input.description : null,
		events: { type: 'EVENT_TYPE', items: [...events.items], filter: events.filter ?? null },
		channel: {
			type: 'HTTP',
			version: '1.0.0',
			config: {
				uri: config.uri,
				headers: (headers as EventHookHeader[]).map(({ key, value }) => ({ key, value })),
				method: 'POST',
				authScheme: auth ? { type: 'HEADER', key: auth.key, value: auth.value } : null,
			},
		},
	};
}

/** Okta wants HTTPS; the emulator also takes plain HTTP on loopback so tests need no certificates. */
function isLoopback(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

function safeUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

function createEventHook(req: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
	const fields = readHookFields(req.body);
	if ('causes' in fields) return errors.validation('eventHook', fields.causes);
	const { store } = context;
	const stamp = oktaTimestamp(store.now());
	const caller = callerOf(req);
	const hook: EventHookRecord = {
		id: store.newId(OKTA_ID_PREFIX.eventHook),
		status: 'ACTIVE',
		verificationStatus: 'UNVERIFIED',
		created: stamp,
		createdBy: caller?.userId ?? caller?.clientId ?? '',
		lastUpdated: stamp,
		...fields,
	};
	store.eventHooks.push(hook);
	return { status: 200, body: renderEventHook(hook, context) };
}

function replaceEventHook(
	hook: EventHookRecord,
	req: EmulatorRequest,
	context: EmulatorContext,
): EmulatorResponse {
	const fields = readHookFields(req.body);
	if ('causes' in fields) return errors.validation('eventHook', fields.causes);
	// A hook whose channel changes must be verified again.
	if (JSON.stringify(fields.channel) !== JSON.stringify(hook.channel))
		hook.verificationStatus = 'UNVERIFIED';
	Object.assign(hook, fields, { lastUpdated: oktaTimestamp(context.store.now()) });
	return { status: 200, body: renderEventHook(hook, context) };
}

export function renderEventHook(
	hook: EventHookRecord,
	context: EmulatorContext,
): Record<string, unknown> {
	const self = `${context.origin()}/api/v1/eventHooks/${hook.id}`;
	const post = { hints: { allow: ['POST'] } };
	const { authScheme, ...config } = hook.channel.config;
	return {
		...hook,
		channel: {
			...hook.channel,
			config: {
				...config,
				...(authScheme
					? { authScheme: { type: authScheme.type, key: authScheme.key.toLowerCase() } }
					: {}),
			},
		},
		_links: {
			self: { href: self },
			verify: { href: `${self}/lifecycle/verify`, ...post },
			...(hook.status === 'ACTIVE'
				? { deactivate: { href: `${self}/lifecycle/deactivate`, ...post } }
				: { activate: { href: `${self}/lifecycle/activate`, ...post } }),
		},
	};
}
