/**
 * The n8n glue for Halo: a client built on the node's `haloApi` credential,
 * the dropdown loaders several nodes share, and Halo errors as n8n errors.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	ILoadOptionsFunctions,
	INode,
	INodeProperties,
	INodePropertyOptions,
	JsonObject,
} from 'n8n-workflow';

import { HaloApiError } from '../halo/HaloApiError';
import { HaloClient } from '../halo/HaloClient';
import type { HaloRecord } from '../core/types';
import { HaloConnectionError } from '../halo/HaloConnectionError';
import { requestHaloToken } from '../halo/auth';
import type { HaloAuthSettings } from '../halo/auth';
import { retryOptionsFor } from './requestBudget';
import { helperRequestFn, n8nRequestFn } from './transport';
import type { RequestContext } from './transport';

export const HALO_CREDENTIAL = 'haloApi';

export interface HaloClientForOptions {
	dryRun?: boolean;
	pageSize?: number;
}

/** A HaloClient whose every request goes through n8n with the `haloApi` credential (token fetched once, refreshed on 401). */
export async function haloClientFor(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	options: HaloClientForOptions = {},
): Promise<HaloClient> {
	const credentials = await context.getCredentials<{ url?: string }>(HALO_CREDENTIAL);
	const url = typeof credentials.url === 'string' ? credentials.url.trim() : '';
	if (!url)
		throw new NodeOperationError(
			context.getNode(),
			'The Halo credential has no URL; set it to your Halo address, e.g. https://acme.halopsa.com.',
		);
	return new HaloClient({
		baseUrl: url,
		send: n8nRequestFn(context as RequestContext, HALO_CREDENTIAL),
		dryRun: options.dryRun,
		pageSize: options.pageSize,
		retry: retryOptionsFor(context as RequestContext),
	});
}

/**
 * The credential's preAuthentication: the client-credentials token over n8n's
 * plain `httpRequest` (no credential applied there: this request makes it).
 */
export async function fetchHaloAccessToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const settings: HaloAuthSettings = {
		url: String(credentials.url ?? ''),
		authUrl: typeof credentials.authUrl === 'string' ? credentials.authUrl : undefined,
		tenant: typeof credentials.tenant === 'string' ? credentials.tenant : undefined,
		clientId: String(credentials.clientId ?? ''),
		clientSecret: String(credentials.clientSecret ?? ''),
		scope: typeof credentials.scope === 'string' ? credentials.scope : undefined,
	};
	const token = await requestHaloToken(helperRequestFn(helpers), settings);
	return token.accessToken;
}

/** A Halo (or any) error as the n8n error the node throws: NodeApiError for Halo's answers, NodeOperationError otherwise. */
export function haloNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof HaloApiError) {
		return new NodeApiError(node, { message: error.message, status: error.status } as JsonObject, {
			message: error.message,
			httpCode: String(error.status),
			itemIndex,
		});
	}
	if (error instanceof HaloConnectionError) {
		// Not under `code`: n8n would swap our advice ("run again, nothing is duplicated") for its generic network text.
		return new NodeApiError(
			node,
			{ message: error.message, networkError: error.code ?? null } as JsonObject,
			{
				message: error.message,
				description: error.code ? `Network error ${error.code}` : undefined,
				itemIndex,
			},
		);
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

/** Readable text of any error, for `error` fields on output items. */
export function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

// ---- Dropdowns (loadOptions) shared by the Halo nodes -------------------------------------------

type Loader = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

function loader(
	list: (client: HaloClient) => Promise<HaloRecord[]>,
	describe?: (r: HaloRecord) => string | undefined,
): Loader {
	return async function (this: ILoadOptionsFunctions) {
		try {
			const client = await haloClientFor(this);
			return toOptions(await list(client), describe);
		} catch (error) {
			throw haloNodeError(this.getNode(), error);
		}
	};
}

/** Records as dropdown options sorted by name; ids keep Halo's type (GUID strings for agent roles, numbers elsewhere). */
export function toOptions(
	records: HaloRecord[],
	describe?: (r: HaloRecord) => string | undefined,
): INodePropertyOptions[] {
	return records
		.filter((r) => r.id !== undefined && r.id !== null)
		.map((r) => {
			const option: INodePropertyOptions = {
				name: String(r.name ?? r.summary ?? r.id),
				value: typeof r.id === 'number' || typeof r.id === 'string' ? r.id : String(r.id),
			};
			const description = describe?.(r);
			if (description) option.description = description;
			return option;
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The same dropdown with a first "- None -" choice (value ''), for optional fields such as a default user role. */
export function withNoneOption(load: Loader): Loader {
	return async function (this: ILoadOptionsFunctions) {
		return [{ name: '- None -', value: '' }, ...(await load.call(this))];
	};
}

/** The same dropdown with each option's name as its value, for settings that hold a Halo name (an agent's default team). */
export function withNameValues(load: Loader): Loader {
	return async function (this: ILoadOptionsFunctions) {
		return (await load.call(this)).map((option) => ({ ...option, value: option.name }));
	};
}

export const haloLoadOptions = {
	getHaloSites: loader(
		(c) => c.listSites(),
		(r) => (r.client_name ? `Client: ${String(r.client_name)}` : undefined),
	),
	getHaloTeams: loader(
		(c) => c.listTeams(),
		(r) => (r.department_name ? `Department: ${String(r.department_name)}` : undefined),
	),
	getHaloAgentRoles: loader((c) => c.listAgentRoles()),
	getHaloUserRoles: loader((c) => c.listUserRoles()),
	getHaloCabs: loader((c) => c.listCabs()),
	getHaloTicketTypes: loader((c) => c.listTicketTypes()),
	getHaloTemplates: loader((c) => c.listTemplates()),
};

/** The "Batch Size" option of the nodes that write to Halo (Halo saves a JSON array per POST). */
export function batchSizeOption(description: string, maxValue = 100): INodeProperties {
	return {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue },
		default: 50,
		description,
	};
}
