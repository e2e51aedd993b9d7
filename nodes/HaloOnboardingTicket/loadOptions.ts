import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { haloClientFor, haloLoadOptions, haloNodeError, toOptions } from '../../lib/n8n/halo';

/** Templates of the chosen ticket type (all when none is chosen yet), after a "none" choice. */
async function getTemplatesOfType(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	try {
		const typeId = Number(this.getCurrentNodeParameter('ticketTypeId'));
		const client = await haloClientFor(this);
		const templates = await client.listTemplates(
			Number.isInteger(typeId) && typeId > 0 ? { ticketTypeId: typeId } : {},
		);
		return [{ name: '- None -', value: '' }, ...toOptions(templates)];
	} catch (error) {
		throw haloNodeError(this.getNode(), error);
	}
}

export const loadOptions = {
	getHaloTicketTypes: haloLoadOptions.getHaloTicketTypes,
	getTemplatesOfType,
};
