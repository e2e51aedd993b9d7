/**
 * The configuration entities the sync looks up but rarely writes: Client, Site,
 * Team, agent Roles, UserRoles, TicketType, Template. Their saves merge and
 * check references; parameters are the ones halo-swagger.json lists for each GET.
 */
import { validationError } from '../errors';
import type { HaloStore } from '../store';
import type {
	HaloAgentRoleRecord,
	HaloClientRecord,
	HaloSiteRecord,
	HaloTeamRecord,
	HaloTemplateRecord,
	HaloTicketTypeRecord,
	HaloUserRoleRecord,
} from '../types';
import { activityFilter, intParam, type EntityDef } from './entity';

function requireName(merged: Record<string, unknown>, label: string): string {
	const name = typeof merged.name === 'string' ? merged.name.trim() : '';
	if (!name) throw validationError(`Please enter a name for the ${label}`);
	return name;
}

/** `/Client`: `{record_count, clients}`; `includeinactive`/`includeactive`. Save schema `Area`. */
export const clientDef: EntityDef<HaloClientRecord> = {
	path: 'Client',
	listKey: 'clients',
	paging: 'wrapped',
	searchFields: ['name'],
	orderBy: 'name',
	table: (store) => store.clients,
	filter: (client, query) =>
		activityFilter(client.inactive === true, query, 'includeinactive', 'includeactive'),
	prepare(input, existing, _store, newId) {
		const merged = { ...existing, ...input };
		return {
			...merged,
			id: existing?.id ?? (newId as number),
			name: requireName(merged, 'client'),
			inactive: merged.inactive === true,
		};
	},
};

export function siteClientFields(
	store: HaloStore,
	clientId: unknown,
): { client_id: number; client_name: string } {
	const client = store.clients.get(clientId);
	if (!client) throw validationError(`Client ${String(clientId)} does not exist`);
	return { client_id: client.id, client_name: client.name };
}

/** `/Site`: `{record_count, sites}`; filters `client_id`, `includeinactive`. */
export const siteDef: EntityDef<HaloSiteRecord> = {
	path: 'Site',
	listSchema: 'Site_List',
	listKey: 'sites',
	paging: 'wrapped',
	searchFields: ['name'],
	orderBy: 'name',
	table: (store) => store.sites,
	filter(site, query) {
		const clientId = intParam(query, 'client_id');
		if (clientId !== undefined && site.client_id !== clientId) return false;
		return activityFilter(site.inactive === true, query, 'includeinactive', 'includeactive');
	},
	prepare(input, existing, store, newId) {
		const merged = { ...existing, ...input };
		return {
			...merged,
			id: existing?.id ?? (newId as number),
			name: requireName(merged, 'site'),
			...siteClientFields(store, merged.client_id),
			inactive: merged.inactive === true,
		};
	},
};

/** `/Team`: a bare array; inactive teams only with `includedisabled=true`. Save schema `SectionDetail`. */
export const teamDef: EntityDef<HaloTeamRecord> = {
	path: 'Team',
	listSchema: 'SectionDetail_List',
	paging: 'none',
	searchFields: ['name'],
	orderBy: 'name',
	table: (store) => store.teams,
	filter: (team, query) =>
		activityFilter(team.inactive === true, query, 'includedisabled', 'includeenabled'),
	prepare(input, existing, store, newId) {
		const merged = { ...existing, ...input };
		const name = requireName(merged, 'team');
		const clash = store.teamByName(name);
		if (clash && clash.id !== existing?.id)
			throw validationError(`A team called ${name} already exists`);
		return {
			...merged,
			id: existing?.id ?? (newId as number),
			name,
			inactive: merged.inactive === true,
		};
	},
};

/** `/Roles`: agent roles, a bare array, GUID ids. Save schema `NHD_Roles`. */
export const agentRoleDef: EntityDef<HaloAgentRoleRecord> = {
	path: 'Roles',
	paging: 'none',
	searchFields: ['name'],
	orderBy: 'name',
	guidIds: true,
	table: (store) => store.agentRoles,
	prepare(input, existing, _store, newId) {
		const merged = { ...existing, ...input };
		return { ...merged, id: existing?.id ?? String(newId), name: requireName(merged, 'role') };
	},
};

/** `/UserRoles`: a bare array, integer ids. */
export const userRoleDef: EntityDef<HaloUserRoleRecord> = {
	path: 'UserRoles',
	paging: 'none',
	searchFields: ['name'],
	orderBy: 'name',
	table: (store) => store.userRoles,
	prepare(input, existing, _store, newId) {
		const merged = { ...existing, ...input };
		return {
			...merged,
			id: existing?.id ?? (newId as number),
			name: requireName(merged, 'user role'),
		};
	},
};

/** `/TicketType`: a bare array. Save schema `RequestType`. */
export const ticketTypeDef: EntityDef<HaloTicketTypeRecord> = {
	path: 'TicketType',
	listSchema: 'RequestType_List',
	paging: 'none',
	searchFields: ['name'],
	orderBy: 'name',
	table: (store) => store.ticketTypes,
	prepare(input, existing, _store, newId) {
		const merged = { ...existing, ...input };
		return {
			...merged,
			id: existing?.id ?? (newId as number),
			name: requireName(merged, 'ticket type'),
		};
	},
};

/** `/Template`: a bare array that `pageinate` slices; filter `ticket_type_id`. Save schema `StdRequest`. */
export const templateDef: EntityDef<HaloTemplateRecord> = {
	path: 'Template',
	listSchema: 'StdRequest_List',
	paging: 'array',
	searchFields: ['name', 'summary'],
	orderBy: 'name',
	table: (store) => store.templates,
	filter(template, query) {
		const typeId = intParam(query, 'ticket_type_id');
		return typeId === undefined || template.tickettype_id === typeId;
	},
	prepare(input, existing, store, newId) {
		const merged = { ...existing, ...input };
		if (
			merged.tickettype_id !== undefined &&
			merged.tickettype_id !== null &&
			!store.ticketTypes.get(merged.tickettype_id)
		) {
			throw validationError(`Ticket type ${String(merged.tickettype_id)} does not exist`);
		}
		return {
			...merged,
			id: existing?.id ?? (newId as number),
			name: requireName(merged, 'template'),
		};
	},
};
