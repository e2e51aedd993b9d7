/**
 * Map to Halo in n8n's engine: a pure transform (no Halo call and no Halo
 * credential for any mapping); for agents with a team mapping or a default
 * team (dropdown `agentDefaultTeam`, values are team names) the Upsert after
 * it reads Halo teams once and resolves the names; pairedItem on every item,
 * Continue On Fail, and config errors naming the path.
 */
import assert from 'node:assert/strict';

import type { IDataObject } from 'n8n-workflow';

import { HALO_SEED, startHaloEmulator } from '../../../emulators/halo';
import type { HaloEmulator } from '../../../emulators/halo';
import type { MappedItem } from '../../../lib/core/types';
import { MapToHalo } from '../../../nodes/MapToHalo/MapToHalo.node';
import { runWorkflow } from '../../helpers/n8nEngine';
import { haloToken, loadOptionsContext } from '../HaloApplyRoleMappings/support/loadOptionsContext';
import { generateOktaUsers } from '../../halo/support/oktaUsers';

const NODE = 'Map to Halo';

function workflow(parameters: IDataObject, settings: IDataObject = {}, withCredential = false) {
	return {
		name: 'map',
		nodes: [
			{
				id: '1',
				name: NODE,
				type: 'n8n-nodes-okta-halo.mapToHalo',
				typeVersion: 1,
				position: [0, 0],
				parameters,
				...(withCredential
					? { credentials: { haloApi: { id: 'halo', name: 'Halo (emulator)' } } }
					: {}),
				...settings,
			},
		],
		connections: {},
	};
}

const UPSERT = 'Upsert Halo User/Agent';

/** Map to Halo without a credential, then a dry-run Upsert that reads Halo and resolves team names. */
function mapThenUpsert(mapParameters: IDataObject) {
	return {
		name: 'map then upsert',
		nodes: [
			{
				id: '1',
				name: NODE,
				type: 'n8n-nodes-okta-halo.mapToHalo',
				typeVersion: 1,
				position: [0, 0],
				parameters: mapParameters,
			},
			{
				id: '2',
				name: UPSERT,
				type: 'n8n-nodes-okta-halo.haloUpsert',
				typeVersion: 1,
				position: [220, 0],
				parameters: { dryRun: true },
				credentials: { haloApi: { id: 'halo', name: 'Halo (emulator)' } },
			},
		],
		connections: { [NODE]: { main: [[{ node: UPSERT, type: 'main', index: 0 }]] } },
	};
}

interface UpsertOut {
	record: Record<string, unknown>;
	warnings?: string[];
}

const SITE_JSON = {
	user: { siteRules: [{ group: 'Branch Office Staff', siteId: 2 }], defaultSiteId: 1 },
};

