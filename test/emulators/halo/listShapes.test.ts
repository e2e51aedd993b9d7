/**
 * Halo's list endpoints answer the swagger's list schemas, not the full
 * records (docs/apis.md): a list item that carries a field its list schema
 * lacks fails here. Full records (GET by id, save answers) carry both
 * `oktaid` and `okta_id`.
 */
import assert from 'node:assert/strict';
import { HALO_SEED, startHaloEmulator, type HaloEmulator } from '../../../emulators/halo';
import { listShaped } from '../../../emulators/halo/listShape';
import { haloSchemaFields, validateHaloSchemaRecords } from '../../../emulators/halo/spec';
import { api, token, type Api } from './http';

const S = HALO_SEED;

/** Every list endpoint the product reads that the swagger gives a list schema. */
const LISTS: Array<{
	entity: string;
	schema: string;
	key?: string;
	query?: Record<string, string | number | boolean>;
}> = [
	{ entity: 'Users', schema: 'Users_List', key: 'users', query: { includeinactive: true } },
	{
		entity: 'Users',
		schema: 'Users_List',
		key: 'users',
		query: { pageinate: true, page_size: 2, page_no: 1 },
	},
	{ entity: 'Agent', schema: 'Uname_List', query: { includedisabled: true } },
	{ entity: 'Site', schema: 'Site_List', key: 'sites' },
	{ entity: 'Team', schema: 'SectionDetail_List' },
	{ entity: 'TopLevel', schema: 'Tree_List' },
	{ entity: 'TicketType', schema: 'RequestType_List' },
	{ entity: 'Template', schema: 'StdRequest_List' },
	{ entity: 'Tickets', schema: 'Faults_List', key: 'tickets' },
];

/** The fields of `records` that `schema` does not have, as `entity[i].field`. */
function foreignFields(entity: string, schema: string, records: any[]): string[] {
	const fields = haloSchemaFields(schema);
	return records.flatMap((record, i) =>
		Object.keys(record)
			.filter((field) => !fields.has(field))
			.map((field) => `${entity}[${i}].${field}`),
	);
}

