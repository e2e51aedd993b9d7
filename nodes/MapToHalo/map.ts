/**
 * Map to Halo, the run: one configuration per execution, then a pure
 * transform per item. It makes no Halo request for any mapping: team and
 * department names are resolved by the Upsert (docs/architecture.md); the
 * node's optional Halo credential only fills the editor's dropdowns.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { resolveConfig } from '../../lib/core/config';
import { mapOktaUser } from '../../lib/core/mapUser';
import type { OktaUser, Target } from '../../lib/core/types';
import { errorText } from '../../lib/n8n/halo';
import { readMappingConfig, readUiMappingConfig } from '../../lib/n8n/mappingConfig/read';

export async function mapToHalo(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	if (items.length === 0) return [[]];
	// Read once: one configuration for the whole run, as Halo's own integration has.
	const target = context.getNodeParameter('target', 0, 'user') as Target;
	const config = resolveConfig(readMappingConfig(context, 0, readUiMappingConfig));
	const continueOnFail = context.continueOnFail();

	return [
		items.map((item, i): INodeExecutionData => {
			const user = asOktaUser(item.json);
			if (typeof user === 'string') {
				if (!continueOnFail)
					throw new NodeOperationError(context.getNode(), user, { itemIndex: i });
				return { json: { action: 'failed', target, error: user }, pairedItem: { item: i } };
			}
			try {
				return {
					json: { ...mapOktaUser(user, target, config) },
					pairedItem: { item: i },
				};
			} catch (error) {
				if (!continueOnFail)
					throw new NodeOperationError(context.getNode(), error as Error, { itemIndex: i });
				// The Okta id travels with the failure, so Upsert never deactivates this person (docs/items.md).
				return {
					json: { action: 'failed', target, okta: { id: user.id }, error: errorText(error) },
					pairedItem: { item: i },
				};
			}
		}),
	];
}

/** The input as an Okta user, or why it is not one. */
function asOktaUser(json: unknown): OktaUser | string {
	const user = json as Partial<OktaUser> | undefined;
	const hasProfile = !!user?.profile && typeof user.profile === 'object';
	if (typeof user?.id === 'string' && hasProfile && typeof user.status === 'string')
		return user as OktaUser;
	const missing = [
		typeof user?.id !== 'string' && 'id',
		!hasProfile && 'profile',
		typeof user?.status !== 'string' && 'status',
	].filter(Boolean);
	return `The item is not an Okta user (no ${missing.join(', ')}); connect "List Okta Users and Groups" with resource Users`;
}
