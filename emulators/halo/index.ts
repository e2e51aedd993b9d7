/**
 * A faithful Halo (HaloITSM / HaloPSA / HaloServiceDesk) API emulator for
 * tests, the demo and benchmarks: client-credentials tokens, the entities the
 * Okta sync uses with Halo's answer shapes, paging, filters, a rolling-window
 * rate limit with plain-text 429s, Halo's varied error bodies, and the
 * latency, faults and request log of the shared HTTP core.
 */
import type { EmulatorRequest } from '../server';
import { EmulatorServer } from '../server';
import { TokenIssuer } from './auth';
import { ErrorInjector, type InjectedError } from './errors';
import {
	DEFAULT_RATE_LIMIT,
	RollingWindowLimiter,
	rateLimitResponse,
	type RateLimitOptions,
} from './rateLimit';
import { registerRoutes } from './routes';
import { seedStore } from './seedStore';
import { ENTITIES } from './entities';
import { findHaloSwagger, haloSchemaFields } from './spec';
import type { HaloStore } from './store';
import type { HaloSeed } from './types';

export { HALO_SEED, defaultHaloSeed } from './seed';
export { CAB_APPROVAL_REFUSAL } from './tickets';
export { rateLimitMessage } from './rateLimit';
export { defaultHaloControl, type HaloControlRecord } from './control';
export type { HaloErrorShape, InjectedError } from './errors';
export type { HaloStore } from './store';
export type * from './types';

export interface HaloEmulatorOptions {
	port?: number;
	latencyMs?: number;
	/** Default `halo-client`. */
	clientId?: string;
	/** Default `halo-secret`. */
	clientSecret?: string;
	/** Hosted Halo: the token request must carry `?tenant=` with this name. */
	tenant?: string;
	/** Where the authorisation server lives on this host; default `/auth` (`/api/authinfo` tells it). */
	authPath?: string;
	/** Default 300 requests per rolling 300000 ms, counted over `/api`. */
	rateLimit?: RateLimitOptions;
	/** Default 3600. */
	tokenTtlSeconds?: number;
	/** Replaces the default seed's keys that are given. */
	seed?: Partial<HaloSeed>;
	/** Refuse POST bodies with fields halo-swagger.json does not have (default: when the spec is at hand, see spec.ts). */
	validateBodies?: boolean;
	/** Clock for token expiry, the rate-limit window and ticket dates (tests move it). */
	now?: () => number;
}

export interface HaloEmulator {
	/** Base URL, e.g. `http://127.0.0.1:PORT` (the API is under `/api`). */
	url: string;
	/** The authorisation server, `{url}{authPath}`; tokens at `{authUrl}/token`. */
	authUrl: string;
	server: EmulatorServer;
	store: HaloStore;
	/** Answer matching requests with a chosen Halo error body (after rate limit and token checks). */
	injectError(spec: InjectedError): void;
	clearInjectedErrors(): void;
	/** Every issued token stops working. */
	expireTokens(): void;
	/** Empties the rate-limit window. */
	resetRateLimit(): void;
	close(): Promise<void>;
}

function isApi(path: string): boolean {
	return /^\/api(\/|$)/i.test(path);
}

function isAuthInfo(path: string): boolean {
	return /^\/api\/authinfo\/?$/i.test(path);
}

export async function startHaloEmulator(options: HaloEmulatorOptions = {}): Promise<HaloEmulator> {
	const now = options.now ?? Date.now;
	const authPath = '/' + (options.authPath ?? '/auth').replace(/^\/+|\/+$/g, '');
	const store = seedStore(options.seed, now);
	const server = new EmulatorServer({ port: options.port, latencyMs: options.latencyMs });
	const tokens = new TokenIssuer(
		{
			clientId: options.clientId ?? 'halo-client',
			clientSecret: options.clientSecret ?? 'halo-secret',
			tenant: options.tenant,
			tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
		},
		now,
	);
	const limitOptions = options.rateLimit ?? DEFAULT_RATE_LIMIT;
	const limiter = new RollingWindowLimiter(limitOptions, now);
	const injector = new ErrorInjector();

	server.before = (req: EmulatorRequest) => {
		if (isApi(req.path)) {
			if (!limiter.tryTake()) return rateLimitResponse(limitOptions);
			if (!isAuthInfo(req.path)) {
				const denied = tokens.check(req);
				if (denied) return denied;
			}
		}
		return injector.take(req);
	};
	server.notFound = (req) => ({
		status: 404,
		body: { Message: `No HTTP resource was found that matches the request URI '${req.url.href}'.` },
	});
	registerRoutes({
		server,
		store,
		tokens,
		authPath,
		tenant: options.tenant,
		crud: { validateBodies: options.validateBodies ?? findHaloSwagger() !== undefined },
	});

	// List schemas are read before the first request, so no list answer pays for reading the swagger.
	for (const def of ENTITIES) if (def.listSchema) haloSchemaFields(def.listSchema);

	const url = await server.listen();
	return {
		url,
		authUrl: `${url}${authPath}`,
		server,
		store,
		injectError: (spec) => injector.add(spec),
		clearInjectedErrors: () => injector.clear(),
		expireTokens: () => tokens.expireAll(),
		resetRateLimit: () => limiter.reset(),
		close: () => server.close(),
	};
}
