/**
 * Apply Role Mappings in n8n's engine against the Halo emulator: people move
 * between Okta groups; managed roles and CAB seats follow, unmanaged ones stay,
 * a second run writes nothing, every body fits halo-swagger.json.
 */
import assert from 'node:assert/strict';

import type { IDataObject } from 'n8n-workflow';

import { HALO_SEED, startHaloEmulator } from '../../../emulators/halo';
import type { HaloEmulator, HaloSeed } from '../../../emulators/halo';
import type { RoleMapping, UpsertResultItem } from '../../../lib/core/types';
import { assertHaloRequestBody } from '../../helpers/haloSpec';
import { runWorkflow } from '../../helpers/n8nEngine';

const R = HALO_SEED.agentRoles;
const U = HALO_SEED.userRoles;
const CAB = HALO_SEED.cabs;

const ALICE = 10;
const BOB = 11;
const CAROL = 12;
const UMA = 20;
const VIC = 21;

const MAPPINGS: RoleMapping[] = [
	{ group: 'IT Admins', agentRoleId: R.administrator, cabId: CAB.changeBoard },
	{ group: 'Service Desk', agentRoleId: R.technician },
	{ group: 'Managers', userRoleId: U.approver },
	{ group: 'Everyone', userRoleId: U.standard },
];

/** Roles are given by id only; the emulator fills the names as Halo does. */
function seed(): Partial<HaloSeed> {
	return {
		agents: [
			// readOnly and the Emergency CAB are given by hand in Halo: no mapping manages them.
			{
				id: ALICE,
				name: 'Alice Admin',
				email: 'alice@example.com',
				roles: [{ id: R.administrator }, { id: R.readOnly }],
			},
			{ id: BOB, name: 'Bob Tech', email: 'bob@example.com', roles: [] },
			{ id: CAROL, name: 'Carol Change', email: 'carol@example.com', roles: [] },
		],
		users: [
			{
				id: UMA,
				name: 'Uma User',
				site_id: HALO_SEED.sites.headOffice,
				roles: [{ id: U.approver }, { id: U.siteContact }],
			},
			{ id: VIC, name: 'Vic User', site_id: HALO_SEED.sites.branchOffice, roles: [] },
		],
		cabs: [
			{
				id: CAB.changeBoard,
				name: 'Change Advisory Board',
				members: [{ agent_id: ALICE }, { agent_id: CAROL }],
			},
			{ id: CAB.emergencyBoard, name: 'Emergency CAB', members: [{ agent_id: CAROL }] },
		],
	} as unknown as Partial<HaloSeed>;
}

function person(
	target: 'user' | 'agent',
	haloId: number | null,
	groups: string[],
	action: UpsertResultItem['action'] = 'unchanged',
): UpsertResultItem {
	return {
		action,
		target,
		haloId,
		changes: {},
		okta: {
			id: `00u${haloId}`,
			status: 'ACTIVE',
			login: `p${haloId}@example.com`,
			groups: groups.map((name, i) => ({ id: `00g${i}${name.length}`, name })),
			profile: {},
		},
		record: {},
	};
}

function workflow(parameters: IDataObject, settings: IDataObject = {}) {
	return {
		name: 'roles',
		nodes: [
			{
				id: '1',
				name: 'Apply Role Mappings',
				type: 'n8n-nodes-okta-halo.haloApplyRoleMappings',
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials: { haloApi: { id: 'halo', name: 'Halo (emulator)' } },
				...settings,
			},
		],
		connections: {},
	};
}

const jsonConfig = (extra: IDataObject = {}) => ({
	configSource: 'json',
	configJson: JSON.stringify({ roleMappings: MAPPINGS }),
	...extra,
});

let halo: HaloEmulator;

async function run(
	items: UpsertResultItem[],
	parameters: IDataObject = jsonConfig(),
	settings: IDataObject = {},
) {
	halo.server.clearLog();
	const result = await runWorkflow(workflow(parameters, settings), {
		credentials: {
			haloApi: { url: halo.url, clientId: 'halo-client', clientSecret: 'halo-secret' },
		},
		startItems: items.map((json) => ({ json: json as unknown as IDataObject })),
	});
	// /api/authinfo belongs to the credential's token fetch, not to the node.
	const api = halo.server.log.filter(
		(r) => r.path.toLowerCase().startsWith('/api/') && !/authinfo/i.test(r.path),
	);
	const writes = api.filter((r) => r.method === 'POST');
	for (const write of writes) assertHaloRequestBody(write.path, write.body);
	return {
		...result,
		out: result.output['Apply Role Mappings'] ?? [],
		reads: api.filter((r) => r.method === 'GET'),
		writes,
	};
}

const roleIds = (agentId: number) =>
	halo.store.agents
		.get(agentId)!
		.roles.map((r) => r.id)
		.sort();
const userRoleIds = (userId: number) =>
	halo.store.users
		.get(userId)!
		.roles.map((r) => r.id)
		.sort();
