/**
 * Site rules end to end in n8n's engine against both emulators: a rule by
 * Okta app (List Okta Users and Groups reads the app's user list once and
 * gives each user `appIds`), a rule by group with statuses and two filters,
 * a filter-only rule, and `unmatched: skip` (Halo's "imports mapped users
 * only"). Each person exercises one branch; the first matching rule wins.
 */
import assert from 'node:assert/strict';

import { HALO_SEED } from '../../emulators/halo';
import type { OktaFixture } from '../../emulators/okta/fixture';
import type { Emulators } from '../helpers/emulators';
import { startEmulators } from '../helpers/emulators';
import { assertHaloRequestBody } from '../helpers/haloSpec';
import { runWorkflow } from '../helpers/n8nEngine';

const S = HALO_SEED.sites;
const APP = '0oaSITERULEAPP000001';
const SKIPPED = 'no site rule takes this user (user.unmatched: skip)';

interface Person {
	id: string;
	status?: 'ACTIVE' | 'PASSWORD_EXPIRED' | 'LOCKED_OUT' | 'SUSPENDED';
	department?: string;
	userType?: string;
	email?: string;
	staff?: boolean;
	app?: boolean;
	/** Already in Halo (an earlier sync), on this site. */
	inHalo?: number;
	/** What the run should do with the person. */
	expect: { action: string; site?: number; reason?: RegExp };
	why: string;
}

const PEOPLE: Person[] = [
	{
		id: '00usr01',
		app: true,
		why: 'assigned to the app',
		expect: { action: 'created', site: S.branchOffice },
	},
	{
		id: '00usr02',
		app: true,
		staff: true,
		department: 'Sales',
		why: 'app and group rule both match: the first rule wins',
		expect: { action: 'created', site: S.branchOffice },
	},
	{
		id: '00usr03',
		staff: true,
		department: 'Sales',
		userType: 'Employee',
		why: 'group, status and both filters match',
		expect: { action: 'created', site: S.headOffice },
	},
	{
		id: '00usr04',
		staff: true,
		department: ' support ',
		why: '"in" ignores case and spaces',
		expect: { action: 'created', site: S.headOffice },
	},
	{
		id: '00usr05',
		staff: true,
		department: 'Sales',
		status: 'PASSWORD_EXPIRED',
		why: 'a second status the rule lists',
		expect: { action: 'created', site: S.headOffice },
	},
	{
		id: '00usr06',
		staff: true,
		department: 'Sales',
		status: 'LOCKED_OUT',
		why: 'active, but a status the rule does not list',
		expect: { action: 'skipped', reason: /user\.unmatched: skip/ },
	},
	{
		id: '00usr07',
		staff: true,
		department: 'Marketing',
		why: 'first filter fails',
		expect: { action: 'skipped', reason: /user\.unmatched: skip/ },
	},
	{
		id: '00usr08',
		staff: true,
		department: 'Sales',
		userType: 'contractor',
		why: 'second filter (ne, any case) fails',
		expect: { action: 'skipped', reason: /user\.unmatched: skip/ },
	},
	{
		id: '00usr09',
		department: 'Sales',
		why: 'filters match but not in the group',
		expect: { action: 'skipped', reason: /user\.unmatched: skip/ },
	},
	{
		id: '00usr10',
		email: 'remote.ten@REMOTE.test',
		why: 'filter-only rule (endsWith, any case)',
		expect: { action: 'created', site: S.remoteWorkers },
	},
	{
		id: '00usr11',
		staff: true,
		department: 'Support',
		why: 'no userType: "ne" holds for a missing value',
		expect: { action: 'created', site: S.headOffice },
	},
	{
		id: '00usr12',
		status: 'SUSPENDED',
		inHalo: S.branchOffice,
		why: 'not active and no rule takes them: still deactivated',
		expect: { action: 'deactivated' },
	},
	{
		id: '00usr13',
		status: 'SUSPENDED',
		why: 'not active, not in Halo: never created',
		expect: { action: 'skipped', reason: /not active/ },
	},
	{
		id: '00usr14',
		department: 'Sales',
		inHalo: S.headOffice,
		why: 'in Halo already but no rule takes them now: left as it is',
		expect: { action: 'skipped', reason: /user\.unmatched: skip/ },
	},
];

const CONFIG = {
	user: {
		unmatched: 'skip',
		siteRules: [
			{ appId: APP, siteId: S.branchOffice },
			{
				group: 'Staff',
				statuses: ['ACTIVE', 'PASSWORD_EXPIRED'],
				filters: [
					{ field: 'profile.department', op: 'in', value: ['sales', 'SUPPORT'] },
					{ field: 'profile.userType', op: 'ne', value: 'Contractor' },
				],
				siteId: S.headOffice,
			},
			{
				filters: [{ field: 'profile.email', op: 'endsWith', value: '@remote.test' }],
				siteId: S.remoteWorkers,
			},
		],
	},
};

