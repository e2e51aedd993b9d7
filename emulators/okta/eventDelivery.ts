/**
 * Okta's outbound calls to an event hook's endpoint: the one-time
 * verification GET (`X-Okta-Verification-Challenge`, answered with
 * `{"verification": …}`) and event deliveries (POST). Each call carries the
 * hook's auth header and custom headers, times out after 3 seconds and is
 * retried once after a timeout or an error answer, as Okta does.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import type { EventHookRecord, LogEvent } from './types';

export const OKTA_HOOK_TIMEOUT_MS = 3000;

export interface HookCallOptions {
	timeoutMs?: number;
	/** Retry once after a timeout or a non-2xx answer; default true. */
	retry?: boolean;
}

export interface HookAnswer {
	/** HTTP status of the last attempt; 0 when no answer arrived (timeout, refused). */
	status: number;
	body?: unknown;
	attempts: number;
}

function hookHeaders(hook: EventHookRecord): Record<string, string> {
	const headers: Record<string, string> = {
		Accept: 'application/json',
		'User-Agent': 'Okta-Integrations',
	};
	for (const { key, value } of hook.channel.config.headers) headers[key] = value;
	const auth = hook.channel.config.authScheme;
	if (auth) headers[auth.key] = auth.value;
	return headers;
}

async function attempt(
	url: string,
	init: RequestInit,
	timeoutMs: number,
): Promise<{ status: number; body?: unknown }> {
	try {
		const response = await fetch(url, {
			...init,
			signal: AbortSignal.timeout(timeoutMs),
			redirect: 'manual',
		});
		const text = await response.text();
		let body: unknown = text;
		try {
			body = text ? JSON.parse(text) : undefined;
		} catch {
			// Not JSON: keep the text.
		}
		return { status: response.status, body };
	} catch {
		return { status: 0 };
	}
}

async function call(url: string, init: RequestInit, options: HookCallOptions): Promise<HookAnswer> {
	const timeoutMs = options.timeoutMs ?? OKTA_HOOK_TIMEOUT_MS;
	let answer = await attempt(url, init, timeoutMs);
	let attempts = 1;
	const failed = answer.status < 200 || answer.status >= 300;
	if (failed && (options.retry ?? true)) {
		answer = await attempt(url, init, timeoutMs);
		attempts++;
	}
	return { ...answer, attempts };
}

/** The verification request; true when the endpoint echoed the challenge. */
export async function verifyHookEndpoint(
	hook: EventHookRecord,
	options: HookCallOptions = {},
): Promise<{ verified: boolean; reason?: string }> {
	const challenge = randomBytes(24).toString('base64url');
	const answer = await call(
		hook.channel.config.uri,
		{
			method: 'GET',
			headers: { ...hookHeaders(hook), 'X-Okta-Verification-Challenge': challenge },
		},
		options,
	);
	if (answer.status === 0)
		return { verified: false, reason: 'The endpoint did not answer within 3 seconds.' };
	if (answer.status < 200 || answer.status >= 300)
		return { verified: false, reason: `The endpoint answered HTTP ${answer.status}.` };
	const echoed =
		answer.body && typeof answer.body === 'object'
			? (answer.body as Record<string, unknown>).verification
			: undefined;
	return echoed === challenge
		? { verified: true }
		: { verified: false, reason: 'The endpoint did not answer with the verification value.' };
}

/** One delivery of events to a hook, in the body Okta sends. */
export async function deliverToHook(
	hook: EventHookRecord,
	events: LogEvent[],
	origin: string,
	options: HookCallOptions = {},
): Promise<HookAnswer> {
	const body = {
		eventType: 'com.okta.event_hook',
		eventTypeVersion: '1.0',
		cloudEventsVersion: '0.1',
		source: `${origin}/api/v1/eventHooks/${hook.id}`,
		eventId: randomUUID(),
		eventTime: new Date().toISOString(),
		contentType: 'application/json',
		data: { events },
	};
	return call(
		hook.channel.config.uri,
		{
			method: 'POST',
			headers: { ...hookHeaders(hook), 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		},
		options,
	);
}