const cabAgents = (cabId: number) =>
	halo.store.cabs
		.get(cabId)!
		.members.map((m) => m.agent_id)
		.sort();

const moved = () => [
	person('agent', ALICE, ['Service Desk', 'Everyone']), // left IT Admins
	person('agent', BOB, ['IT Admins']), // joined IT Admins
	person('agent', CAROL, []), // left everything
	person('user', UMA, ['Everyone']), // left Managers
	person('user', VIC, ['Managers', 'Everyone', 'IT Admins']), // IT Admins grants nothing to users
	person('user', null, ['Managers'], 'failed'),
];

describe('Apply Role Mappings (n8n engine, Halo emulator)', () => {
	beforeEach(async () => {
		await halo?.close();
		halo = await startHaloEmulator({ seed: seed() });
	});
	afterAll(async () => halo?.close());

	test('people who moved between groups gain and lose exactly the mapped roles and CAB seats', async () => {
		const { out, reads, writes, status } = await run(moved());
		assert.equal(status, 'success');

		assert.deepEqual(
			roleIds(ALICE),
			[R.technician, R.readOnly].sort(),
			'administrator removed, technician added, hand-made readOnly kept',
		);
		assert.deepEqual(roleIds(BOB), [R.administrator]);
		assert.deepEqual(roleIds(CAROL), []);
		assert.deepEqual(cabAgents(CAB.changeBoard), [BOB]);
		assert.deepEqual(cabAgents(CAB.emergencyBoard), [CAROL], 'an unmanaged CAB is never touched');
		assert.deepEqual(
			userRoleIds(UMA),
			[U.standard, U.siteContact].sort(),
			'approver removed, standard added, siteContact kept',
		);
		assert.deepEqual(userRoleIds(VIC), [U.standard, U.approver].sort());

		assert.deepEqual(out[0].roles, {
			added: { agentRoles: [R.technician], cabs: [], userRoles: [] },
			removed: { agentRoles: [R.administrator], cabs: [CAB.changeBoard], userRoles: [] },
		});
		assert.deepEqual(out[2].roles, {
			added: { agentRoles: [], cabs: [], userRoles: [] },
			removed: { agentRoles: [], cabs: [CAB.changeBoard], userRoles: [] },
		});
		assert.deepEqual(out[3].roles, {
			added: { agentRoles: [], cabs: [], userRoles: [U.standard] },
			removed: { agentRoles: [], cabs: [], userRoles: [U.approver] },
		});
		assert.equal(out[5].roles, undefined, 'a failed upsert passes through untouched');
		assert.equal(out[0].action, 'unchanged');
		assert.equal(out[0].haloId, ALICE);

		// One read per kind (users: one per managed user role, as Users_List has no roles),
		// the full record only of the user who loses a role; one batched write per kind.
		assert.deepEqual(
			reads.map((r) => [r.path.replace(/^\/api\//i, ''), r.query.role ?? null]),
			[
				['Agent', null],
				['CAB', null],
				['Users', String(U.approver)],
				['Users', String(U.standard)],
				[`Users/${UMA}`, null],
			],
		);
		assert.equal(reads[0].query.includeroles, 'true');
		assert.equal(reads[1].query.includemembers, 'true');
		assert.deepEqual(
			writes.map((w) => [w.path.replace(/^\/api\//i, ''), (w.body as unknown[]).length]),
			[
				['Agent', 2],
				['Users', 2],
				['CAB', 1],
			],
		);
		// Vic only gains a role: add_roles, so roles no mapping manages cannot be lost.
		assert.deepEqual(
			(writes[1].body as IDataObject[]).find((u) => u.id === VIC),
			{
				id: VIC,
				add_roles: [{ id: U.approver }, { id: U.standard }],
			},
		);
	});

	test('a second run writes nothing', async () => {
		await run(moved());
		const second = await run(moved());
		assert.equal(second.writes.length, 0);
		// Agents, CABs, and the holders of each of the two managed user roles.
		assert.equal(second.reads.length, 4);
		for (const item of second.out.slice(0, 5)) {
			assert.deepEqual(item.roles, {
				added: { agentRoles: [], cabs: [], userRoles: [] },
				removed: { agentRoles: [], cabs: [], userRoles: [] },
			});
		}
	});

	test('only the lists the mappings use are read; a repeated person is written once', async () => {
		const onlyUsers = await run([
			person('user', VIC, ['Managers']),
			person('user', VIC, ['Managers']),
		]);
		// No agents, no CABs: one person, two managed user roles, so the person's own record (one
		// call, roles included) is cheaper than listing the holders of each role (two calls at least).
		assert.deepEqual(
			onlyUsers.reads.map((r) => [r.path.replace(/^\/api\//i, ''), r.query.role]),
			[[`Users/${VIC}`, undefined]],
		);
		assert.equal(onlyUsers.writes.length, 1);
		assert.deepEqual(
			(onlyUsers.writes[0].body as IDataObject[]).map((u) => u.id),
			[VIC],
		);
		assert.deepEqual((onlyUsers.out[1].roles as IDataObject).added, {
			agentRoles: [],
			cabs: [],
			userRoles: [],
		});
	});

	test('users the Upsert just created: their roles come from its answer, no user pages are read', async () => {
		const uma = person('user', UMA, ['Everyone'], 'created');
		uma.record = {
			id: UMA,
			roles: [
				{ id: U.approver, name: 'Approver' },
				{ id: U.siteContact, name: 'Site Contact' },
			],
		};
		const { reads, writes } = await run([uma]);
		assert.equal(reads.length, 0);
		assert.deepEqual(writes[0].body, [
			{ id: UMA, roles: [{ id: U.siteContact, name: 'Site Contact' }, { id: U.standard }] },
		]);
		assert.deepEqual(userRoleIds(UMA), [U.standard, U.siteContact].sort());
	});

	test('dry run reports the changes and writes nothing', async () => {
		const { out, writes } = await run(moved(), jsonConfig({ dryRun: true }));
		assert.equal(writes.length, 0);
		assert.deepEqual((out[1].roles as IDataObject).added, {
			agentRoles: [R.administrator],
			cabs: [CAB.changeBoard],
			userRoles: [],
		});
		assert.equal((out[1].roles as IDataObject).dryRun, true);
		assert.deepEqual(roleIds(BOB), []);
	});

	test('mappings from the UI fields (typed group names)', async () => {
		const parameters = {
			configSource: 'ui',
			authentication: 'none',
			roleMappings: {
				mapping: [
					{
						group: 'it admins',
						agentRoleId: R.administrator,
						cabId: String(CAB.changeBoard),
						userRoleId: '',
					},
					{ group: 'Managers', agentRoleId: '', cabId: '', userRoleId: U.approver },
				],
			},
		};
		const { out, status } = await run(
			[person('agent', BOB, ['IT Admins']), person('user', UMA, [])],
			parameters,
		);
		assert.equal(status, 'success');
		assert.deepEqual(roleIds(BOB), [R.administrator]);
		assert.deepEqual(cabAgents(CAB.changeBoard), [ALICE, BOB, CAROL]);
		assert.deepEqual(userRoleIds(UMA), [U.siteContact]);
		assert.deepEqual((out[1].roles as IDataObject).removed, {
			agentRoles: [],
			cabs: [],
			userRoles: [U.approver],
		});
	});

	test('mappings from the UI fields (groups picked from Okta: matched by id)', async () => {
		const parameters = {
			configSource: 'ui',
			authentication: 'apiToken',
			roleMappings: {
				mapping: [{ oktaGroupId: '00g-service-desk', group: 'ignored', agentRoleId: R.technician }],
			},
		};
		const bob = person('agent', BOB, []);
		bob.okta!.groups = [{ id: '00g-service-desk', name: 'Renamed In Okta' }];
		const { status } = await run([bob], parameters);
		assert.equal(status, 'success');
		assert.deepEqual(roleIds(BOB), [R.technician]);
	});

	test('a bad mapping is refused before any Halo call, naming the path', async () => {
		const { status, nodeErrors } = await run([person('agent', BOB, ['IT Admins'])], {
			configSource: 'json',
			configJson: JSON.stringify({ roleMappings: [{ group: 'x', agentRoleId: 'not-a-guid' }] }),
		});
		assert.equal(status, 'error');
		assert.match(nodeErrors['Apply Role Mappings'].message, /roleMappings\[0\]\.agentRoleId/);
		assert.equal(halo.server.log.filter((r) => /^\/api\/(?!authinfo)/i.test(r.path)).length, 0);
	});

	const agentRefusal = {
		match: (req: { method: string; path: string }) =>
			req.method === 'POST' && /^\/api\/agent$/i.test(req.path),
		shape: 'resultCode' as const,
		message: 'Agent licence limit reached',
	};

	test('a refused write fails its people; with Continue On Fail the rest are still applied', async () => {
		halo.injectError(agentRefusal);
		const failing = await run(moved());
		assert.equal(failing.status, 'error');
		assert.match(failing.nodeErrors['Apply Role Mappings'].message, /licence limit/);

		halo.injectError(agentRefusal);
		const { out, status } = await run(moved(), jsonConfig(), { onError: 'continueRegularOutput' });
		assert.equal(status, 'success');
		assert.match(String(out[0].error), /licence limit/);
		assert.match(String(out[1].error), /licence limit/);
		assert.equal(
			out[2].error,
			undefined,
			'Carol had no role change, only a CAB seat, which was written',
		);
		assert.equal(out[3].error, undefined);
		assert.deepEqual(
			userRoleIds(UMA),
			[U.standard, U.siteContact].sort(),
			'users were still written',
		);
		assert.deepEqual(cabAgents(CAB.changeBoard), [BOB], 'CABs were still written');
	});
});
