/** Builders shared by the core tests: Okta users and "apply a plan to Halo" without a network. */
import type {
	HaloRecord,
	OktaGroupRef,
	OktaStatus,
	OktaUser,
	UpsertPlan,
} from '../../lib/core/types';

export interface UserSpec {
	id?: string;
	status?: OktaStatus;
	profile?: Record<string, unknown>;
	/** Group names (ids become `00g-<name>`) or full refs. */
	groups?: Array<string | OktaGroupRef>;
	appIds?: string[];
	lastUpdated?: string;
}

export function oktaUser(spec: UserSpec = {}): OktaUser {
	const id = spec.id ?? '00u1';
	return {
		id,
		status: spec.status ?? 'ACTIVE',
		lastUpdated: spec.lastUpdated,
		profile: {
			login: `${id}@example.com`,
			email: `${id}@example.com`,
			firstName: 'Ada',
			lastName: 'Lovelace',
			...spec.profile,
		} as OktaUser['profile'],
		...(spec.groups
			? {
					groups: spec.groups.map((g) => (typeof g === 'string' ? { id: `00g-${g}`, name: g } : g)),
				}
			: {}),
		...(spec.appIds ? { appIds: spec.appIds } : {}),
	};
}

/** Halo's POST semantics: elements without id are created (new id), with id merged into the record. */
export function applyWrites(
	existing: readonly HaloRecord[],
	plan: UpsertPlan,
	firstNewId = 100_000,
): HaloRecord[] {
	const records = existing.map((record) => ({ ...record }));
	const byId = new Map(records.map((record) => [record.id, record]));
	let nextId = firstNewId;
	for (const { kind, payload } of plan.writes) {
		if (kind === 'create') {
			const created = { ...payload, id: nextId++ };
			records.push(created);
			byId.set(created.id, created);
		} else {
			const record = byId.get(payload.id);
			if (!record) throw new Error(`update of unknown id ${String(payload.id)}`);
			Object.assign(record, payload);
		}
	}
	return records;
}
