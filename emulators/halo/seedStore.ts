/**
 * Fills a store from a seed through the same entity rules as `POST /api/…`,
 * so seeded records carry the derived fields (site and client names, team
 * memberships, role names) exactly as saved ones do. A bad seed throws.
 */
import {
	agentDef,
	agentRoleDef,
	cabDef,
	clientDef,
	departmentDef,
	siteDef,
	teamDef,
	templateDef,
	ticketTypeDef,
	userDef,
	userRoleDef,
} from './entities';
import type { EntityDef, Row } from './entities/entity';
import { HaloHttpError } from './errors';
import { defaultHaloSeed } from './seed';
import { HaloStore } from './store';
import type { HaloSeed } from './types';

function load<R extends Row>(
	def: EntityDef<R>,
	store: HaloStore,
	records: ReadonlyArray<Partial<Row>>,
): void {
	const table = def.table(store);
	for (const { id, ...fields } of records) {
		const newId = id ?? table.newId();
		try {
			table.put(def.prepare(fields, undefined, store, newId));
		} catch (error) {
			if (error instanceof HaloHttpError)
				throw new Error(`Bad Halo seed for ${def.path} ${String(newId)}: ${error.message}`);
			throw error;
		}
	}
}

export function seedStore(partial: Partial<HaloSeed> = {}, clock?: () => number): HaloStore {
	const seed: HaloSeed = { ...defaultHaloSeed(), ...partial };
	const store = new HaloStore(clock);
	load(departmentDef, store, seed.departments);
	load(clientDef, store, seed.clients);
	load(siteDef, store, seed.sites);
	load(teamDef, store, seed.teams);
	load(agentRoleDef, store, seed.agentRoles);
	load(userRoleDef, store, seed.userRoles);
	load(ticketTypeDef, store, seed.ticketTypes);
	load(templateDef, store, seed.templates);
	load(agentDef, store, [seed.apiAgent]);
	store.apiAgentId = seed.apiAgent.id;
	load(agentDef, store, seed.agents);
	load(userDef, store, seed.users);
	load(cabDef, store, seed.cabs);
	for (const id of seed.cabApprovalProcessIds) store.cabApprovalProcessIds.add(id);
	if (seed.control) Object.assign(store.control, structuredClone(seed.control));
	return store;
}
