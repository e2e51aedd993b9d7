/**
 * Every node's parameters and credentials as n8n's editor reads them
 * (editor-ui nodeTypesUtils: a parameter named in a credential's
 * displayOptions is an auth field; `authentication` without a `none` option,
 * or an auth field whose every value picks a credential, is the "main auth
 * field": hidden from the panel and chosen in the credential box, together
 * with every parameter an auth field depends on). A node with an always-needed
 * credential next to optional Okta ones must not fall into that: the
 * editor would hide its parameters and offer the wrong credentials.
 * The Okta credential names must follow lib/n8n/okta.ts's one table.
 */
import assert from 'node:assert/strict';

import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { NO_OKTA_AUTHENTICATION, oktaCredentialType } from '../../lib/n8n/okta';
import { HaloApplyRoleMappings } from '../../nodes/HaloApplyRoleMappings/HaloApplyRoleMappings.node';
import { HaloOktaSettings } from '../../nodes/HaloOktaSettings/HaloOktaSettings.node';
import { HaloOnboardingTicket } from '../../nodes/HaloOnboardingTicket/HaloOnboardingTicket.node';
import { HaloUpsert } from '../../nodes/HaloUpsert/HaloUpsert.node';
import { MapToHalo } from '../../nodes/MapToHalo/MapToHalo.node';
import { OktaEventHookTrigger } from '../../nodes/OktaEventHookTrigger/OktaEventHookTrigger.node';
import { OktaListUsersAndGroups } from '../../nodes/OktaListUsersAndGroups/OktaListUsersAndGroups.node';

const NODES: INodeType[] = [
	new HaloApplyRoleMappings(),
	new HaloOktaSettings(),
	new HaloOnboardingTicket(),
	new HaloUpsert(),
	new MapToHalo(),
	new OktaEventHookTrigger(),
	new OktaListUsersAndGroups(),
];

function optionValues(property: INodeProperties): unknown[] {
	return (property.options ?? []).map((option) => ('value' in option ? option.value : undefined));
}

/** Parameters named in some credential's displayOptions.show. */
function authFields(description: INodeTypeDescription): INodeProperties[] {
	const names = new Set(
		(description.credentials ?? []).flatMap((c) => Object.keys(c.displayOptions?.show ?? {})),
	);
	return description.properties.filter((p) => names.has(p.name));
}

/** The parameter the editor moves into the credential box, if any. */
function mainAuthField(description: INodeTypeDescription): INodeProperties | undefined {
	const fields = authFields(description);
	const named = fields.find(
		(p) => p.name === 'authentication' && !optionValues(p).includes('none'),
	);
	if (named) return named;
	const used = new Map<string, string[]>();
	for (const credential of description.credentials ?? []) {
		for (const [name, values] of Object.entries(credential.displayOptions?.show ?? {})) {
			used.set(name, [...(used.get(name) ?? []), ...(values ?? []).map((v) => String(v ?? ''))]);
		}
	}
	return fields.find((p) =>
		optionValues(p).every((v) => typeof v !== 'string' || used.get(p.name)!.includes(v)),
	);
}

/** Parameters the editor hides from the panel once there is a main auth field. */
function hiddenByEditor(description: INodeTypeDescription): string[] {
	const main = mainAuthField(description);
	if (!main) return [];
	const dependedOn = new Set(
		authFields(description).flatMap((f) => Object.keys(f.displayOptions?.show ?? {})),
	);
	return description.properties
		.filter((p) => p.name === main.name || dependedOn.has(p.name))
		.map((p) => p.name);
}

describe("our nodes' parameters and credentials as n8n's editor reads them", () => {
	for (const node of NODES) {
		const description = node.description;
		test(`${description.displayName}: nothing but the main credential choice is hidden, Okta credentials follow the one table`, () => {
			const main = mainAuthField(description);
			assert.deepEqual(
				hiddenByEditor(description),
				main ? [main.name] : [],
				'parameters hidden from the panel',
			);
			if (main) {
				const independent = (description.credentials ?? []).filter(
					(c) => !(main.name in (c.displayOptions?.show ?? {})),
				);
				assert.deepEqual(
					independent.map((c) => c.name),
					[],
					`with "${main.name}" in the credential box every credential must follow it`,
				);
			}
			const authentication = description.properties.find((p) => p.name === 'authentication');
			const conditional = (description.credentials ?? []).filter(
				(c) => c.displayOptions?.show?.authentication,
			);
			if (!authentication) {
				assert.deepEqual(conditional, []);
				return;
			}
			for (const credential of conditional) {
				for (const value of credential.displayOptions!.show!.authentication!)
					assert.equal(credential.name, oktaCredentialType(value));
			}
			for (const value of optionValues(authentication).filter(
				(v) => v !== NO_OKTA_AUTHENTICATION,
			)) {
				assert.ok(
					conditional.some((c) =>
						c.displayOptions!.show!.authentication!.includes(value as string),
					),
					`a credential for authentication "${String(value)}"`,
				);
			}
		});
	}

	test('Apply Role Mappings, the trigger and Halo Okta Settings: an optional Okta credential ("none" first, the default), no main auth field', () => {
		for (const node of [
			new HaloApplyRoleMappings(),
			new OktaEventHookTrigger(),
			new HaloOktaSettings(),
		]) {
			const authentication = node.description.properties.find((p) => p.name === 'authentication')!;
			assert.equal(
				authentication.displayOptions,
				undefined,
				'no display options: it would hide what it depends on',
			);
			assert.deepEqual(optionValues(authentication), ['none', 'apiToken', 'serviceApp', 'oAuth2']);
			assert.equal(authentication.default, 'none');
			assert.equal(mainAuthField(node.description), undefined);
		}
		const names = (node: INodeType) => node.description.properties.map((p) => p.name);
		assert.ok(!names(new HaloApplyRoleMappings()).includes('groupInput'));
		assert.ok(!names(new OktaEventHookTrigger()).includes('registerEventHook'));
	});

	test('List Okta Users and Groups: "authentication" is the main credential choice (standard pattern)', () => {
		assert.equal(mainAuthField(new OktaListUsersAndGroups().description)?.name, 'authentication');
	});

	test('the check catches the old trap: an Okta choice with display options next to the Halo credential', () => {
		const trap = new HaloApplyRoleMappings().description;
		const old: INodeTypeDescription = {
			...trap,
			properties: trap.properties.map((p) =>
				p.name === 'authentication'
					? {
							...p,
							options: p.options!.slice(1),
							default: 'apiToken',
							displayOptions: { show: { configSource: ['ui'] } },
						}
					: p,
			),
		};
		assert.deepEqual(hiddenByEditor(old).sort(), ['authentication', 'configSource']);
	});
});
