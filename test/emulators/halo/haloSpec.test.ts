import assert from 'node:assert/strict';
import { HALO_SEED, startHaloEmulator, type HaloEmulator } from '../../../emulators/halo';
import {
	assertHaloRequestBody,
	haloRequestSchemaName,
	validateHaloRequestBody,
} from '../../helpers/haloSpec';
import { api, token } from './http';

const S = HALO_SEED;

describe('assertHaloRequestBody (halo-swagger.json request schemas)', () => {
	test('maps each entity to its real request schema', () => {
		assert.equal(haloRequestSchemaName('Users'), 'Users');
		assert.equal(haloRequestSchemaName('/api/Agent'), 'Uname');
		assert.equal(haloRequestSchemaName('cab'), 'CabHeader');
		assert.equal(haloRequestSchemaName('Tickets'), 'Faults');
		assert.equal(haloRequestSchemaName('Client'), 'Area');
		assert.equal(haloRequestSchemaName('Team'), 'SectionDetail');
		assert.equal(haloRequestSchemaName('Roles'), 'NHD_Roles');
	});

	test('good bodies pass', () => {
		assertHaloRequestBody('Users', [
			{
				name: 'Ann Lee',
				firstname: 'Ann',
				surname: 'Lee',
				emailaddress: 'ann@acme.test',
				login: 'ann',
				site_id: 1,
				oktaid: '00u1',
				inactive: false,
				roles: [{ id: 2 }],
			},
			{ id: 7, inactive: true },
		]);
		assertHaloRequestBody('Agent', [
			{
				name: 'Eli Fox',
				email: 'eli@acme.test',
				jobtitle: 'Engineer',
				sms: '+1',
				oktaid: '00u2',
				isdisabled: false,
				team: 'Service Desk',
				teams: [
					{
						team_id: 1,
						team_name: 'Service Desk',
						fortickets: true,
						unassigned_access: false,
						otheragent_access: true,
					},
				],
				roles: [{ id: S.agentRoles.technician }],
			},
		]);
		assertHaloRequestBody('CAB', [{ id: 1, members: [{ agent_id: 5 }] }]);
		assertHaloRequestBody('Tickets', [
			{
				summary: 'New starter',
				details: 'x',
				tickettype_id: 3,
				template_id: 1,
				user_id: 4,
				client_id: 1,
				site_id: 2,
				customfields: [{ name: 'CFOkta', value: '00u1' }],
			},
		]);
		assertHaloRequestBody('Users', [{ site_id: null, roles: null }]);
	});

	test('a field the real API does not have fails, at any depth', () => {
		assert.throws(
			() => assertHaloRequestBody('Users', [{ name: 'X', email: 'x@acme.test' }]),
			(error: Error) => {
				assert.equal(error.name, 'AssertionError');
				assert.match(error.message, /\$\[0\]\.email: Halo's Users has no field 'email'/);
				return true;
			},
		);
		assert.throws(
			() => assertHaloRequestBody('Agent', [{ name: 'X', emailaddress: 'x@acme.test' }]),
			/Uname has no field 'emailaddress'/,
		);
		assert.throws(
			() => assertHaloRequestBody('Agent', [{ teams: [{ team_id: 1, canBeAssigned: true }] }]),
			/\$\[0\]\.teams\[0\]\.canBeAssigned: Halo's UnameSection/,
		);
		assert.throws(
			() => assertHaloRequestBody('CAB', [{ id: 1, members: [{ agent: 5 }] }]),
			/CabMember has no field 'agent'/,
		);
		assert.throws(
			() => assertHaloRequestBody('Tickets', [{ summary: 'x', ticket_type_id: 3 }]),
			/Faults has no field 'ticket_type_id'/,
		);
	});

	test('wrong types and a non-array body fail', () => {
		assert.throws(
			() => assertHaloRequestBody('Users', [{ site_id: '1' }]),
			/\$\[0\]\.site_id must be number/,
		);
		assert.throws(
			() => assertHaloRequestBody('Users', [{ roles: [{ id: 'guid-like' }] }]),
			/\$\[0\]\.roles\[0\]\.id must be integer/,
		);
		assert.throws(
			() => assertHaloRequestBody('Agent', [{ roles: [{ id: 5 }] }]),
			/\$\[0\]\.roles\[0\]\.id must be string/,
		);
		assert.throws(() => assertHaloRequestBody('Users', { name: 'X' }), /\$ must be array/);
		assert.ok(validateHaloRequestBody('Users', [{ id: 2.5 }]).some((i) => i.path === '$[0].id'));
	});

	test('an unknown entity is an error, not a pass', () => {
		assert.throws(() => assertHaloRequestBody('NoSuchThing', []), /no path/);
	});
});

describe('Halo emulator answers fit the request schemas (records read can be posted back)', () => {
	let halo: HaloEmulator;
	beforeAll(async () => {
		halo = await startHaloEmulator({
			seed: {
				users: [
					{
						id: 5,
						name: 'Sam',
						emailaddress: 's@acme.test',
						site_id: 2,
						roles: [{ id: 1, name: '' }],
					},
				],
				agents: [
					{
						id: 6,
						name: 'Ada',
						email: 'ada@acme.test',
						team: 'Infrastructure',
						roles: [{ id: S.agentRoles.readOnly, name: '' }],
					},
				],
				cabs: [{ id: 1, name: 'Change Advisory Board', members: [{ agent_id: 6 }] }],
			},
		});
		const client = api(halo, await token(halo));
		assert.equal(
			(
				await client.post('Tickets', [
					{ summary: 'x', tickettype_id: S.ticketTypes.onboarding, user_id: 5 },
				])
			).status,
			200,
		);
	});
	afterAll(() => halo.close());

	test('every entity, list and by id', async () => {
		const client = api(halo, await token(halo));
		const lists: Record<string, string | undefined> = {
			Users: 'users',
			Site: 'sites',
			Client: 'clients',
			Tickets: 'tickets',
			Agent: undefined,
			Team: undefined,
			Roles: undefined,
			UserRoles: undefined,
			CAB: undefined,
			TicketType: undefined,
			Template: undefined,
		};
		for (const [entity, key] of Object.entries(lists)) {
			const query: Record<string, boolean> =
				entity === 'Agent'
					? { includeroles: true }
					: entity === 'CAB'
						? { includemembers: true }
						: {};
			const body = (await client.get(entity, query)).body;
			const records = key ? body[key] : body;
			assert.ok(records.length > 0, entity);
			assert.deepEqual(validateHaloRequestBody(entity, records), [], `${entity} list`);
			const one = (await client.get(`${entity}/${records[0].id}`)).body;
			assert.deepEqual(validateHaloRequestBody(entity, [one]), [], `${entity} by id`);
		}
		assert.deepEqual(
			validateHaloRequestBody('CAB', [{ id: 1, members: (await client.get('CABMember')).body }]),
			[],
		);
	});
});
