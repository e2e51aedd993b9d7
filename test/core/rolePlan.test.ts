import assert from 'node:assert/strict';

import { groupMatches, planRoles, roleNeeds, roleStateFromHalo } from '../../lib/core/rolePlan';
import type { CurrentRoleState } from '../../lib/core/rolePlan';
import type { RoleMapping, UpsertResultItem } from '../../lib/core/types';

const ADMIN = '11111111-aaaa-4aaa-8aaa-000000000001';
const SUPPORT = '11111111-aaaa-4aaa-8aaa-000000000002';
const MANUAL = '11111111-aaaa-4aaa-8aaa-0000000000ff';

const mappings: RoleMapping[] = [
	{ group: 'IT Admins', agentRoleId: ADMIN, cabId: 1 },
	{ group: '00g-support', agentRoleId: SUPPORT },
	{ group: 'Change Board', cabId: 2 },
	{ group: 'Managers', userRoleId: 7 },
	{ group: 'Approvers', userRoleId: 8 },
];

function item(
	target: 'user' | 'agent',
	haloId: number | null,
	groups: string[],
	action: UpsertResultItem['action'] = 'updated',
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
			groups: groups.map((name) =>
				name.startsWith('00g') ? { id: name, name: 'Support Desk' } : { id: `00g-${name}`, name },
			),
			profile: {},
		},
		record: {},
	};
}

function state(): CurrentRoleState {
	return {
		agentRoles: new Map([
			[
				10,
				[
					{ id: MANUAL, name: 'Hand-made' },
					{ id: ADMIN.toUpperCase(), name: 'Admin' },
				],
			],
			[11, []],
		]),
		userRoles: new Map([
			[
				20,
				[
					{ id: 3, name: 'Basic' },
					{ id: 7, name: 'Manager' },
				],
			],
			[21, [{ id: 3, name: 'Basic' }]],
		]),
		cabMembers: new Map([
			[
				1,
				[
					{ id: 500, cab_id: 1, agent_id: 10 },
					{ id: 501, cab_id: 1, agent_id: 99 },
				],
			],
			[2, [{ id: 502, cab_id: 2, agent_id: 11 }]],
			[3, [{ id: 503, cab_id: 3, agent_id: 10 }]],
		]),
	};
}

describe('planRoles', () => {
	const cases: Array<{
		name: string;
		items: UpsertResultItem[];
		expect: { items: unknown[]; agents?: unknown; users?: unknown; cabs?: unknown };
	}> = [
		{
			name: 'agent who left IT Admins and joined Support: admin role and CAB 1 removed, support added, hand-made role kept',
			items: [item('agent', 10, ['00g-support'])],
			expect: {
				items: [
					{
						added: { agentRoles: [SUPPORT], cabs: [], userRoles: [] },
						removed: { agentRoles: [ADMIN.toUpperCase()], cabs: [1], userRoles: [] },
					},
				],
				agents: [{ id: 10, roles: [{ id: MANUAL, name: 'Hand-made' }, { id: SUPPORT }] }],
				users: [],
				cabs: [{ id: 1, members: [{ id: 501, cab_id: 1, agent_id: 99 }] }],
			},
		},
		{
			name: 'agent who already has everything (GUID case differs): nothing written; unmanaged CAB 3 untouched',
			items: [item('agent', 10, ['IT Admins'])],
			expect: {
				items: [
					{
						added: { agentRoles: [], cabs: [], userRoles: [] },
						removed: { agentRoles: [], cabs: [], userRoles: [] },
					},
				],
				agents: [],
				users: [],
				cabs: [],
			},
		},
		{
			name: 'agent who joins IT Admins and leaves Change Board',
			items: [item('agent', 11, ['it admins'])],
			expect: {
				items: [
					{
						added: { agentRoles: [ADMIN], cabs: [1], userRoles: [] },
						removed: { agentRoles: [], cabs: [2], userRoles: [] },
					},
				],
				agents: [{ id: 11, roles: [{ id: ADMIN }] }],
				users: [],
				cabs: [
					{
						id: 1,
						members: [
							{ id: 500, cab_id: 1, agent_id: 10 },
							{ id: 501, cab_id: 1, agent_id: 99 },
							{ agent_id: 11 },
						],
					},
					{ id: 2, members: [] },
				],
			},
		},
		{
			name: 'users: Managers role removed, Approvers added, unmanaged Basic kept; user roles never go to agents',
			items: [item('user', 20, ['Approvers', 'IT Admins']), item('user', 21, ['Managers'])],
			expect: {
				items: [
					{
						added: { agentRoles: [], cabs: [], userRoles: [8] },
						removed: { agentRoles: [], cabs: [], userRoles: [7] },
					},
					{
						added: { agentRoles: [], cabs: [], userRoles: [7] },
						removed: { agentRoles: [], cabs: [], userRoles: [] },
					},
				],
				agents: [],
				users: [
					{ id: 20, roles: [{ id: 3, name: 'Basic' }, { id: 8 }] },
					{ id: 21, roles: [{ id: 3, name: 'Basic' }, { id: 7 }] },
				],
				cabs: [],
			},
		},
		{
			name: 'failed, skipped and id-less items pass through; a repeated item changes nothing the second time',
			items: [
				item('agent', 11, ['IT Admins'], 'failed'),
				item('agent', 11, ['IT Admins'], 'skipped'),
				item('agent', null, ['IT Admins'], 'created'),
				item('user', 21, ['Managers'], 'created'),
				item('user', 21, ['Managers'], 'created'),
			],
			expect: {
				items: [
					null,
					null,
					null,
					{
						added: { agentRoles: [], cabs: [], userRoles: [7] },
						removed: { agentRoles: [], cabs: [], userRoles: [] },
					},
					{
						added: { agentRoles: [], cabs: [], userRoles: [] },
						removed: { agentRoles: [], cabs: [], userRoles: [] },
					},
				],
				users: [{ id: 21, roles: [{ id: 3, name: 'Basic' }, { id: 7 }] }],
				agents: [],
				cabs: [],
			},
		},
		{
			name: 'a record Halo did not list is left alone (a full-list write would wipe roles we never saw)',
			items: [item('agent', 404, ['IT Admins'])],
			expect: {
				items: [
					{
						added: { agentRoles: [], cabs: [1], userRoles: [] },
						removed: { agentRoles: [], cabs: [], userRoles: [] },
						skipped: 'Agent 404 was not found in Halo; its roles were left as they are.',
					},
				],
				agents: [],
				cabs: [
					{
						id: 1,
						members: [
							{ id: 500, cab_id: 1, agent_id: 10 },
							{ id: 501, cab_id: 1, agent_id: 99 },
							{ agent_id: 404 },
						],
					},
				],
			},
		},
	];

	for (const c of cases) {
		test(c.name, () => {
			const plan = planRoles(c.items, mappings, state());
			assert.deepEqual(plan.items, c.expect.items);
			if (c.expect.agents) assert.deepEqual(plan.writes.agents, c.expect.agents);
			if (c.expect.users) assert.deepEqual(plan.writes.users, c.expect.users);
			if (c.expect.cabs) assert.deepEqual(plan.writes.cabs, c.expect.cabs);
		});
	}

	test('missing groups never strip roles', () => {
		const it = item('agent', 10, []);
		delete (it.okta as { groups?: unknown }).groups;
		const plan = planRoles([it], mappings, state());
		assert.match(plan.items[0]?.skipped ?? '', /Include Groups/);
		assert.deepEqual(plan.writes, { agents: [], users: [], cabs: [] });
	});

	test('the state is not mutated', () => {
		const s = state();
		const before = JSON.stringify([...s.cabMembers!.entries(), ...s.agentRoles!.entries()]);
		planRoles([item('agent', 10, ['00g-support']), item('agent', 11, ['IT Admins'])], mappings, s);
		assert.equal(JSON.stringify([...s.cabMembers!.entries(), ...s.agentRoles!.entries()]), before);
	});

	test('no mappings: nothing planned, nothing written', () => {
		const plan = planRoles([item('agent', 10, []), item('user', 20, [])], [], state());
		assert.deepEqual(plan.writes, { agents: [], users: [], cabs: [] });
		assert.deepEqual(plan.items[0]?.removed, { agentRoles: [], cabs: [], userRoles: [] });
	});
});

