/**
 * A faithful Okta org on 127.0.0.1 for tests, the demo and benchmarks: the
 * management API (users, groups, apps, event hooks) with Okta's paging,
 * filters, errors and rate limits, and the org authorization server
 * (private_key_jwt + DPoP, authorization code, refresh token), and the public
 * org metadata (`/.well-known/okta-organization`).
 */
import { randomBytes } from 'node:crypto';

import { EmulatorServer } from '../server';
import { registerAppRoutes } from './apps';
import { authorizeApiCall } from './auth';
import type { EmulatorContext } from './context';
import { DpopVerifier } from './dpop';
import { deliverToHook, type HookCallOptions } from './eventDelivery';
import { registerEventHookRoutes } from './eventHooks';
import { errors, normalizeErrorAnswer, oktaError } from './errors';
import { orgFromFixture, readFixture, type OktaFixture } from './fixture';
import { generateOrg, type OrgSpec } from './generator';
import { registerGroupRoutes } from './groups';
import { registerOAuthRoutes } from './oauth';
import { registerOrgMetadataRoute } from './orgMetadata';
import {
	bucketOf,
	RateLimiter,
	rateLimitHeaders,
	stateForAnswer,
	type RateLimitBucket,
} from './rateLimit';
import { SigningKey } from './signing';
import { OktaStore } from './store';
import {
	TokenRegistry,
	type AuthCodeClientRegistration,
	type ServiceAppRegistration,
} from './tokens';
import type { LogEvent } from './types';
import { registerUserRoutes } from './users';

export interface OktaEmulatorOptions {
	port?: number;
	latencyMs?: number;
	/** A generated org (deterministic for a seed); default 50 users, 8 groups, 3 apps. */
	org?: OrgSpec;
	/** A hand-written org (object or JSON file path) instead of `org`. */
	fixture?: OktaFixture | string;
	/** Accepted `SSWS` tokens; default `['okta-test-token']`. */
	apiTokens?: string[];
	/** Requests per window for each bucket; Okta's per-minute defaults otherwise. */
	rateLimits?: Partial<Record<RateLimitBucket, number>>;
	rateLimitWindowMs?: number;
	tokenTtlSeconds?: number;
	/** A custom domain (e.g. `https://login.acme.example`): `/.well-known/okta-organization` lists it as `alternate`. */
	customDomain?: string;
}

export interface DeliverOptions extends HookCallOptions {
	/** Only these hooks; default every ACTIVE and VERIFIED hook. */
	hookIds?: string[];
}

export interface OktaEmulator {
	/** The org URL, e.g. `http://127.0.0.1:PORT`. */
	readonly url: string;
	readonly server: EmulatorServer;
	readonly store: OktaStore;
	readonly rateLimiter: RateLimiter;
	readonly tokens: TokenRegistry;
	close(): Promise<void>;
	registerServiceApp(app: ServiceAppRegistration): void;
	registerAuthCodeClient(client: AuthCodeClientRegistration): void;
	/**
	 * POSTs `{eventType: 'com.okta.event_hook', data: {events}}` to every ACTIVE, VERIFIED hook subscribed to at
	 * least one of the events (only those events), with its auth and custom headers; resolves with the final
	 * HTTP status per delivery (0 = no answer), in hook order.
	 */
	deliverEvents(events: LogEvent[], options?: DeliverOptions): Promise<number[]>;
}

const DEFAULT_ORG: OrgSpec = { users: 50, groups: 8, apps: 3 };

export async function startOktaEmulator(options: OktaEmulatorOptions = {}): Promise<OktaEmulator> {
	const seed = options.org?.seed ?? 1;
	const data = options.fixture
		? orgFromFixture(readFixture(options.fixture), seed)
		: generateOrg(options.org ?? DEFAULT_ORG);
	const store = new OktaStore(data, seed);
	const server = new EmulatorServer({ port: options.port, latencyMs: options.latencyMs });
	const signingKey = new SigningKey();
	const context: EmulatorContext = {
		store,
		signingKey,
		dpop: new DpopVerifier(),
		tokens: new TokenRegistry(() => server.url, signingKey, options.tokenTtlSeconds ?? 3600),
		origin: () => server.url,
	};
	const apiTokens = new Set(options.apiTokens ?? ['okta-test-token']);
	const rateLimiter = new RateLimiter(options.rateLimits, options.rateLimitWindowMs ?? 60_000);

	server.before = (req) => {
		if (!rateLimiter.take(bucketOf(req.path)).allowed) return errors.rateLimited();
		return req.path.toLowerCase().startsWith('/api/')
			? authorizeApiCall(req, context, apiTokens)
			: undefined;
	};
	server.decorate = (req, answer) => {
		normalizeErrorAnswer(answer);
		const state = stateForAnswer(rateLimiter.state(bucketOf(req.path)), answer.status);
		// An injected answer that names its own rate-limit headers (a far-future reset) keeps them.
		answer.headers = {
			...rateLimitHeaders(state),
			...answer.headers,
			'X-Okta-Request-Id': randomBytes(18).toString('base64url'),
		};
	};
	server.notFound = (req) =>
		oktaError(404, 'E0000007', `Not found: Resource not found: ${req.path} (${req.method})`);

	registerUserRoutes(server, context);
	registerGroupRoutes(server, context);
	registerAppRoutes(server, context);
	registerEventHookRoutes(server, context);
	registerOAuthRoutes(server, context);
	registerOrgMetadataRoute(server, context, options.customDomain);
	await server.listen();

	return {
		get url() {
			return server.url;
		},
		server,
		store,
		rateLimiter,
		tokens: context.tokens,
		close: () => server.close(),
		registerServiceApp: (app) => context.tokens.registerServiceApp(app),
		registerAuthCodeClient: (client) => context.tokens.registerAuthCodeClient(client),
		deliverEvents: async (events, deliverOptions = {}) => {
			const hooks = store.eventHooks.filter(
				(hook) =>
					hook.status === 'ACTIVE' &&
					hook.verificationStatus === 'VERIFIED' &&
					(!deliverOptions.hookIds || deliverOptions.hookIds.includes(hook.id)),
			);
			const statuses: number[] = [];
			for (const hook of hooks) {
				const subscribed = events.filter((event) => hook.events.items.includes(event.eventType));
				if (subscribed.length === 0) continue;
				statuses.push((await deliverToHook(hook, subscribed, server.url, deliverOptions)).status);
			}
			return statuses;
		},
	};
}

export { generateOrg, type OrgSpec } from './generator';
export { userEvent, userActor, type UserEventOptions } from './logEvents';
export { OktaStore, type NewUserProfile, type OrgData, type UserChanges } from './store';
export type { OktaFixture, FixtureApp, FixtureGroup, FixtureUser } from './fixture';
export type { RateLimitBucket } from './rateLimit';
export type { AuthCodeClientRegistration, ServiceAppRegistration } from './tokens';
export type * from './types';
