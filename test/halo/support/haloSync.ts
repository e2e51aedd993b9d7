/**
 * One user sync outside n8n, as the Map and Upsert nodes do it: map every
 * Okta user with the core, upsert with the Halo client over a bearer-token
 * RequestFn against the emulator, and count the Halo calls from the
 * emulator's own request log (`/api/…` plus token requests).
 */
import type { HaloEmulator } from '../../../emulators/halo';
import { resolveConfig, validateMappingConfig } from '../../../lib/core/config';
import { mapOktaUser } from '../../../lib/core/mapUser';
import type { MappingConfig, OktaUser, ResolvedConfig } from '../../../lib/core/types';
import type { HttpRequest } from '../../../lib/http/types';
import { HaloClient } from '../../../lib/halo/HaloClient';
import { haloBearerRequestFn } from '../../../lib/halo/auth';
import { runUpsert } from '../../../lib/halo/upsert';
import type { UpsertOptions, UpsertRun } from '../../../lib/halo/upsert';
import { fetchRequestFn } from '../../helpers/fetchRequestFn';

export const SITE_CONFIG: MappingConfig = {
	user: {
		siteRules: [
			{ group: 'Head Office Staff', siteId: 1 },
			{ group: 'Branch Office Staff', siteId: 2 },
			{ group: 'Remote Workers', siteId: 3 },
		],
		defaultSiteId: 1,
	},
};

export interface SyncResult {
	run: UpsertRun;
	/** Halo calls in the emulator log: `/api/…` and `/auth/token`. */
	calls: number;
	reads: number;
	/** POST requests and the records they carried. */
	posts: number;
	postedRecords: Array<Record<string, unknown>>;
	/** Every request the client sent (for body validation). */
	sent: HttpRequest[];
}

export interface SyncOptions extends Partial<UpsertOptions> {
	dryRun?: boolean;
	pageSize?: number;
	config?: MappingConfig;
}

export function resolved(config: MappingConfig = SITE_CONFIG): ResolvedConfig {
	return resolveConfig(validateMappingConfig(config));
}

export function haloLogSince(halo: HaloEmulator, start: number) {
	const entries = halo.server.log
		.slice(start)
		.filter((e) => /^\/api\//i.test(e.path) || /\/token$/i.test(e.path));
	return {
		calls: entries.length,
		reads: entries.filter((e) => e.method === 'GET').length,
		posts: entries.filter((e) => e.method === 'POST' && /^\/api\//i.test(e.path)),
	};
}

export async function syncUsers(
	halo: HaloEmulator,
	users: readonly OktaUser[],
	options: SyncOptions = {},
): Promise<SyncResult> {
	const start = halo.server.log.length;
	const sent: HttpRequest[] = [];
	const send = haloBearerRequestFn(
		fetchRequestFn((r) => sent.push(r)),
		{ url: halo.url, clientId: 'halo-client', clientSecret: 'halo-secret' },
		{ sleep: async () => {} },
	);
	const client = new HaloClient({
		baseUrl: halo.url,
		send,
		dryRun: options.dryRun,
		pageSize: options.pageSize ?? 100,
		retry: { sleep: async () => {} },
	});
	const config = resolved(options.config);
	const inputs = users.map((user, index) => ({ index, item: mapOktaUser(user, 'user', config) }));
	let run: UpsertRun;
	try {
		run = await runUpsert(client, inputs, {
			matchOn: { user: config.user.matchOn, agent: config.agent.matchOn },
			batchSize: options.batchSize,
			deactivateMissing: options.deactivateMissing,
			guard: options.guard,
			continueOnError: options.continueOnError,
		});
	} finally {
		// Let callers inspect what was sent even when the run throws.
		lastSent = sent;
	}
	const log = haloLogSince(halo, start);
	return {
		run,
		calls: log.calls,
		reads: log.reads,
		posts: log.posts.length,
		postedRecords: log.posts.flatMap((e) =>
			Array.isArray(e.body) ? (e.body as Array<Record<string, unknown>>) : [],
		),
		sent,
	};
}

/** The requests of the last sync, also when it threw. */
export let lastSent: HttpRequest[] = [];