describe('roleNeeds and groupMatches', () => {
	test('reads only what the mappings and items use', () => {
		assert.deepEqual(roleNeeds(mappings, [{ target: 'user' }]), {
			agentRoles: false,
			cabs: false,
			userRoles: true,
		});
		assert.deepEqual(roleNeeds(mappings, [{ target: 'agent' }]), {
			agentRoles: true,
			cabs: true,
			userRoles: false,
		});
		assert.deepEqual(
			roleNeeds([{ group: 'x', cabId: 1 }], [{ target: 'agent' }, { target: 'user' }]),
			{
				agentRoles: false,
				cabs: true,
				userRoles: false,
			},
		);
	});

	test('by id exactly, by name regardless of case', () => {
		assert.equal(groupMatches('00gABC', { id: '00gABC', name: 'x' }), true);
		assert.equal(groupMatches('00gabc', { id: '00gABC', name: 'x' }), false);
		assert.equal(groupMatches(' Engineering ', { id: '00g1', name: 'ENGINEERING' }), true);
		assert.equal(groupMatches('Eng', { id: '00g1', name: 'Engineering' }), false);
	});
});

describe('roleStateFromHalo', () => {
	test('lists become the state; records without lists are left out', () => {
		const s = roleStateFromHalo({
			agents: [{ id: 1, roles: [{ id: ADMIN, name: 'Admin' }] }, { id: 2 }],
			users: [{ id: 3, roles: [{ id: '7', name: 'Manager' }] }],
			cabs: [{ id: 1, members: [{ id: 9, agent_id: 1 }] }, { id: 2 }],
		});
		assert.deepEqual([...s.agentRoles!.entries()], [[1, [{ id: ADMIN, name: 'Admin' }]]]);
		assert.deepEqual([...s.userRoles!.entries()], [[3, [{ id: 7, name: 'Manager' }]]]);
		assert.deepEqual([...s.cabMembers!.entries()], [[1, [{ id: 9, agent_id: 1 }]]]);
	});

	test('CABs listed without members take them from /CABMember', () => {
		const s = roleStateFromHalo({
			cabs: [{ id: 1 }, { id: 2 }],
			cabMembers: [
				{ id: 9, cab_id: 1, agent_id: 5 },
				{ id: 10, cab_id: 3, agent_id: 5 },
			],
		});
		assert.deepEqual(
			[...s.cabMembers!.entries()],
			[
				[1, [{ id: 9, cab_id: 1, agent_id: 5 }]],
				[2, []],
			],
		);
	});
});