describe('Map to Halo (n8n engine)', () => {
	let halo: HaloEmulator;
	beforeAll(async () => {
		halo = await startHaloEmulator();
	});
	afterAll(() => halo.close());

	const users = generateOktaUsers(40, 21);
	const start = (list: unknown[] = users) => list.map((json) => ({ json: json as IDataObject }));

	test('users from JSON: items as docs/items.md shapes them, pairedItem, no Halo credential and no Halo call', async () => {
		halo.server.clearLog();
		const result = await runWorkflow(
			workflow({ target: 'user', configSource: 'json', configJson: JSON.stringify(SITE_JSON) }),
			{
				startItems: start(),
			},
		);
		assert.equal(result.status, 'success', String(result.error));
		const out = result.output[NODE] as unknown as MappedItem[];
		assert.equal(out.length, users.length);
		result.items[NODE].forEach((item, i) => assert.deepEqual(item.pairedItem, { item: i }));
		const first = out[0];
		assert.deepEqual(
			Object.keys(first).sort(),
			[
				'active',
				'createOnly',
				'okta',
				'record',
				'target',
				'warnings',
				...(first.siteRule ? ['siteRule'] : []),
			].sort(),
		);
		assert.equal(first.target, 'user');
		assert.equal(first.okta.id, users[0].id);
		assert.equal(first.record.emailaddress, users[0].profile.email);
		users.forEach((user, i) => {
			const branch = user.groups!.some((g) => g.name === 'Branch Office Staff');
			assert.equal(out[i].record.site_id, branch ? 2 : 1);
			assert.equal(
				out[i].active,
				['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY'].includes(user.status),
			);
		});
		assert.equal(halo.server.log.length, 0);
	});

	test('users from the UI fields: site rules, extra field, active statuses', async () => {
		const result = await runWorkflow(
			workflow({
				target: 'user',
				configSource: 'ui',
				activeStatuses: ['ACTIVE'],
				userFields: {
					mapping: [
						{ halo: 'department', okta: 'profile.department' },
						{ halo: '__custom', customHalo: 'other1', okta: '{{profile.title}} ({{status}})' },
					],
				},
				siteRules: {
					rule: [
						{
							matchBy: 'group',
							group: 'remote workers',
							siteId: HALO_SEED.sites.remoteWorkers,
							statuses: [],
							userRoleId: '',
							newUsersOnly: true,
						},
					],
				},
				defaultSiteId: HALO_SEED.sites.headOffice,
			}),
			{ startItems: start() },
		);
		assert.equal(result.status, 'success', String(result.error));
		const out = result.output[NODE] as unknown as MappedItem[];
		users.forEach((user, i) => {
			const remote = user.groups!.some((g) => g.name === 'Remote Workers');
			assert.equal(out[i].record.site_id, remote ? 3 : 1, user.id);
			assert.equal(out[i].record.department, user.profile.department);
			assert.equal(out[i].record.other1, `${user.profile.title} (${user.status})`);
			assert.equal(out[i].active, user.status === 'ACTIVE');
			if (remote) assert.ok(out[i].createOnly.includes('site_id'));
		});
	});

	test('agents with a team mapping: Map has no credential, the Upsert reads Halo teams once per execution', async () => {
		halo.server.clearLog();
		const agents = users.slice(0, 10).map((u, i) => ({
			...u,
			profile: { ...u.profile, department: i % 2 ? 'service desk' : 'Nowhere' },
		}));
		const result = await runWorkflow(
			mapThenUpsert({
				target: 'agent',
				configSource: 'ui',
				agentFields: { mapping: [{ halo: 'team', okta: 'profile.department' }] },
			}),
			{
				credentials: {
					haloApi: { url: halo.url, clientId: 'halo-client', clientSecret: 'halo-secret' },
				},
				startItems: start(agents),
				startNode: NODE,
			},
		);
		assert.equal(result.status, 'success', String(result.error));
		const mappedOut = result.output[NODE] as unknown as MappedItem[];
		assert.equal(mappedOut[1].record.team, 'service desk');
		assert.deepEqual(mappedOut[1].warnings, []);
		const out = result.output[UPSERT] as unknown as UpsertOut[];
		assert.equal(out[1].record.team, 'Service Desk');
		assert.deepEqual(out[1].record.teams, [
			{
				team_id: HALO_SEED.teams.serviceDesk,
				team_name: 'Service Desk',
				fortickets: true,
				unassigned_access: true,
				otheragent_access: true,
			},
		]);
		assert.equal(out[0].record.team, undefined);
		assert.match(out[0].warnings!.join(' '), /"Nowhere" for field team matches no Halo team/);
		const teamReads = halo.server.log.filter((r) => /^\/api\/team$/i.test(r.path));
		assert.equal(teamReads.length, 1);
		assert.equal(result.preAuthCount.haloApi, 1);
	});

	const haloCredentials = () => ({
		haloApi: { url: halo.url, clientId: 'halo-client', clientSecret: 'halo-secret' },
	});

	test('agents whose department matches no team get the default team from the UI dropdown (teams read once)', async () => {
		halo.server.clearLog();
		const agents = users.slice(0, 6).map((u, i) => ({
			...u,
			profile: { ...u.profile, department: i % 2 ? 'service desk' : 'Nowhere' },
		}));
		const result = await runWorkflow(
			mapThenUpsert({
				target: 'agent',
				configSource: 'ui',
				agentFields: { mapping: [{ halo: 'team', okta: 'profile.department' }] },
				agentDefaultTeam: 'Infrastructure',
				teamAccess: { seeOthers: false },
			}),
			{ credentials: haloCredentials(), startItems: start(agents), startNode: NODE },
		);
		assert.equal(result.status, 'success', String(result.error));
		const out = result.output[UPSERT] as unknown as UpsertOut[];
		assert.equal(out[1].record.team, 'Service Desk');
		assert.equal(out[1].warnings, undefined);
		assert.equal(out[0].record.team, 'Infrastructure');
		assert.deepEqual(out[0].record.teams, [
			{
				team_id: HALO_SEED.teams.infrastructure,
				team_name: 'Infrastructure',
				fortickets: true,
				unassigned_access: true,
				otheragent_access: false,
			},
		]);
		assert.match(
			out[0].warnings!.join(' '),
			/"Nowhere" for field team matches no Halo team; the default team "Infrastructure" was used/,
		);
		assert.equal(halo.server.log.filter((r) => /^\/api\/team$/i.test(r.path)).length, 1);
	});

	test('a default team without any team mapping (JSON) still reads Halo teams once; an unknown default team warns', async () => {
		halo.server.clearLog();
		const agents = users.slice(0, 3);
		const result = await runWorkflow(
			mapThenUpsert({
				target: 'agent',
				configSource: 'json',
				configJson: JSON.stringify({ agent: { defaultTeam: 'change management' } }),
			}),
			{ credentials: haloCredentials(), startItems: start(agents), startNode: NODE },
		);
		assert.equal(result.status, 'success', String(result.error));
		const out = result.output[UPSERT] as unknown as UpsertOut[];
		out.forEach((item) => assert.equal(item.record.team, 'Change Management'));
		assert.equal(halo.server.log.filter((r) => /^\/api\/team$/i.test(r.path)).length, 1);

		const unknown = await runWorkflow(
			mapThenUpsert({
				target: 'agent',
				configSource: 'json',
				configJson: JSON.stringify({ agent: { defaultTeam: 'Nobody' } }),
			}),
			{
				credentials: haloCredentials(),
				startItems: start(agents.slice(0, 1)),
				startNode: NODE,
			},
		);
		assert.equal(unknown.status, 'success', String(unknown.error));
		const item = unknown.output[UPSERT][0] as unknown as UpsertOut;
		assert.equal(item.record.team, undefined);
		assert.deepEqual(item.warnings, ['default team "Nobody" matches no Halo team']);
	});

	test('the "Default Team Name or ID" dropdown: agents, UI only, Halo teams by name after "- None -"', async () => {
		const node = new MapToHalo();
		const property = node.description.properties.find((p) => p.name === 'agentDefaultTeam');
		assert.ok(property, 'agentDefaultTeam parameter');
		assert.equal(property.displayName, 'Default Team Name or ID');
		assert.equal(property.type, 'options');
		assert.equal(property.typeOptions?.loadOptionsMethod, 'getHaloTeams');
		assert.equal(property.default, '');
		assert.deepEqual(property.displayOptions, {
			show: { target: ['agent'], configSource: ['ui'] },
		});
		const context = loadOptionsContext({
			parameters: {},
			credentials: haloCredentials(),
			authorization: { haloApi: `Bearer ${await haloToken(halo.url)}` },
		});
		const options = await node.methods.loadOptions.getHaloTeams.call(context);
		assert.deepEqual(options[0], { name: '- None -', value: '' });
		assert.deepEqual(
			options.slice(1).map((o) => o.value),
			['2nd Line Support', 'Change Management', 'Infrastructure', 'Service Desk'],
		);
		options.slice(1).forEach((o) => assert.equal(o.value, o.name));
	});

	test('Continue On Fail: a non-Okta item fails alone; without it the node stops naming the item', async () => {
		const mixed = [users[0], { hello: 'world' }, users[1]];
		const tolerant = await runWorkflow(
			workflow(
				{ target: 'user', configSource: 'json', configJson: '{}' },
				{ continueOnFail: true },
			),
			{
				startItems: start(mixed),
			},
		);
		assert.equal(tolerant.status, 'success');
		const out = tolerant.output[NODE];
		assert.equal(out.length, 3);
		assert.equal(out[1].action, 'failed');
		assert.match(String(out[1].error), /not an Okta user \(no id, profile, status\)/);
		assert.equal((out[2] as unknown as MappedItem).okta.id, users[1].id);
		assert.deepEqual(tolerant.items[NODE][1].pairedItem, { item: 1 });

		const strict = await runWorkflow(
			workflow({ target: 'user', configSource: 'json', configJson: '{}' }),
			{ startItems: start(mixed) },
		);
		assert.equal(strict.status, 'error');
		assert.match(strict.nodeErrors[NODE].message, /not an Okta user/);
	});

	test('a bad configuration stops the node with the path of the problem', async () => {
		const bad = {
			user: {
				siteRules: [
					{ group: 'Sales', siteId: 1 },
					{ group: 'Ops', siteId: 'two' },
				],
			},
		};
		const result = await runWorkflow(
			workflow(
				{ target: 'user', configSource: 'json', configJson: JSON.stringify(bad) },
				{ continueOnFail: true },
			),
			{
				startItems: start(users.slice(0, 2)),
			},
		);
		assert.equal(result.status, 'error');
		assert.match(result.nodeErrors[NODE].message, /user\.siteRules\[1\]\.siteId/);
		const notJson = await runWorkflow(
			workflow({ target: 'user', configSource: 'json', configJson: '{ nope' }),
			{ startItems: start(users.slice(0, 1)) },
		);
		assert.match(notJson.nodeErrors[NODE].message, /not valid JSON/);
	});
});
