/**
 * Runs a workflow JSON in n8n's own engine (`WorkflowExecute` from n8n-core), with
 * our package loaded the way n8n loads community packages (`PackageDirectoryLoader`
 * reading package.json's `n8n` section and the built `dist`: run `npm run build`
 * first). Credentials are held in memory and behave like n8n's (n8nDoubles.ts).
 */
import path from 'node:path';

import { ExecutionLifecycleHooks, PackageDirectoryLoader, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	IRun,
	IWorkflowBase,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import type { CredentialStore, RunOutput } from './n8nDoubles';
import type { Secret, SecretFinding } from './secretScan';
import { SecretLeakError, credentialSecrets, findSecrets, trackedWireSecrets } from './secretScan';
import {
	MapNodeTypes,
	MemoryCredentialsHelper,
	additionalDataFor,
	packageTypes,
	runOutput,
} from './n8nDoubles';

export type { CredentialStore } from './n8nDoubles';

export const PACKAGE_DIR = path.resolve(__dirname, '..', '..', '..');

let loaderPromise: Promise<PackageDirectoryLoader> | undefined;

/** Our package as n8n sees it (built `dist`, package.json `n8n` section). */
export function loadPackage(): Promise<PackageDirectoryLoader> {
	loaderPromise ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_DIR);
		await loader.loadAll();
		return loader;
	})();
	return loaderPromise;
}

/**
 * n8n's Schedule and Manual triggers, as they behave when a workflow is run by
 * hand: one item, then the rest of the workflow. (n8n-nodes-base is not a
 * dependency; the real triggers run in the e2e test.)
 */
function standInTrigger(name: string): INodeType {
	return {
		description: {
			displayName: name,
			name,
			group: ['trigger'],
			version: [1, 1.1, 1.2, 1.3],
			description: 'Test stand-in',
			defaults: { name },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async trigger() {
			return {
				manualTriggerFunction: async () => {
					this.emit([[{ json: { timestamp: new Date().toISOString() } }]]);
				},
			};
		},
	} as INodeType;
}

export interface RunOptions {
	credentials?: CredentialStore;
	/** Workflow static data carried between runs (incremental cursors, dedupe). */
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	/** Start here instead of at the workflow's trigger (e.g. after a webhook trigger). */
	startNode?: string;
	/** Items the start node starts with. */
	startItems?: INodeExecutionData[];
	/** Stop the execution after this long, as the editor's Stop button does. */
	cancelAfterMs?: number;
	/** Secrets beyond the credentials' and the emulators' wire secrets to scan the run for. */
	secrets?: Secret[];
	/** Return secret findings in `secretsFound` instead of failing the run (the reliability suite counts them). */
	collectSecretFindings?: boolean;
}

export interface RunResult extends RunOutput {
	staticData: IDataObject;
	credentials: CredentialStore;
	preAuthCount: Record<string, number>;
	/** Secrets found in outputs and errors (always empty unless `collectSecretFindings`: the run fails instead). */
	secretsFound: SecretFinding[];
}

export async function runWorkflow(
	workflowJson: IWorkflowBase | Record<string, unknown>,
	options: RunOptions = {},
): Promise<RunResult> {
	const { nodeTypes, credentialTypes } = packageTypes(await loadPackage());
	const json = workflowJson as unknown as IWorkflowBase;
	const credentials = options.credentials ?? {};
	const credentialsHelper = new MemoryCredentialsHelper(credentialTypes, credentials);
	const workflow = new Workflow({
		id: json.id ?? 'test-workflow',
		name: json.name ?? 'test',
		nodes: json.nodes,
		connections: json.connections,
		nodeTypes: new MapNodeTypes({
			...nodeTypes,
			'n8n-nodes-base.scheduleTrigger': standInTrigger('scheduleTrigger'),
			'n8n-nodes-base.manualTrigger': standInTrigger('manualTrigger'),
		}),
		staticData: options.staticData ?? {},
		settings: json.settings,
		active: false,
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', json);
	const done = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const additionalData = { ...additionalDataFor(credentialsHelper), hooks };

	const mode = options.mode ?? 'manual';
	const startNode = options.startNode
		? workflow.getNode(options.startNode)
		: workflow.getStartNode();
	if (!startNode) throw new Error(`Workflow has no start node ${options.startNode ?? ''}`);
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: startNode, data: { main: [options.startItems ?? [{ json: {} }]] }, source: null },
			],
		},
	});
	const execution = new WorkflowExecute(additionalData, mode, runData).processRunExecutionData(
		workflow,
	);
	const cancel =
		options.cancelAfterMs === undefined
			? undefined
			: setTimeout(() => execution.cancel(), options.cancelAfterMs);
	// After a cancel this settles only once the running node has returned.
	await execution;
	clearTimeout(cancel);
	const run = await done;
	const output = runOutput(run);
	// Every run is scanned: no secret in output items or errors (docs/security.md).
	const secretsFound = findSecrets(
		{
			'output items': run.data.resultData.runData,
			'the run error': run.data.resultData.error,
			'node errors': output.nodeErrors,
		},
		[...credentialSecrets(credentials), ...trackedWireSecrets(), ...(options.secrets ?? [])],
	);
	if (secretsFound.length > 0 && !options.collectSecretFindings)
		throw new SecretLeakError(secretsFound);
	return {
		...output,
		staticData: workflow.staticData as IDataObject,
		credentials,
		preAuthCount: credentialsHelper.preAuthCount,
		secretsFound,
	};
}
