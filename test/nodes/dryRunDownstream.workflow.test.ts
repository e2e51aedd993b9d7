/**
 * A dry-run Upsert's items carry `dryRun: true`, and no later node writes them:
 * Apply Role Mappings and Create Onboarding Ticket report what they would do
 * (docs/items.md). The full-sync example in n8n's engine: one real run, people
 * move between groups and change title, then a run with Upsert on Dry Run
 * must send Halo no write at all.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { Emulators } from '../helpers/emulators';
import { startEmulators } from '../helpers/emulators';
import { PACKAGE_DIR, runWorkflow } from '../helpers/n8nEngine';

type Workflow = { nodes: Array<{ name: string; parameters: IDataObject }> } & Record<
	string,
	unknown
>;

describe('dry run downstream (full sync in n8n engine)', () => {
	let emulators: Emulators;
	beforeAll(async () => {
		emulators = await startEmulators({
			okta: { org: { users: 60, groups: 30, apps: 2, seed: 7 } },
			halo: { rateLimit: { max: 100_000, windowMs: 300_000 } },
		});
	});
	afterAll(async () => emulators?.close());

	test('Upsert on Dry Run: no Halo write by any node; Roles and Onboarding say what they would do', async () => {
		const workflow = JSON.parse(
			readFileSync(path.join(PACKAGE_DIR, 'examples', 'okta-halo-full-sync.json'), 'utf8'),
		) as Workflow;
		const credentials = emulators.credentials();
		const first = await runWorkflow(workflow, { credentials });
		assert.equal(first.status, 'success', String(first.error));

		// Managers leave Managers, someone joins Human Resources, and a title changes.
		const okta = emulators.okta.store;
		const managers = okta.groupByName('Managers')!;
		const hr = okta.groupByName('Human Resources')!;
		for (const member of okta.membersOf(managers.id)) okta.removeMember(managers.id, member.id);
		const joiner = okta.users.find(
			(u) => u.status === 'ACTIVE' && !okta.membersOf(hr.id).some((m) => m.id === u.id),
		)!;
		okta.addMember(hr.id, joiner.id);
		(joiner.profile as Record<string, unknown>).title = 'Chief Dry Runner';
		joiner.lastUpdated = new Date().toISOString();

		const upsert = workflow.nodes.find((n) => n.name === 'Upsert Halo User/Agent')!;
		upsert.parameters.dryRun = true;
		emulators.clearLogs();
		const dry = await runWorkflow(workflow, { credentials });
		assert.equal(dry.status, 'success', String(dry.error));
		const writes = emulators.halo.server.log.filter(
			(r) => /^\/api\//i.test(r.path) && r.method !== 'GET',
		);
		assert.deepEqual(
			writes.map((w) => `${w.method} ${w.path}`),
			[],
			'no node writes a dry-run item',
		);
		const upserted = dry.output['Upsert Halo User/Agent'].filter((i) => !i.summary);
		assert.ok(upserted.length > 0 && upserted.every((i) => i.dryRun === true));
		const roles = dry.output['Apply Role Mappings'];
		const joinerRoles = roles.find((i) => (i.okta as IDataObject)?.id === joiner.id)!;
		assert.equal((joinerRoles.roles as IDataObject).dryRun, true);
		assert.ok(
			((joinerRoles.roles as { added: { userRoles: number[] } }).added.userRoles ?? []).length > 0,
			'the joiner would get the HR role',
		);
		assert.ok(
			dry.output['Create Onboarding Ticket'].every((i) => i.dryRun === true && !i.ticketId),
		);
	});
});
