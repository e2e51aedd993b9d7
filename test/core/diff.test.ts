import assert from 'node:assert/strict';

import { diffRecord } from '../../lib/core/diff';
import type { HaloRecord } from '../../lib/core/types';

const desk = {
	team_id: 1,
	team_name: 'Service Desk',
	fortickets: true,
	unassigned_access: true,
	otheragent_access: true,
};
const net = {
	team_id: 2,
	team_name: 'Network',
	fortickets: true,
	unassigned_access: false,
	otheragent_access: false,
	id: 77,
};

describe('diffRecord', () => {
	const same: Array<{ name: string; existing: HaloRecord; wanted: HaloRecord }> = [
		{ name: 'surrounding spaces', existing: { name: ' Ada ' }, wanted: { name: 'Ada' } },
		{ name: 'number vs numeric string', existing: { site_id: '12' }, wanted: { site_id: 12 } },
		{ name: 'numeric string vs number', existing: { site_id: 12 }, wanted: { site_id: '12.0' } },
		{ name: 'null vs empty string', existing: { title: null }, wanted: { title: '' } },
		{ name: 'missing vs empty string', existing: {}, wanted: { title: '' } },
		{ name: 'boolean vs string', existing: { isvip: true }, wanted: { isvip: 'true' } },
		{
			name: 'teams: wanted membership present, other teams kept, names ignored',
			existing: { teams: [{ ...desk, team_name: 'Desk (renamed)', id: 5 }, net] },
			wanted: { teams: [desk] },
		},
		{
			name: 'departments: the wanted membership is there (by department_id, not membership id)',
			existing: { departments: [{ id: 9, department_id: 3, department_name: 'IT (old name)' }] },
			wanted: { departments: [{ department_id: 3, department_name: 'IT' }] },
		},
		{
			name: 'roles compared by id',
			existing: { roles: [{ id: 3, name: 'Staff', guid: 'x' }] },
			wanted: { roles: [{ id: 3 }] },
		},
		{
			name: 'fields Halo has but wanted does not set are ignored',
			existing: { notes: 'keep', name: 'Ada' },
			wanted: { name: 'Ada' },
		},
		{ name: 'id is never a change', existing: { id: 1 }, wanted: { id: 2 } },
	];
	for (const { name, existing, wanted } of same) {
		test(`no change: ${name}`, () => assert.deepEqual(diffRecord(existing, wanted), {}));
	}

	const changed: Array<{
		name: string;
		existing: HaloRecord;
		wanted: HaloRecord;
		changes: HaloRecord;
	}> = [
		{
			name: 'name case matters',
			existing: { name: 'ada' },
			wanted: { name: 'Ada' },
			changes: { name: { from: 'ada', to: 'Ada' } },
		},
		// Values are exact (docs/mapping-config.md): only matching people by email ignores case.
		{
			name: 'email differs only in case',
			existing: { emailaddress: 'Ada@Example.COM' },
			wanted: { emailaddress: 'ada@example.com' },
			changes: { emailaddress: { from: 'Ada@Example.COM', to: 'ada@example.com' } },
		},
		{
			name: 'agent email case',
			existing: { email: 'A@B.C' },
			wanted: { email: 'a@b.c' },
			changes: { email: { from: 'A@B.C', to: 'a@b.c' } },
		},
		{
			name: 'login case',
			existing: { login: 'ADA' },
			wanted: { login: 'ada' },
			changes: { login: { from: 'ADA', to: 'ada' } },
		},
		{
			name: 'departments: the wanted membership is added, others kept',
			existing: { departments: [{ id: 9, department_id: 2, department_name: 'HR' }] },
			wanted: { departments: [{ department_id: 3, department_name: 'IT' }] },
			changes: {
				departments: {
					from: [{ id: 9, department_id: 2, department_name: 'HR' }],
					to: [
						{ id: 9, department_id: 2, department_name: 'HR' },
						{ department_id: 3, department_name: 'IT' },
					],
				},
			},
		},
		{
			name: 'value to empty (populateEmpty)',
			existing: { title: 'CEO' },
			wanted: { title: '' },
			changes: { title: { from: 'CEO', to: '' } },
		},
		{
			name: 'empty to value',
			existing: { title: null },
			wanted: { title: 'CEO' },
			changes: { title: { from: null, to: 'CEO' } },
		},
		{
			name: 'different number',
			existing: { site_id: 1 },
			wanted: { site_id: 2 },
			changes: { site_id: { from: 1, to: 2 } },
		},
		{
			name: 'phone numbers are text, not numbers',
			existing: { phonenumber: '0123' },
			wanted: { phonenumber: '123' },
			changes: { phonenumber: { from: '0123', to: '123' } },
		},
		{
			name: 'boolean flip',
			existing: { isvip: 'false' },
			wanted: { isvip: true },
			changes: { isvip: { from: 'false', to: true } },
		},
		{
			name: 'roles set differs',
			existing: { roles: [{ id: 3 }] },
			wanted: { roles: [{ id: 4 }] },
			changes: { roles: { from: [{ id: 3 }], to: [{ id: 4 }] } },
		},
		{
			name: 'teams: flags differ, the membership is updated in place and others kept',
			existing: { teams: [{ ...desk, fortickets: false, id: 5 }, net] },
			wanted: { teams: [desk] },
			changes: {
				teams: {
					from: [{ ...desk, fortickets: false, id: 5 }, net],
					to: [{ ...desk, id: 5 }, net],
				},
			},
		},
		{
			name: 'teams: a new default team is added to the existing ones',
			existing: { teams: [net] },
			wanted: { teams: [desk] },
			changes: { teams: { from: [net], to: [net, desk] } },
		},
		{
			name: 'teams: none yet',
			existing: { teams: null },
			wanted: { teams: [desk] },
			changes: { teams: { from: null, to: [desk] } },
		},
	];
	for (const { name, existing, wanted, changes } of changed) {
		test(`change: ${name}`, () => assert.deepEqual(diffRecord(existing, wanted), changes));
	}

	test('create-only fields are never changes', () => {
		assert.deepEqual(
			diffRecord({ login: 'old', name: 'A' }, { login: 'new', name: 'B' }, ['login']),
			{ name: { from: 'A', to: 'B' } },
		);
	});
});
