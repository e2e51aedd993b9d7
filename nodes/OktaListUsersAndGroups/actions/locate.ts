import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import type { OktaClient } from '../../../lib/okta/OktaClient';

interface Located {
	/** What the locator names, for messages ("group", "app"). */
	kind: string;
	/** Okta objects with that name; "By Name" needs exactly one. */
	named: (client: OktaClient, name: string) => Promise<Array<{ id: string }>>;
}

const LOCATED: Record<'group' | 'app', Located> = {
	group: { kind: 'group', named: (client, name) => client.groupsNamed(name) },
	app: { kind: 'app', named: (client, name) => client.appsLabelled(name) },
};

/**
 * The Okta id a Group or App resource locator stands for. "From List" and
 * "By ID" hold the id; "By Name" holds a name, looked up once, so saved
 * workflows and examples can name a group instead of an org-specific id.
 */
export async function locatedId(
	context: IExecuteFunctions,
	client: OktaClient,
	parameter: 'group' | 'app',
	itemIndex: number,
): Promise<string> {
	const locator = context.getNodeParameter(parameter, itemIndex) as
		INodeParameterResourceLocator | string;
	const { mode, value } =
		typeof locator === 'object' && locator !== null ? locator : { mode: 'id', value: locator };
	const text = String(value ?? '').trim();
	const { kind, named } = LOCATED[parameter];
	if (!text)
		throw new NodeOperationError(context.getNode(), `Choose the Okta ${kind}`, { itemIndex });
	if (mode !== 'name') return text;

	const matches = await named(client, text);
	if (matches.length === 1) return matches[0].id;
	const message =
		matches.length === 0
			? `No Okta ${kind} is named "${text}"`
			: `${matches.length} Okta ${kind}s are named "${text}" (${matches.map((match) => match.id).join(', ')})`;
	throw new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: `Names are matched in full, ignoring case. Check the name, or choose the ${kind} from the list or by ID.`,
	});
}
