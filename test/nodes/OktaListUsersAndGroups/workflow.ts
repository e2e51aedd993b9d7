/** Workflows around "List Okta Users and Groups" for the engine tests. */
import type { IDataObject } from 'n8n-workflow';

export const LIST = 'List';

const CREDENTIAL_BY_AUTH: Record<string, string> = {
	apiToken: 'oktaTokenApi',
	serviceApp: 'oktaServiceAppApi',
	oAuth2: 'oktaAuthCodeOAuth2Api',
};

function listNode(parameters: IDataObject) {
	const authentication = String(parameters.authentication ?? 'apiToken');
	const credential = CREDENTIAL_BY_AUTH[authentication];
	return {
		id: 'list',
		name: LIST,
		type: 'n8n-nodes-okta-halo.oktaListUsersAndGroups',
		typeVersion: 1,
		position: [220, 0] as [number, number],
		parameters,
		credentials: { [credential]: { id: `cred-${credential}`, name: 'Okta' } },
	};
}

/** Schedule Trigger → List, as a scheduled sync starts. */
export function scheduledList(parameters: IDataObject, options: { continueOnFail?: boolean } = {}) {
	return {
		name: 'List Okta',
		nodes: [
			{
				id: 'schedule',
				name: 'Schedule',
				type: 'n8n-nodes-base.scheduleTrigger',
				typeVersion: 1.2,
				position: [0, 0] as [number, number],
				parameters: {},
			},
			{
				...listNode(parameters),
				...(options.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
			},
		],
		connections: { Schedule: { main: [[{ node: LIST, type: 'main', index: 0 }]] } },
	};
}

/** List alone, fed with `startItems` (as after the event hook trigger). */
export function listOnly(parameters: IDataObject) {
	return { name: 'List by id', nodes: [listNode(parameters)], connections: {} };
}
