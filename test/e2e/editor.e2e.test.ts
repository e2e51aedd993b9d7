/**
 * Our nodes seen in n8n's editor: a real n8n 2.41.1 with the packed package,
 * the example workflows and emulator credentials, driven by headless Debian
 * Chromium through playwright-core. Each node's parameter panel is opened the
 * way a user does it; the dropdowns must list the emulators' seed data.
 * Screenshots go to docs/screenshots/ (SCREENSHOT_DIR overrides) for the README.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

import type { Emulators } from '../helpers/emulators';
import { startEmulators } from '../helpers/emulators';
import {
	N8nInstance,
	PACKAGE_DIR,
	emulatorCredentials,
	exampleWorkflows,
	installN8n,
	packPackage,
} from './realN8n';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(PACKAGE_DIR, 'docs', 'screenshots');
const OWNER = {
	email: 'editor-test@example.com',
	firstName: 'Editor',
	lastName: 'Test',
	password: 'Editor-Test-Pass-1',
};
const FULL_SYNC = 'okta-halo-full-sync.json';
const WEBHOOK = 'okta-halo-webhook-onboarding.json';

/** CI machines are Debian and run as root: install the browser when it is missing. */
function ensureChromium() {
	if (existsSync(CHROMIUM)) return;
	if (process.getuid?.() !== 0)
		throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
	const apt = (args: string[]) =>
		execFileSync('apt-get', args, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	apt(['update']);
	apt(['install', '-y', 'chromium']);
}

async function launchBrowser(): Promise<{ context: BrowserContext; profile: string }> {
	const profile = mkdtempSync(path.join(tmpdir(), 'okta-halo-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1440, height: 900 },
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	return { context, profile };
}

/** Helpers over n8n's editor, by its data-test-id attributes. */
class Editor {
	constructor(
		readonly page: Page,
		private readonly base: string,
	) {}

	async logIn() {
		await this.page.goto(`${this.base}/signin`);
		await this.page.fill('#emailOrLdapLoginId', OWNER.email);
		await this.page.fill('#password', OWNER.password);
		await this.page.click('[data-test-id="form-submit-button"]');
		await this.page.waitForURL((url) => !url.pathname.includes('signin'));
	}

	/** Shows the workflow's canvas; loads it only when another one is open (a load takes seconds). */
	async openWorkflow(id: string) {
		if (!new URL(this.page.url()).pathname.startsWith(`/workflow/${id}`)) {
			await this.page.goto(`${this.base}/workflow/${id}`);
		} else if (await this.page.locator('[data-test-id="ndv"]').isVisible()) {
			await this.closeNode(); // left open by a failed test
		}
		await this.page.waitForSelector('[data-test-id="canvas-node"]');
	}

	async openNode(name: string) {
		await this.page.dblclick(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
		await this.page.waitForSelector('[data-test-id="node-parameters"]');
	}

	async closeNode() {
		const panel = this.page.locator('[data-test-id="ndv"]');
		// Escape closes an open dropdown, or the panel itself when none is open.
		await this.page.keyboard.press('Escape');
		if (await panel.isVisible())
			await this.page
				.locator('[data-test-id="ndv-close-button"]')
				.click({ timeout: 5_000 })
				.catch(() => undefined);
		await panel.waitFor({ state: 'hidden' });
	}

	/** The credential the panel shows (its name; n8n shows the bare id when it cannot match it). */
	async credentialShown(): Promise<string> {
		return await this.page
			.locator('[data-test-id="node-credentials-select"] input')
			.first()
			.inputValue();
	}

	parameter(name: string) {
		return this.page.locator(`[data-test-id="parameter-input-${name}"]`);
	}

	async expectParameter(name: string, label: string, node: string) {
		await this.parameter(name)
			.waitFor({ timeout: 10_000 })
			.catch(() => assert.fail(`"${label}" is not shown in the ${node} panel`));
	}

	/** Opens a dropdown parameter and returns its option texts once they have loaded. */
	async openOptions(name: string): Promise<string[]> {
		const input = this.parameter(name).locator('input[role="combobox"]');
		await input.click();
		const items = this.page.locator(
			`#${await input.getAttribute('aria-controls')} .el-select-dropdown__item`,
		);
		await items.first().waitFor();
		return await items.allInnerTexts();
	}

	async choose(name: string, option: string) {
		const input = this.parameter(name).locator('input[role="combobox"]');
		await input.click();
		await this.page
			.locator(`#${await input.getAttribute('aria-controls')} .el-select-dropdown__item`, {
				hasText: option,
			})
			.click();
	}

	async useFieldsBelow(node: string) {
		await this.expectParameter('configSource', 'Configuration Source', node);
		await this.choose('configSource', 'Fields Below');
	}

	async screenshot(file: string) {
		// Finishes dropdown fade-ins so the picture is not caught mid-transition.
		await this.page.screenshot({ path: path.join(SHOTS, file), animations: 'disabled' });
	}
}

/** Every name appears in some option (options carry a description line after the name). */
function assertListed(options: string[], names: string[], what: string) {
	for (const name of names) {
		assert.ok(
			options.some((o) => o.split('\n')[0].trim() === name),
			`${what}: "${name}" missing from [${options.join(' | ')}]`,
		);
	}
}

describe("our nodes in n8n's editor (headless Chromium)", () => {
	let n8n: N8nInstance;
	let emulators: Emulators;
	let context: BrowserContext;
	let profile: string;
	let editor: Editor;
	const examples = exampleWorkflows();
	const fullSync = examples.find((e) => e.file === FULL_SYNC)!;
	const webhook = examples.find((e) => e.file === WEBHOOK)!;

	beforeAll(async () => {
		assert.ok(fullSync && webhook, `examples/${FULL_SYNC} and examples/${WEBHOOK} exist`);
		ensureChromium();
		mkdirSync(SHOTS, { recursive: true });
		const packDir = mkdtempSync(path.join(tmpdir(), 'okta-halo-pack-'));
		n8n = new N8nInstance(installN8n(), packPackage(packDir));
		rmSync(packDir, { recursive: true, force: true });
		emulators = await startEmulators({
			okta: { org: { users: 40, groups: 30, apps: 3, seed: 1 } },
		});
		await n8n.importCredentials(
			emulatorCredentials(
				{ okta: emulators.okta.url, halo: emulators.halo.url },
				'editor-hook-secret',
			),
		);
		await n8n.importWorkflows(examples.map((e) => e.workflow));
		await n8n.start();
		await n8n.setupOwner(OWNER);
		({ context, profile } = await launchBrowser());
		const page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(20_000);
		// Leaving a workflow with unsaved panel changes asks "leave?"; the answer is yes.
		page.on('dialog', (dialog) => void dialog.accept());
		editor = new Editor(page, `http://127.0.0.1:${n8n.port}`);
		await editor.logIn();
	});

	afterAll(async () => {
		await context?.close();
		if (profile) rmSync(profile, { recursive: true, force: true });
		await n8n?.stop();
		await emulators?.close();
		n8n?.cleanup();
	});

	test('the full sync example opens on the canvas with our node types', async () => {
		await editor.openWorkflow(fullSync.id);
		await editor.page.waitForLoadState('networkidle');
		const types = await editor.page.$$eval('[data-test-id="canvas-node"]', (nodes) =>
			nodes.map((n) => n.getAttribute('data-node-type')),
		);
		const ours = fullSync.workflow.nodes
			.filter((n) => n.type.startsWith('n8n-nodes-okta-halo.'))
			.map((n) => n.type);
		assert.deepEqual(
			types.filter((t) => t?.startsWith('n8n-nodes-okta-halo.')).sort(),
			[...ours].sort(),
		);
		await editor.screenshot('canvas-full-sync.png');
	});

	// Before the panel tests: n8n autosaves, and their UI-mode switches would change what runs.
	test('"Execute workflow" on the full sync fills Halo', async () => {
		// A new starter (the example opens tickets only for people created in Okta in the last 30 days).
		emulators.okta.store.createUser({
			email: 'editor.starter@example.com',
			firstName: 'Editor',
			lastName: 'Starter',
		});
		await editor.openWorkflow(fullSync.id);
		await editor.page.click('[data-test-id="execute-workflow-button"]');
		const last = fullSync.workflow.nodes[fullSync.workflow.nodes.length - 1].name;
		const done = editor.page
			.locator(
				`[data-test-id="canvas-node"][data-node-name="${last}"] [data-test-id="canvas-node-status-success"]`,
			)
			.or(editor.page.locator('[data-test-id="canvas-node-status-error"]'));
		await done.first().waitFor({ timeout: 90_000 });
		assert.equal(
			await editor.page.locator('[data-test-id="canvas-node-status-error"]').count(),
			0,
			'no node failed',
		);
		const halo = emulators.halo.store;
		assert.ok(halo.users.all().length > 0, 'Halo has users');
		assert.ok(halo.tickets.all().length > 0, 'Halo has onboarding tickets');
		await editor.screenshot('canvas-full-sync-executed.png');
		// The "executed successfully" toast would sit in the later pictures.
		await editor.page
			.locator('.el-notification__closeBtn')
			.first()
			.click({ timeout: 5_000 })
			.catch(() => undefined);
	});

	test('List Okta Users and Groups: the group picker searches Okta groups', async () => {
		await editor.openWorkflow(fullSync.id);
		await editor.openNode('List Okta Users and Groups');
		assert.equal(await editor.credentialShown(), 'Okta (emulator)');
		await editor.choose('resource', 'Group Member');
		await editor.parameter('group').locator('[data-test-id="rlc-input"]').click();
		// Okta's `q` matches the start of a group name.
		await editor.page.fill('[data-test-id="rlc-search"]', 'Office');
		const offices = emulators.okta.store.groups
			.map((g) => g.profile.name)
			.filter((name) => name.startsWith('Office'));
		assert.ok(offices.length > 1);
		const item = editor.page.locator('[data-test-id="rlc-item"]');
		await item.filter({ hasText: offices[offices.length - 1] }).waitFor();
		assert.deepEqual((await item.allInnerTexts()).map((t) => t.trim()).sort(), [...offices].sort());
		await editor.screenshot('node-list-okta.png');
		await editor.closeNode();
	});

	test('Map to Halo: Halo sites and user roles in the dropdowns', async () => {
		await editor.openWorkflow(fullSync.id);
		await editor.openNode('Map to Halo');
		assert.equal(await editor.credentialShown(), 'Halo (emulator)');
		await editor.useFieldsBelow('Map to Halo');
		const roles = await editor.openOptions('defaultUserRoleId');
		assertListed(
			roles,
			emulators.halo.store.userRoles.all().map((r) => r.name),
			'Default User Role',
		);
		await editor.page.keyboard.press('Escape');
		const sites = await editor.openOptions('defaultSiteId');
		assertListed(
			sites,
			['Head Office', ...emulators.halo.store.sites.all().map((s) => s.name)],
			'Default Site',
		);
		await editor.screenshot('node-map-to-halo.png');
		await editor.closeNode();
	});

	test('Map to Halo for agents: Halo teams in the default team dropdown', async () => {
		const agentSync = examples.find((e) => e.file === 'okta-halo-agent-sync.json')!;
		await editor.openWorkflow(agentSync.id);
		await editor.openNode('Map to Halo');
		await editor.useFieldsBelow('Map to Halo');
		const teams = await editor.openOptions('agentDefaultTeam');
		assertListed(
			teams,
			['Service Desk', ...emulators.halo.store.teams.all().map((t) => t.name)],
			'Default Team',
		);
		await editor.screenshot('node-map-to-halo-agent.png');
		await editor.closeNode();
	});

	test('Upsert Halo User/Agent: the panel and its match fields', async () => {
		await editor.openWorkflow(fullSync.id);
		await editor.openNode('Upsert Halo User/Agent');
		assert.equal(await editor.credentialShown(), 'Halo (emulator)');
		await editor.useFieldsBelow('Upsert Halo User/Agent');
		await editor.expectParameter('userMatchOn', 'Match Users On', 'Upsert Halo User/Agent');
		await editor.expectParameter('agentMatchOn', 'Match Agents On', 'Upsert Halo User/Agent');
		await editor.screenshot('node-upsert.png');
		await editor.closeNode();
	});

	test('Apply Role Mappings: Halo agent roles, CABs and user roles in the dropdowns', async () => {
		const node = 'Apply Role Mappings';
		await editor.openWorkflow(fullSync.id);
		await editor.openNode(node);
		assert.equal(
			await editor.credentialShown(),
			'Halo (emulator)',
			'the Halo credential is shown by name',
		);
		await editor.useFieldsBelow(node);
		// "Okta Groups From" is an ordinary dropdown (n8n would take a main auth field for the credential box and hide what it depends on).
		await editor.expectParameter('authentication', 'Okta Groups From', node);
		assertListed(
			await editor.openOptions('authentication'),
			['None: Type Okta Group Names or IDs', 'API Token'],
			'Okta Groups From',
		);
		await editor.page.keyboard.press('Escape');
		assert.equal(
			await editor.credentialShown(),
			'Halo (emulator)',
			'still the Halo credential in UI mode, no Okta credential asked for',
		);
		await editor.page.click(
			'[data-test-id="fixed-collection-roleMappings"] [data-test-id="fixed-collection-add"]',
		);
		await editor.expectParameter('group', 'Group (typed Okta group name)', node);
		const store = emulators.halo.store;
		const cabs = await editor.openOptions('cabId');
		assertListed(cabs, ['Change Advisory Board', ...store.cabs.all().map((c) => c.name)], 'CAB');
		await editor.page.keyboard.press('Escape');
		const userRoles = await editor.openOptions('userRoleId');
		assertListed(
			userRoles,
			store.userRoles.all().map((r) => r.name),
			'User Role',
		);
		await editor.page.keyboard.press('Escape');
		const agentRoles = await editor.openOptions('agentRoleId');
		assertListed(
			agentRoles,
			['Technician', ...store.agentRoles.all().map((r) => r.name)],
			'Agent Role',
		);
		await editor.screenshot('node-apply-role-mappings.png');
		await editor.closeNode();
	});

	test('Create Onboarding Ticket: Halo ticket types, then the templates of the chosen type', async () => {
		const node = 'Create Onboarding Ticket';
		await editor.openWorkflow(fullSync.id);
		await editor.openNode(node);
		assert.equal(await editor.credentialShown(), 'Halo (emulator)');
		await editor.useFieldsBelow(node);
		const types = await editor.openOptions('ticketTypeId');
		assertListed(
			types,
			['New Starter Onboarding', ...emulators.halo.store.ticketTypes.all().map((t) => t.name)],
			'Ticket Type',
		);
		await editor.screenshot('node-onboarding-ticket.png');
		await editor.page
			.locator('.el-select-dropdown__item:visible', { hasText: 'New Starter Onboarding' })
			.click();
		// The template dropdown depends on the chosen ticket type (loadOptionsDependsOn).
		const templates = await editor.openOptions('templateId');
		assertListed(templates, ['New Starter'], 'Template of New Starter Onboarding');
		assert.ok(
			!templates.some((t) => t.startsWith('Laptop Request')),
			'templates of other ticket types are not offered',
		);
		await editor.closeNode();
	});

	test('Okta Event Hook Trigger: secret credential, events and optional registration in Okta', async () => {
		const node = webhook.workflow.nodes.find((n) => n.type.endsWith('.oktaEventHookTrigger'))!.name;
		await editor.openWorkflow(webhook.id);
		await editor.openNode(node);
		assert.equal(
			await editor.credentialShown(),
			'Okta event hook secret',
			'the hook secret credential is shown by name',
		);
		await editor.expectParameter('events', 'Events', node);
		await editor.expectParameter('authentication', 'Register Event Hook in Okta', node);
		const registration = await editor.openOptions('authentication');
		assertListed(
			registration,
			[
				"Don't Register: Set Up the Hook in Okta Yourself",
				'API Token',
				'Service App (Private Key JWT)',
				'OAuth2 (Authorization Code)',
			],
			'Register Event Hook in Okta',
		);
		await editor.page.keyboard.press('Escape');
		await editor.screenshot('node-event-hook-trigger.png');
		await editor.closeNode();
	});

	test('Halo Okta Settings: the three operations; Check SSO shows the instance URLs, the App ID and an optional Okta credential', async () => {
		const takeOver = examples.find((e) => e.file === 'okta-halo-take-over-settings.json')!;
		assert.ok(takeOver, 'examples/okta-halo-take-over-settings.json exists');
		const node = 'Get Halo Okta Configuration';
		await editor.openWorkflow(takeOver.id);
		await editor.openNode(node);
		assert.equal(await editor.credentialShown(), 'Halo (emulator)');
		const operations = await editor.openOptions('operation');
		assertListed(operations, ['Get Mapping Configuration', 'Check SSO', 'Fix SSO'], 'Operation');
		await editor.page.keyboard.press('Escape');
		await editor.choose('operation', 'Check SSO');
		await editor.expectParameter('agentUrl', 'Agent URL', node);
		await editor.expectParameter('portalUrl', 'Portal URL', node);
		await editor.expectParameter('appId', 'App ID', node);
		const authentication = await editor.openOptions('authentication');
		assertListed(
			authentication,
			[
				'None (Get Mapping Configuration Only)',
				'API Token',
				'Service App (Private Key JWT)',
				'OAuth2 (Authorization Code)',
			],
			'Okta Authentication',
		);
		await editor.page.keyboard.press('Escape');
		await editor.choose('operation', 'Fix SSO');
		await editor.expectParameter('dryRun', 'Dry Run', node);
		await editor.screenshot('node-halo-okta-settings.png');
		await editor.closeNode();
	});
});