function fixture(): OktaFixture {
	return {
		users: PEOPLE.map((p) => ({
			id: p.id,
			status: p.status ?? 'ACTIVE',
			profile: {
				firstName: 'Person',
				lastName: p.id.slice(-2),
				email: p.email ?? `${p.id}@acme.test`,
				login: `${p.id}@acme.test`,
				...(p.department !== undefined ? { department: p.department } : {}),
				...(p.userType !== undefined ? { userType: p.userType } : {}),
			},
		})),
		groups: [{ name: 'Staff', members: PEOPLE.filter((p) => p.staff).map((p) => p.id) }],
		apps: [
			{ id: APP, label: 'Service Portal', users: PEOPLE.filter((p) => p.app).map((p) => p.id) },
			{ label: 'Other App', users: PEOPLE.map((p) => p.id) },
		],
	};
}

const credentialRef = { haloApi: { id: 'halo', name: 'Halo (emulator)' } };

function workflow() {
	const configJson = JSON.stringify(CONFIG);
	return {
		name: 'site rules',
		nodes: [
			{
				id: '1',
				name: 'List',
				type: 'n8n-nodes-okta-halo.oktaListUsersAndGroups',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					authentication: 'apiToken',
					resource: 'users',
					returnAll: true,
					includeGroups: true,
					appIds: APP,
				},
				credentials: { oktaTokenApi: { id: 'okta-token', name: 'Okta (emulator)' } },
			},
			{
				id: '2',
				name: 'Map',
				type: 'n8n-nodes-okta-halo.mapToHalo',
				typeVersion: 1,
				position: [220, 0],
				parameters: { target: 'user', configSource: 'json', configJson },
			},
			{
				id: '3',
				name: 'Upsert',
				type: 'n8n-nodes-okta-halo.haloUpsert',
				typeVersion: 1,
				position: [440, 0],
				parameters: { configSource: 'json', configJson },
				credentials: credentialRef,
			},
		],
		connections: {
			List: { main: [[{ node: 'Map', type: 'main', index: 0 }]] },
			Map: { main: [[{ node: 'Upsert', type: 'main', index: 0 }]] },
		},
	};
}

describe('site rules by app, by group with statuses and two filters, and unmatched: skip', () => {
	let emulators: Emulators;
	beforeAll(async () => {
		emulators = await startEmulators({
			okta: { fixture: fixture() },
			halo: {
				seed: {
					users: PEOPLE.filter((p) => p.inHalo !== undefined).map((p, i) => ({
						id: 100 + i,
						name: `Person ${p.id.slice(-2)}`,
						firstname: 'Person',
						surname: p.id.slice(-2),
						emailaddress: `${p.id}@acme.test`,
						login: `${p.id}@acme.test`,
						site_id: p.inHalo,
						oktaid: p.id,
						okta_id: p.id,
					})),
				},
			},
		});
	});
	afterAll(async () => await emulators.close());

	test(`each of ${PEOPLE.length} people gets the expected site, skip or deactivation`, async () => {
		assert.ok(PEOPLE.length >= 12);
		const first = await runWorkflow(workflow(), {
			credentials: emulators.credentials(),
			startNode: 'List',
		});
		assert.equal(first.status, 'success', (first.error as Error)?.message);
		const out = first.output.Upsert as Array<Record<string, any>>;
		assert.equal(out.length, PEOPLE.length);
		for (const person of PEOPLE) {
			const item = out.find((o) => o.okta?.id === person.id)!;
			const label = `${person.id} (${person.why})`;
			assert.ok(item, label);
			assert.equal(item.action, person.expect.action, `${label}: ${item.reason ?? ''}`);
			if (person.expect.reason) assert.match(item.reason, person.expect.reason, label);
			const records = emulators.halo.store.users.all().filter((u) => u.okta_id === person.id);
			if (person.expect.action === 'created') {
				assert.equal(records.length, 1, label);
				assert.equal(records[0].site_id, person.expect.site, label);
				assert.equal(records[0].oktaid, person.id, `${label}: both Okta id fields written`);
			} else if (person.inHalo === undefined) {
				assert.equal(records.length, 0, `${label}: never created`);
			} else {
				assert.equal(records[0].site_id, person.inHalo, `${label}: site untouched`);
				assert.equal(records[0].inactive, person.expect.action === 'deactivated', label);
			}
		}
		assert.equal(
			out.filter((o) => o.reason === SKIPPED).length,
			PEOPLE.filter((p) => p.expect.reason?.source.includes('unmatched')).length,
		);
		// The app's assignments: one read of its user list, not one per user.
		const appReads = emulators.okta.server.log.filter((r) => /\/api\/v1\/apps\//.test(r.path));
		assert.deepEqual(
			appReads.map((r) => r.path),
			[`/api/v1/apps/${APP}/users`],
		);
		for (const request of emulators.halo.server.log)
			if (request.method === 'POST' && /^\/api\//i.test(request.path))
				assertHaloRequestBody(request.path, request.body);

		emulators.clearLogs();
		const second = await runWorkflow(workflow(), {
			credentials: first.credentials,
			startNode: 'List',
		});
		assert.equal(second.status, 'success', String(second.error));
		assert.equal(emulators.haloWrites(), 0, 'a repeat run writes nothing');
	});
});
