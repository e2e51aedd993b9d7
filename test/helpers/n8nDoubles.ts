/**
 * What n8n's server supplies to its engine, in memory for tests: node types by
 * name, credentials (field defaults, generic and function `authenticate`,
 * `preAuthentication` filling the `expirable` field once and again only after a
 * 401, as n8n does), the additional data an execution needs, and the run's
 * output per node.
 */
import type { PackageDirectoryLoader } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers } from 'n8n-workflow';

/** Node types by package-qualified name. */
export class MapNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string) {
		return this.lookup(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.lookup(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}

	private lookup(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}
}

/** A loaded package's node types (package-qualified) and credential types. */
export function packageTypes(loader: PackageDirectoryLoader) {
	const nodeTypes: Record<string, INodeType | IVersionedNodeType> = {};
	for (const [name, loaded] of Object.entries(loader.nodeTypes))
		nodeTypes[`${loader.packageName}.${name}`] = loaded.type;
	const credentialTypes: Record<string, ICredentialType> = {};
	for (const [name, loaded] of Object.entries(loader.credentialTypes))
		credentialTypes[name] = loaded.type;
	return { nodeTypes, credentialTypes };
}

export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

export class MemoryCredentialsHelper extends ICredentialsHelper {
	/** How often preAuthentication ran per credential type (token fetches). */
	readonly preAuthCount: Record<string, number> = {};

	constructor(
		private readonly types: Record<string, ICredentialType>,
		readonly store: CredentialStore,
	) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.types[name]?.extends ?? [];
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
				? workflow.expression.getSimpleParameterValue(
						node,
						value,
						'internal',
						{ $credentials: credentials },
						undefined,
						'',
					)
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
		// n8n saves the result with the credential, so later executions reuse it.
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
		return (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used in tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		const defaults: IDataObject = {};
		for (const property of this.type(type).properties) {
			if (property.default !== undefined && typeof property.default !== 'object')
				defaults[property.name] = property.default;
		}
		return { ...defaults, ...data } as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		_details: unknown,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(
		_details: unknown,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...this.store[type], ...data };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}
}

/** The additional data an execution needs, with n8n's URLs under `baseUrl`. */
export function additionalDataFor(
	credentialsHelper: ICredentialsHelper,
	baseUrl = 'http://127.0.0.1:5678',
): IWorkflowExecuteAdditionalData {
	const base = `${baseUrl.replace(/\/+$/, '')}/`;
	return {
		credentialsHelper,
		restApiUrl: `${base}rest`,
		instanceBaseUrl: base,
		webhookBaseUrl: `${base}webhook`,
		webhookTestBaseUrl: `${base}webhook-test`,
		webhookWaitingBaseUrl: `${base}webhook-waiting`,
		formWaitingBaseUrl: `${base}form-waiting`,
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
}

export interface RunOutput {
	status: IRun['status'];
	/** The workflow-level error, if the run failed. */
	error?: Error;
	/** Each executed node's first-output items (json), last run. */
	output: Record<string, IDataObject[]>;
	/** The same items with `pairedItem`. */
	items: Record<string, INodeExecutionData[]>;
	/** The node-level error per node, if any. */
	nodeErrors: Record<string, Error>;
	run: IRun;
}

export function runOutput(run: IRun): RunOutput {
	const output: Record<string, IDataObject[]> = {};
	const items: Record<string, INodeExecutionData[]> = {};
	const nodeErrors: Record<string, Error> = {};
	for (const [name, tasks] of Object.entries(run.data.resultData.runData as IRunData)) {
		const last = tasks[tasks.length - 1];
		if (last?.error) nodeErrors[name] = last.error as Error;
		items[name] = last?.data?.main?.[0] ?? [];
		output[name] = items[name].map((item) => item.json);
	}
	return {
		status: run.status,
		error: run.data.resultData.error as Error | undefined,
		output,
		items,
		nodeErrors,
		run,
	};
}
