/**
 * Both emulators for one test, with the n8n credentials that point at them.
 */
import type { HaloEmulator, HaloEmulatorOptions } from '../../emulators/halo';
import { startHaloEmulator } from '../../emulators/halo';
import type { OktaEmulator, OktaEmulatorOptions } from '../../emulators/okta';
import { startOktaEmulator } from '../../emulators/okta';
import type { CredentialStore } from './n8nEngine';
import { trackWireSecrets } from './secretScan';

export const OKTA_TOKEN = 'okta-test-token';
export const HALO_CLIENT_ID = 'halo-client';
export const HALO_CLIENT_SECRET = 'halo-secret';

export interface Emulators {
	okta: OktaEmulator;
	halo: HaloEmulator;
	/** Credentials for `runWorkflow`: Okta API token and Halo client credentials. */
	credentials: () => CredentialStore;
	/** Halo API calls (token requests included) since the log was last cleared. */
	haloCalls: () => number;
	/** Halo writes (POST/DELETE under /api) since the log was last cleared. */
	haloWrites: () => number;
	oktaCalls: () => number;
	clearLogs: () => void;
	close: () => Promise<void>;
}

/** n8n credential data for the emulators' test token and Halo app. */
export function emulatorCredentials(oktaUrl: string, haloUrl: string) {
	return {
		oktaTokenApi: { url: oktaUrl, apiToken: OKTA_TOKEN },
		haloApi: {
			url: haloUrl,
			authUrl: '',
			tenant: '',
			clientId: HALO_CLIENT_ID,
			clientSecret: HALO_CLIENT_SECRET,
			scope: 'all',
		},
	};
}

export async function startEmulators(
	options: { okta?: OktaEmulatorOptions; halo?: HaloEmulatorOptions } = {},
): Promise<Emulators> {
	const okta = await startOktaEmulator(options.okta);
	const halo = await startHaloEmulator(options.halo);
	const haloApi = (path: string) => /^\/(api|auth)\b/i.test(path);
	// Tokens and proofs seen on the wire are secrets every engine run is scanned for.
	const untrack = [trackWireSecrets(okta.server.log), trackWireSecrets(halo.server.log)];
	return {
		okta,
		halo,
		credentials: () => emulatorCredentials(okta.url, halo.url),
		haloCalls: () => halo.server.log.filter((r) => haloApi(r.path)).length,
		haloWrites: () =>
			halo.server.log.filter(
				(r) => /^\/api\//i.test(r.path) && (r.method === 'POST' || r.method === 'DELETE'),
			).length,
		oktaCalls: () => okta.server.log.length,
		clearLogs: () => {
			okta.server.clearLog();
			halo.server.clearLog();
		},
		close: async () => {
			for (const stop of untrack) stop();
			await Promise.all([okta.close(), halo.close()]);
		},
	};
}