describe('Halo emulator: list answers carry the swagger list schemas', () => {
	let halo: HaloEmulator;
	let client: Api;
	beforeAll(async () => {
		halo = await startHaloEmulator({
			seed: {
				users: [
					{
						id: 5,
						name: 'Sam Reed',
						firstname: 'Sam',
						surname: 'Reed',
						emailaddress: 'sam@acme.test',
						login: 'sam',
						title: 'Analyst',
						site_id: S.sites.headOffice,
						oktaid: '00u5',
						okta_id: '00u5',
						roles: [{ id: S.userRoles.approver, name: '' }],
						departments: [{ id: 0, department_id: S.departments.hr }] as any,
					},
					{
						id: 6,
						name: 'Old Only',
						emailaddress: 'old@acme.test',
						site_id: S.sites.branchOffice,
						oktaid: '00u6',
						roles: [{ id: S.userRoles.standard, name: '' }],
					},
					{
						id: 7,
						name: 'Gone',
						site_id: S.sites.branchOffice,
						inactive: true,
						okta_id: '00u7',
						roles: [{ id: S.userRoles.approver, name: '' }],
					},
				],
				agents: [
					{
						id: 8,
						name: 'Ada Byte',
						email: 'ada@acme.test',
						jobtitle: 'Engineer',
						oktaid: '00u8',
						okta_id: '00u8',
						team: 'Infrastructure',
						roles: [{ id: S.agentRoles.technician, name: '' }],
						departments: [{ id: 0, department_id: S.departments.it }] as any,
					},
					{
						id: 9,
						name: 'Bo Off',
						email: 'bo@acme.test',
						isdisabled: true,
						roles: [{ id: S.agentRoles.readOnly, name: '' }],
					},
				],
			},
		});
		client = api(halo, await token(halo));
		for (const ticket of [
			{
				summary: 'Onboard Sam',
				tickettype_id: S.ticketTypes.onboarding,
				template_id: S.templates.newStarter,
				user_id: 5,
				customfields: [{ name: 'CFOkta', value: '00u5' }],
			},
			{ summary: 'Broken laptop', tickettype_id: S.ticketTypes.incident, user_id: 5 },
			{ summary: 'Onboard Old', tickettype_id: S.ticketTypes.onboarding, user_id: 6 },
		]) {
			assert.equal((await client.post('Tickets', [ticket])).status, 200);
		}
	});
	afterAll(() => halo.close());

	test('no list item carries a field its list schema lacks, and each fits the schema', async () => {
		for (const { entity, schema, key, query } of LISTS) {
			const body = (await client.get(entity, query)).body;
			const records = key ? body[key] : body;
			assert.ok(records.length > 0, `${entity} lists records`);
			assert.deepEqual(foreignFields(entity, schema, records), [], `${entity} is ${schema}`);
			assert.deepEqual(validateHaloSchemaRecords(schema, records), [], `${entity} fits ${schema}`);
		}
	});

	test('the full records have fields their lists leave out (so the check above can fail)', async () => {
		assert.deepEqual(
			foreignFields('Users', 'Users_List', [(await client.get('Users/5')).body]).sort(),
			['Users[0].departments', 'Users[0].oktaid', 'Users[0].roles'],
		);
		const template = (await client.get(`Template/${S.templates.newStarter}`)).body;
		assert.deepEqual(foreignFields('Template', 'StdRequest_List', [template]), [
			'Template[0].details',
		]);
		const ticket = (await client.get('Tickets', { user_id: 5, requesttype_id: 3 })).body.tickets[0];
		assert.equal(ticket.template_id, undefined);
		assert.equal((await client.get(`Tickets/${ticket.id}`)).body.template_id, 1);
		assert.ok(
			validateHaloSchemaRecords('Users_List', [{ id: 1, roles: [] }]).some(
				(issue) => issue.field === 'roles',
			),
		);
		assert.deepEqual(listShaped('Users_List', { id: 1, oktaid: 'x', okta_id: 'y' }), {
			id: 1,
			okta_id: 'y',
		});
	});

	test('users: okta_id and no roles in lists; GET by id has roles, oktaid and okta_id', async () => {
		const listed = (await client.get('Users', { includeinactive: true })).body.users;
		const byId = new Map(listed.map((user: any) => [user.id, user]));
		assert.deepEqual(
			[5, 6, 7].map((id) => [(byId.get(id) as any).okta_id, (byId.get(id) as any).roles]),
			[
				['00u5', undefined],
				[undefined, undefined],
				['00u7', undefined],
			],
		);
		assert.ok(listed.every((user: any) => !('oktaid' in user)));
		const sam = (await client.get('Users/5')).body;
		assert.equal(sam.oktaid, '00u5');
		assert.equal(sam.okta_id, '00u5');
		assert.deepEqual(sam.roles, [{ id: S.userRoles.approver, name: 'Approver' }]);
		// Two fields: writing one leaves the other as it was.
		const old = (await client.get('Users/6')).body;
		assert.equal(old.oktaid, '00u6');
		assert.equal(old.okta_id, null);
	});

	test('agents: okta_id in lists, roles only with includeroles=true; full record has both ids', async () => {
		const plain = (await client.get('Agent')).body;
		assert.deepEqual(
			plain.map((agent: any) => [agent.id, agent.okta_id, agent.roles, agent.oktaid]),
			[[8, '00u8', undefined, undefined]],
		);
		const withRoles = (await client.get('Agent', { includeroles: true, includedisabled: true }))
			.body;
		assert.deepEqual(
			withRoles.map((agent: any) => [agent.id, agent.roles.map((r: any) => r.name)]),
			[
				[8, ['Technician']],
				[9, ['Read Only']],
			],
		);
		assert.deepEqual(
			foreignFields(
				'Agent',
				'Uname_List',
				withRoles.map(({ roles: _roles, ...rest }: any) => rest),
			),
			[],
		);
		const ada = (await client.get('Agent/8')).body;
		assert.deepEqual([ada.oktaid, ada.okta_id], ['00u8', '00u8']);
		const saved = (await client.post('Agent', [{ id: 9, okta_id: '00u9' }])).body;
		assert.deepEqual([saved.oktaid, saved.okta_id], [null, '00u9']);
	});

	test('role=ID lists the holders of one user role or agent role', async () => {
		const holders = async (query: Record<string, string | boolean | number>) =>
			(await client.get('Users', query)).body.users.map((user: any) => user.id);
		assert.deepEqual(await holders({ role: S.userRoles.approver }), [5]);
		assert.deepEqual(await holders({ role: S.userRoles.approver, includeinactive: true }), [7, 5]);
		assert.deepEqual(await holders({ role: S.userRoles.siteContact }), []);
		const paged = (
			await client.get('Users', {
				role: S.userRoles.approver,
				includeinactive: true,
				pageinate: true,
				page_size: 1,
				page_no: 2,
			})
		).body;
		assert.deepEqual([paged.record_count, paged.users.map((u: any) => u.id)], [2, [5]]);
		const agents = async (role: string) =>
			(await client.get('Agent', { role, includedisabled: true })).body.map((a: any) => a.id);
		assert.deepEqual(await agents(S.agentRoles.technician), [8]);
		assert.deepEqual(await agents(S.agentRoles.readOnly.toUpperCase()), [9]);
		assert.deepEqual(await agents(S.agentRoles.administrator), []);
	});

	test('departments: Tree records at /TopLevel; memberships on users (full record) and agents (list too)', async () => {
		const tree = (await client.get('TopLevel')).body;
		assert.deepEqual(
			tree.map((d: any) => [d.id, d.name]),
			[
				[S.topLevelId, 'Customers'],
				[S.departments.finance, 'Finance'],
				[S.departments.hr, 'HR'],
				[S.departments.it, 'IT'],
			],
		);
		const sam = (await client.get('Users/5')).body;
		assert.deepEqual(
			sam.departments.map((m: any) => [m.user_id, m.department_id, m.department_name]),
			[[5, S.departments.hr, 'HR']],
		);
		const listed = (await client.get('Users')).body.users.find((u: any) => u.id === 5);
		assert.equal(listed.departments, undefined);
		const members = async (departmentId: number) =>
			(await client.get('Users', { department_id: departmentId })).body.users.map((u: any) => u.id);
		assert.deepEqual(await members(S.departments.hr), [5]);
		assert.deepEqual(await members(S.departments.it), []);
		const ada = (await client.get('Agent', { department_id: S.departments.it })).body;
		assert.deepEqual(
			ada.map((a: any) => [a.id, a.departments.map((m: any) => m.department_name)]),
			[[8, ['IT']]],
		);
		const moved = await client.post('Users', [
			{ id: 6, departments: [{ department_id: S.departments.finance }] },
		]);
		assert.deepEqual(
			moved.body.departments.map((m: any) => m.department_name),
			['Finance'],
		);
		const refused = await client.post('Users', [{ id: 6, departments: [{ department_id: 99 }] }]);
		assert.equal(refused.status, 400);
	});

	test('tickets filter by user_id and requesttype_id together', async () => {
		const tickets = async (query: Record<string, number>) =>
			(await client.get('Tickets', query)).body.tickets.map((t: any) => t.summary);
		assert.deepEqual(await tickets({ user_id: 5, requesttype_id: S.ticketTypes.onboarding }), [
			'Onboard Sam',
		]);
		assert.deepEqual(await tickets({ user_id: 5 }), ['Onboard Sam', 'Broken laptop']);
		assert.deepEqual(await tickets({ user_id: 6, requesttype_id: S.ticketTypes.incident }), []);
	});
});
