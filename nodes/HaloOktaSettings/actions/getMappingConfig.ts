import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { mappingConfigFromControl } from '../../../lib/core/controlConfig';
import { haloClientFor } from '../../../lib/n8n/halo';

/** One item: Halo's Okta integration as a MappingConfig, what it cannot say, and Halo's own import. */
export async function getMappingConfig(this: IExecuteFunctions): Promise<IDataObject> {
	const halo = await haloClientFor(this);
	const taken = mappingConfigFromControl(await halo.getControl());
	return taken as unknown as IDataObject;
}
