/**
 * `/Tickets` (schema `Faults`). Lists answer `{record_count, tickets}` and
 * filter by `requesttype_id` (Halo's name for the ticket type in GET
 * parameters; records carry `tickettype_id`), `user_id`, `client_id`, `site_id`.
 *
 * Logging rules: the ticket type must exist (a template may supply it and the
 * summary/details); the end user, when given, must exist and supplies client
 * and site. A ticket type whose approval process wants CAB members picked at
 * logging refuses a ticket without `approvers` with Halo's approval-process
 * code. Halo words it as a message (SOURCES.md); the emulator sends it as a
 * plain-text 400, the form Halo uses for its `CODE:` messages, so clients must
 * read text bodies as well as JSON ones.
 */
import type { EntityDef } from './entities/entity';
import { intParam } from './entities/entity';
import { HaloHttpError, ruleError } from './errors';
import type { HaloStore } from './store';
import type { HaloTicketRecord } from './types';

export const CAB_APPROVAL_REFUSAL = 'CODE:APP03/2 Please select the CAB members to approve';

function needsCabMembers(store: HaloStore, ticketTypeId: number): boolean {
	const type = store.ticketTypes.get(ticketTypeId);
	return !!type?.approval_process_id && store.cabApprovalProcessIds.has(type.approval_process_id);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export const ticketDef: EntityDef<HaloTicketRecord> = {
	path: 'Tickets',
	listSchema: 'Faults_List',
	listKey: 'tickets',
	paging: 'wrapped',
	searchFields: ['summary'],
	orderBy: 'id',
	table: (store) => store.tickets,
	filter(ticket, query) {
		const checks: Array<[string, unknown]> = [
			['requesttype_id', ticket.tickettype_id],
			['user_id', ticket.user_id],
			['client_id', ticket.client_id],
			['site_id', ticket.site_id],
		];
		return checks.every(([param, value]) => {
			const wanted = intParam(query, param);
			return wanted === undefined || value === wanted;
		});
	},
	prepare(input, existing, store, newId) {
		const merged: Record<string, unknown> = { ...existing, ...input };
		const template = merged.template_id ? store.templates.get(merged.template_id) : undefined;
		if (merged.template_id && !template)
			throw ruleError(`Template ${String(merged.template_id)} does not exist`);
		const typeId = merged.tickettype_id ?? template?.tickettype_id;
		const type = store.ticketTypes.get(typeId);
		if (!type)
			throw ruleError(
				typeId === undefined
					? 'Please select a ticket type'
					: `Ticket type ${String(typeId)} does not exist`,
			);
		const summary = text(merged.summary) ?? text(template?.summary);
		if (!summary) throw ruleError('Please enter a summary');
		const ticket = {
			status_id: 1,
			dateoccurred: store.now().toISOString(),
			...merged,
			id: existing?.id ?? (newId as number),
			summary,
			tickettype_id: type.id,
			tickettype_name: type.name,
		} as HaloTicketRecord;
		const details = text(merged.details) ?? text(template?.details);
		if (details !== undefined) ticket.details = details;
		if (merged.user_id !== undefined && merged.user_id !== null) {
			const user = store.users.get(merged.user_id);
			if (!user) throw ruleError(`User ${String(merged.user_id)} does not exist`);
			ticket.user_name = user.name;
			ticket.client_id = (merged.client_id as number | undefined) ?? user.client_id;
			ticket.site_id = (merged.site_id as number | undefined) ?? user.site_id;
		}
		if (ticket.client_id !== undefined && ticket.client_id !== null) {
			const client = store.clients.get(ticket.client_id);
			if (!client) throw ruleError(`Client ${String(ticket.client_id)} does not exist`);
			ticket.client_name = client.name;
		}
		if (ticket.site_id !== undefined && ticket.site_id !== null) {
			const site = store.sites.get(ticket.site_id);
			if (!site) throw ruleError(`Site ${String(ticket.site_id)} does not exist`);
			ticket.site_name = site.name;
		}
		const approvers = merged.approvers;
		if (
			!existing &&
			needsCabMembers(store, type.id) &&
			!(Array.isArray(approvers) && approvers.length > 0)
		) {
			throw new HaloHttpError({ status: 400, body: CAB_APPROVAL_REFUSAL });
		}
		return ticket;
	},
};
