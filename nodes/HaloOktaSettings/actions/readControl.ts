import { HaloApiError } from '../../../lib/halo/HaloApiError';
import type { HaloClient, HaloRecord } from '../../../lib/halo/HaloClient';

/**
 * Halo's `Control` record; a refusal names the permission it needs (reading
 * Control is an admin read, which API applications do not all have).
 */
export async function readControl(halo: HaloClient): Promise<HaloRecord> {
	try {
		return await halo.getControl();
	} catch (error) {
		if (error instanceof HaloApiError && (error.status === 403 || error.status === 401))
			throw new HaloApiError(
				error.status,
				error.body,
				error.action,
				`Halo refused to read its settings (GET /api/Control, ${error.status}): give the API application the admin permission (Configuration › Integrations › Halo API › the application › Permissions) and ask for scope "all" or "admin".`,
			);
		throw error;
	}
}
