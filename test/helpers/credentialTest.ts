/**
 * Runs a node's credential test function the way n8n's CredentialsTester does:
 * `credentialTest[testedBy].call(new CredentialTestContext(additionalData), credential)`,
 * with n8n-core's own context (its legacy `helpers.request`), against the emulators.
 */
import { CredentialTestContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	INodeCredentialTestResult,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { HaloOktaSettings } from '../../nodes/HaloOktaSettings/HaloOktaSettings.node';

/** The `testedBy` function n8n picks for a credential type: the one our node names. */
export function testedBy(credentialType: string): ICredentialTestFunction {
	const node = new HaloOktaSettings();
	const entry = node.description.credentials!.find((c) => c.name === credentialType);
	if (!entry || typeof entry.testedBy !== 'string')
		throw new Error(`Halo Okta Settings names no test for ${credentialType}`);
	return (node.methods.credentialTest as Record<string, ICredentialTestFunction>)[entry.testedBy];
}

export async function runCredentialTestFunction(
	credentialType: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const context = new CredentialTestContext({} as IWorkflowExecuteAdditionalData);
	return await testedBy(credentialType).call(context, {
		id: 'test',
		name: 'test',
		type: credentialType,
		data,
	});
}
