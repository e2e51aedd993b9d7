/**
 * "Group Member" with Include Groups, and the Group / App locators' "By Name"
 * mode, in n8n's engine against the Okta emulator: output and the exact Okta
 * requests.
 */
import assert from 'node:assert/strict';

import { startOktaEmulator } from '../../../emulators/okta';
import type { OktaEmulator } from '../../../emulators/okta';
import type { LoggedRequest } from '../../../emulators/server';
import { runWorkflow } from '../../helpers/n8nEngine';
import type { CredentialStore } from '../../helpers/n8nEngine';
import { LIST, scheduledList } from './workflow';

type User = { id: string; groups?: Array<{ id: string; name: string }> };

const AGENTS = 'Service Desk Agents';

describe('List Okta Users and Groups: group members with their groups, groups and apps by name', () => {
	let okta: OktaEmulator;
	let agents: { id: string };
	let tierTwo: { id: string };
	const credentials = (): CredentialStore => ({
		oktaTokenApi: { url: okta.url, apiToken: 'okta-test-token' },
	});

	beforeAll(async () => {
		okta = await startOktaEmulator({ org: { users: 300, groups: 12, apps: 3, seed: 7 } });
		const { store } = okta;
		// The generated org may already have the group (its name is one of the generator's); it gets seven members.
		agents = store.groupByName(AGENTS) ?? store.createGroup(AGENTS);
		for (const id of [...store.memberIdsOf(agents.id)]) store.removeMember(agents.id, id);
		// Okta's `q` matches name prefixes, so this one comes back too and must not be taken.
		tierTwo = store.createGroup(`${AGENTS} (Tier 2)`);
		for (const user of store.users.slice(10, 17)) store.addMember(agents.id, user.id);
		for (const user of store.users.slice(15, 20)) store.addMember(tierTwo.id, user.id);
		// Two groups whose names differ only in case: "By Name" cannot choose.
		store.createGroup('Field Technicians');
		store.createGroup('field technicians');
	});
	afterAll(() => okta.close());

	async function listed(parameters: Record<string, unknown>) {
		okta.server.clearLog();
		const result = await runWorkflow(scheduledList({ resource: 'groupMembers', ...parameters }), {
			credentials: credentials(),
		});
		return { result, requests: [...okta.server.log] };
	}

	function assertGroupsAsInOkta(users: User[]) {
		for (const user of users) {
			assert.deepEqual(
				user.groups!.map((g) => g.id).sort(),
				okta.store
					.groupsOf(user.id)
					.map((g) => g.id)
					.sort(),
				`groups of ${user.id}`,
			);
			assert.ok(user.groups!.every((g) => g.name === okta.store.group(g.id)!.profile.name));
		}
	}

	const paths = (requests: LoggedRequest[]) => requests.map((r) => `${r.method} ${r.path}`);

	test('members of "Service Desk Agents" by name, each with all their groups: one name query, one member page, groups read per member', async () => {
		const { result, requests } = await listed({
			group: { __rl: true, mode: 'name', value: AGENTS },
		});
		assert.equal(result.status, 'success', String(result.error));
		const users = result.output[LIST] as User[];
		assert.deepEqual(users.map((u) => u.id).sort(), [...okta.store.memberIdsOf(agents.id)].sort());
		assertGroupsAsInOkta(users);
		assert.ok(
			users.some((u) => u.groups!.some((g) => g.id === tierTwo.id)),
			'a member in both groups shows both',
		);

		// 7 members, fewer than the groups in the org: each member's groups are read on their own.
		assert.deepEqual(paths(requests), [
			'GET /api/v1/groups',
			`GET /api/v1/groups/${agents.id}/users`,
			'GET /api/v1/groups',
			...users.map((u) => `GET /api/v1/users/${u.id}/groups`),
		]);
		assert.equal(requests[0].query.q, AGENTS);
		assert.equal(requests[0].query.search, undefined);
		assert.ok(requests.every((r) => r.status === 200));
	});

	test('a group with more members than the org has groups: membership read once per group, never per user', async () => {
		const everyone = okta.store.groupByName('Everyone')!;
		const { result, requests } = await listed({
			group: { __rl: true, mode: 'id', value: everyone.id },
		});
		assert.equal(result.status, 'success', String(result.error));
		const users = result.output[LIST] as User[];
		assert.equal(users.length, okta.store.users.length);
		assertGroupsAsInOkta(users);
		// Every group holds fewer than 1000 members (one page each).
		assert.equal(requests.length, 1 + 1 + okta.store.groups.length);
		assert.equal(
			requests.filter((r) => /^\/api\/v1\/users\/[^/]+\/groups$/.test(r.path)).length,
			0,
		);
	});

	test('the name matches regardless of case; Include Groups off reads just the name and the members', async () => {
		const { result, requests } = await listed({
			group: { __rl: true, mode: 'name', value: '  service desk AGENTS ' },
			includeGroups: false,
		});
		assert.equal(result.status, 'success', String(result.error));
		const users = result.output[LIST] as User[];
		assert.deepEqual(users.map((u) => u.id).sort(), [...okta.store.memberIdsOf(agents.id)].sort());
		assert.ok(users.every((u) => u.groups === undefined));
		assert.deepEqual(paths(requests), [
			'GET /api/v1/groups',
			`GET /api/v1/groups/${agents.id}/users`,
		]);
	});

	test('no group with that exact name: a clear error after the one name query', async () => {
		const { result, requests } = await listed({
			group: { __rl: true, mode: 'name', value: 'Service Desk' },
		});
		assert.equal(result.status, 'error');
		const error = result.nodeErrors[LIST] as Error & { description?: string };
		assert.equal(error.name, 'NodeOperationError');
		assert.equal(error.message, 'No Okta group is named "Service Desk"');
		assert.match(String(error.description), /ignoring case/);
		assert.deepEqual(paths(requests), ['GET /api/v1/groups']);
	});

	test('two groups with that name: a clear error naming both ids; with Continue On Fail a failed item', async () => {
		const ids = okta.store.groups
			.filter((g) => g.profile.name.toLowerCase() === 'field technicians')
			.map((g) => g.id);
		const { result, requests } = await listed({
			group: { __rl: true, mode: 'name', value: 'Field Technicians' },
		});
		assert.equal(result.status, 'error');
		const error = result.nodeErrors[LIST] as Error;
		assert.equal(error.name, 'NodeOperationError');
		assert.match(error.message, /^2 Okta groups are named "Field Technicians"/);
		for (const id of ids) assert.ok(error.message.includes(id), `${id} in the message`);
		assert.equal(requests.length, 1);

		const lenient = await runWorkflow(
			scheduledList(
				{
					resource: 'groupMembers',
					group: { __rl: true, mode: 'name', value: 'Field Technicians' },
				},
				{ continueOnFail: true },
			),
			{
				credentials: credentials(),
			},
		);
		assert.equal(lenient.status, 'success');
		assert.deepEqual(
			lenient.output[LIST].map((item) => item.action),
			['failed'],
		);
		assert.match(String(lenient.output[LIST][0].error), /2 Okta groups are named/);
	});

	test('app users with the app named by its label', async () => {
		const app = okta.store.apps[1];
		okta.server.clearLog();
		const result = await runWorkflow(
			scheduledList({
				resource: 'appUsers',
				app: { __rl: true, mode: 'name', value: app.label.toUpperCase() },
			}),
			{
				credentials: credentials(),
			},
		);
		assert.equal(result.status, 'success', String(result.error));
		assert.deepEqual(
			result.output[LIST].map((u) => u.id).sort(),
			okta.store
				.appUsersOf(app.id)
				.map((u) => u.id)
				.sort(),
		);
		assert.ok(
			result.output[LIST].every((u) => u.groups === undefined),
			'app users are not user objects: no groups',
		);
		assert.deepEqual(paths(okta.server.log), [
			'GET /api/v1/apps',
			`GET /api/v1/apps/${app.id}/users`,
		]);
		assert.equal(okta.server.log[0].query.q, app.label.toUpperCase());

		const missing = await runWorkflow(
			scheduledList({
				resource: 'appUsers',
				app: { __rl: true, mode: 'name', value: 'No Such App' },
			}),
			{ credentials: credentials() },
		);
		assert.equal(missing.status, 'error');
		assert.equal((missing.nodeErrors[LIST] as Error).message, 'No Okta app is named "No Such App"');
	});
});
