/** A HaloClient on the emulator's test app, 100 records a page, with no waits between retries. */
import type { HaloEmulator } from '../../../emulators/halo';
import { HaloClient } from '../../../lib/halo/HaloClient';
import { haloBearerRequestFn } from '../../../lib/halo/auth';
import { fetchRequestFn } from '../../helpers/fetchRequestFn';

export function emulatorClient(halo: HaloEmulator): HaloClient {
	const sleep = async () => {};
	return new HaloClient({
		baseUrl: halo.url,
		send: haloBearerRequestFn(
			fetchRequestFn(),
			{ url: halo.url, clientId: 'halo-client', clientSecret: 'halo-secret' },
			{ sleep },
		),
		pageSize: 100,
		retry: { sleep },
	});
}
