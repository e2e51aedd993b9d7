/**
 * Runs a workflow JSON in n8n's own engine (`WorkflowExecute` from n8n-core), with
 * our package loaded the way n8n loads community packages (`PackageDirectoryLoader`
 * reading package.json's `n8n` section and the built `dist`). Credentials are held
 * in memory and behave like n8n's: generic and function `authenticate`, and
 * `preAuthentication` filling `expirable` fields once, again only after a 401.
 */
import path from 'node:path';

import { ExecutionLifecycleHooks, PackageDirectoryLoader, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

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

const STAND_INS: Record<string, INodeType> = {
	'n8n-nodes-base.scheduleTrigger': standInTrigger('scheduleTrigger'),
	'n8n-nodes-base.manualTrigger': standInTrigger('manualTrigger'),
};

class TestNodeTypes implements INodeTypes {
	constructor(private readonly loader: PackageDirectoryLoader) {}

	private lookup(nodeType: string): INodeType | IVersionedNodeType {
		if (STAND_INS[nodeType]) return STAND_INS[nodeType];
		const [pkg, name] = nodeType.split('.');
		if (pkg !== this.loader.packageName || !this.loader.nodeTypes[name]) {
			throw new Error(`Unknown node type ${nodeType}`);
		}
		return this.loader.nodeTypes[name].type;
	}

	getByName(nodeType: string) {
		return this.lookup(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.lookup(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}

export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

class TestCredentialsHelper extends ICredentialsHelper {
	/** How often preAuthentication ran per credential type (token fetches). */
	readonly preAuthCount: Record<string, number> = {};

	constructor(
		private readonly loader: PackageDirectoryLoader,
		readonly store: CredentialStore,
	) {
		super();
	}

	private type(name: string): ICredentialType {
		const loaded = this.loader.credentialTypes[name];
		if (!loaded) throw new Error(`Unknown credential type ${name}`);
		return loaded.type;
	}

	getParentTypes(name: string): string[] {
		if (name === 'oAuth2Api' || name === 'oAuth1Api') return [];
		const parents = this.loader.credentialTypes[name]?.type.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const method = this.type(typeName).authenticate;
		if (!method) return requestOptions;
		if (typeof method === 'function') return await method(credentials, requestOptions);
		// Generic: resolve `={{$credentials.x}}` expressions as n8n does.
		const resolve = (value: unknown) =>
			workflow && node && typeof value === 'string' && value.startsWith('=')
				? workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '')
				: value;
		const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [outerKey, inner] of Object.entries(method.properties)) {
			options[outerKey] = { ...(options[outerKey] ?? {}) };
			for (const [key, value] of Object.entries(inner as Record<string, unknown>)) {
				options[outerKey][String(resolve(key))] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!type.preAuthentication || !expirable) return undefined;
		if (!credentialsExpired && credentials[expirable.name]) return undefined;
		const data = await this.runPreAuthentication(helpers, credentials, typeName);
		// n8n persists the result with the credential, so later executions reuse it.
		this.store[typeName] = { ...this.store[typeName], ...data };
		return data;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		if (!type.preAuthentication) return undefined;
		this.preAuthCount[typeName] = (this.preAuthCount[typeName] ?? 0) + 1;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used in tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		// Defaults of the credential's own fields, as n8n applies them.
		const defaults: IDataObject = {};
		for (const property of this.type(type).properties) {
			if (property.default !== undefined && typeof property.default !== 'object') defaults[property.name] = property.default;
		}
		return { ...defaults, ...data } as ICredentialDataDecryptedObject;
	}

	async updateCredentials(_details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		this.store[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(_details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		this.store[type] = { ...this.store[type], ...data };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}
}

export interface RunOptions {
	credentials?: CredentialStore;
	/** Workflow static data carried between runs (incremental cursors, dedupe). */
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	/** Items the first node starts with, for workflows that begin with one of our nodes. */
	startItems?: INodeExecutionData[];
}

export interface RunResult {
	status: IRun['status'];
	/** The workflow-level error, if the run failed. */
	error?: Error;
	/** Each executed node's first-output items (json), last run. */
	output: Record<string, IDataObject[]>;
	/** Each executed node's first-output items with pairedItem, last run. */
	items: Record<string, INodeExecutionData[]>;
	/** The node-level error per node, if any. */
	nodeErrors: Record<string, Error>;
	staticData: IDataObject;
	credentials: CredentialStore;
	preAuthCount: Record<string, number>;
	run: IRun;
}

export async function runWorkflow(workflowJson: IWorkflowBase | Record<string, unknown>, options: RunOptions = {}): Promise<RunResult> {
	const loader = await loadPackage();
	const json = workflowJson as unknown as IWorkflowBase;
	const credentials = options.credentials ?? {};
	const credentialsHelper = new TestCredentialsHelper(loader, credentials);
	const workflow = new Workflow({
		id: json.id ?? 'test-workflow',
		name: json.name ?? 'test',
		nodes: json.nodes,
		connections: json.connections,
		nodeTypes: new TestNodeTypes(loader),
		staticData: options.staticData ?? {},
		settings: json.settings,
		active: false,
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', json);
	let finished!: (run: IRun) => void;
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));

	const additionalData = {
		hooks,
		credentialsHelper,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook/',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting/',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting/',
		variables: {},
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not used in these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const mode = options.mode ?? 'manual';
	const startNode = workflow.getStartNode();
	if (!startNode) throw new Error('Workflow has no start node');
	const executor = new WorkflowExecute(additionalData, mode, {
		version: 1,
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [
				{ node: startNode, data: { main: [options.startItems ?? [{ json: {} }]] }, source: null },
			],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as never);
	await executor.processRunExecutionData(workflow);
	const run = await done;

	const output: Record<string, IDataObject[]> = {};
	const items: Record<string, INodeExecutionData[]> = {};
	const nodeErrors: Record<string, Error> = {};
	for (const [name, tasks] of Object.entries(run.data.resultData.runData as IRunData)) {
		const last = tasks[tasks.length - 1];
		if (last?.error) nodeErrors[name] = last.error as Error;
		const main = last?.data?.main?.[0] ?? [];
		items[name] = main;
		output[name] = main.map((item) => item.json);
	}
	return {
		status: run.status,
		error: run.data.resultData.error as Error | undefined,
		output,
		items,
		nodeErrors,
		staticData: workflow.staticData as IDataObject,
		credentials,
		preAuthCount: credentialsHelper.preAuthCount,
		run,
	};
}
