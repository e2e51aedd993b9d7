/**
 * What Halo holds after a side's last run, reduced to the fields both sides
 * write (name, email, site, active), so the report can show the baseline
 * reached the same end state and the ratios compare equal work.
 */
import { createHash } from 'node:crypto';

import type { HaloStore } from '../emulators/halo/store';

export interface HaloEndState {
	users: number;
	inactive: number;
	/** sha256 of the sorted `email|name|site|inactive` lines. */
	digest: string;
}

export function haloEndState(store: HaloStore): HaloEndState {
	const users = store.users.all();
	const lines = users
		.map((u) =>
			[String(u.emailaddress ?? '').toLowerCase(), u.name, u.site_id, u.inactive === true].join(
				'|',
			),
		)
		.sort();
	return {
		users: users.length,
		inactive: users.filter((u) => u.inactive === true).length,
		digest: createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16),
	};
}
