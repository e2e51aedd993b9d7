/**
 * Runs a trigger node's `webhook()` and `webhookMethods` inside n8n-core, the
 * way n8n's webhook server does: a `WebhookContext` per HTTP call (with a fake
 * express request and response), a `HookContext` per activation step, the
 * workflow's static data kept between calls, and n8n's answer rules for
 * `responseMode: 'onReceived'` (the node's `noWebhookResponse`, its
 * `webhookResponse`, "Webhook call received" when no execution starts, and
 * n8n 2.x's `responseData` default when one does).
 * `serve()` puts the same handling behind a real HTTP server on 127.0.0.1, so
 * an emulator can call the webhook (Okta's verification request). `execute()`
 * then runs what the trigger returned through the rest of the workflow in
 * n8n-core's `WorkflowExecute`, with the trigger on the execution stack as
 * n8n's webhook executions have it (and the same static data).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WebhookSetupMethodNames,
	WebhookType,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import {
	MapNodeTypes,
	MemoryCredentialsHelper,
	additionalDataFor,
	packageTypes,
	runOutput,
} from './n8nDoubles';
import type { RunOutput } from './n8nDoubles';
import { loadPackage } from './n8nEngine';

export interface TriggerHarnessOptions {
	/** A lone trigger node: its type and package-qualified type name (`n8n-nodes-okta-halo.oktaEventHookTrigger`). */
	nodeType?: INodeType;
	typeName?: string;
	parameters?: INodeParameters;
	credentials?: INodeCredentials;
	nodeName?: string;
	webhookId?: string;
	/** Or a whole workflow, its node types, and the name of its trigger node. */
	workflow?: { name?: string; nodes: INode[]; connections: IConnections };
	nodeTypes?: INodeTypes;
	triggerName?: string;
	/** Credential types the nodes may use (their `authenticate`, `preAuthentication` and field defaults apply). */
	credentialTypes?: ICredentialType[];
	/** Decrypted credential data by credential type name. */
	credentialData?: Record<string, ICredentialDataDecryptedObject>;
	staticData?: IDataObject;
	workflowName?: string;
	/** n8n's base URL (webhook URLs are `<base>/webhook/…`); `serve()` replaces it with its own address. */
	baseUrl?: string;
	mode?: WorkflowExecuteMode;
}

export interface WebhookCall {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'PATCH';
	headers?: Record<string, string | string[]>;
	body?: unknown;
	query?: Record<string, string>;
}

export interface WebhookAnswer {
	status: number;
	headers: Record<string, string>;
	body: unknown;
	/** What the node handed to the engine; set when an execution would start. */
	workflowData?: INodeExecutionData[][];
	/** The error `webhook()` threw (n8n answers 500 and records an error execution). */
	error?: Error;
}

/** The subset of express's Response that nodes use, recording what was written. */
export class FakeResponse {
	statusCode = 200;
	headers: Record<string, string> = {};
	body: unknown = undefined;
	headersSent = false;
	finished = false;

	status(code: number): this {
		this.statusCode = code;
		return this;
	}
	setHeader(name: string, value: string | number | readonly string[]): this {
		this.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		return this;
	}
	header(name: string, value: string): this {
		return this.setHeader(name, value);
	}
	set(name: string, value: string): this {
		return this.setHeader(name, value);
	}
	getHeader(name: string): string | undefined {
		return this.headers[name.toLowerCase()];
	}
	json(body: unknown): this {
		this.headers['content-type'] ??= 'application/json; charset=utf-8';
		return this.end(body);
	}
	send(body?: unknown): this {
		if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) return this.json(body);
		this.headers['content-type'] ??= 'text/html; charset=utf-8';
		return this.end(body);
	}
	end(body?: unknown): this {
		if (this.finished) throw new Error('The node wrote the response twice');
		if (body !== undefined) this.body = body;
		this.headersSent = true;
		this.finished = true;
		return this;
	}
}

export type ExecutionResult = RunOutput;

/**
 * n8n 2.x's answer when an `onReceived` webhook starts an execution and the
 * node wrote nothing (webhook-on-received-response-extractor): the
 * description's `responseData`, which defaults to the text 'firstEntryJson';
 * 'noData' sends no body; only an empty value falls back to the node's
 * `webhookResponse` or "Workflow was started".
 */
function onReceivedBody(description: IWebhookDescription, result: IWebhookResponseData): unknown {
	const responseData = description.responseData ?? 'firstEntryJson';
	if (responseData === 'noData') return undefined;
	if (responseData) return responseData;
	return result.webhookResponse ?? { message: 'Workflow was started' };
}

function loneTrigger(options: TriggerHarnessOptions): { node: INode; nodeTypes: INodeTypes } {
	const { nodeType, typeName } = options;
	if (!nodeType || !typeName)
		throw new Error('Give nodeType and typeName, or a workflow with its nodeTypes');
	const version = nodeType.description.version;
	return {
		node: {
			id: 'trigger-node',
			name: options.nodeName ?? 'Trigger',
			type: typeName,
			typeVersion: Array.isArray(version) ? Math.max(...version) : version,
			position: [0, 0],
			webhookId: options.webhookId ?? '4a3b2c1d-0000-4000-8000-00000000feed',
			parameters: options.parameters ?? {},
			credentials: options.credentials,
		},
		nodeTypes: new MapNodeTypes({ [typeName]: nodeType }),
	};
}

/**
 * A harness over a workflow JSON (an example) with our package as n8n loads it
 * (built `dist`, package.json `n8n` section): run `npm run build` first.
 */
export async function packageTriggerHarness(
	workflow: { name?: string; nodes: INode[]; connections: IConnections },
	triggerName: string,
	options: Omit<
		TriggerHarnessOptions,
		'workflow' | 'nodeTypes' | 'triggerName' | 'credentialTypes'
	> = {},
): Promise<TriggerHarness> {
	const { nodeTypes, credentialTypes } = packageTypes(await loadPackage());
	return new TriggerHarness({
		...options,
		workflow,
		triggerName,
		nodeTypes: new MapNodeTypes(nodeTypes),
		credentialTypes: Object.values(credentialTypes),
	});
}

export class TriggerHarness {
	readonly workflow: Workflow;
	/** The trigger node. */
	readonly node: INode;
	private readonly workflowJson: IWorkflowBase;
	readonly additionalData: IWorkflowExecuteAdditionalData;
	/** The `workflowData` of every call that started an execution, in order. */
	readonly executions: INodeExecutionData[][][] = [];
	/** What the trigger's `webhook()` wrote to n8n's log (`this.logger`), in order. */
	readonly logs: Array<{ level: string; message: string; metadata?: unknown }> = [];
	private readonly mode: WorkflowExecuteMode;
	private readonly webhooks: IWebhookDescription[];

	constructor(options: TriggerHarnessOptions) {
		this.mode = options.mode ?? 'webhook';
		const lone = options.workflow ? undefined : loneTrigger(options);
		const nodes = options.workflow?.nodes ?? [lone!.node];
		const trigger = nodes.find((node) => node.name === (options.triggerName ?? lone?.node.name));
		if (!trigger) throw new Error(`No trigger node named ${options.triggerName}`);
		this.node = trigger;
		this.workflowJson = {
			id: 'wf-trigger-test',
			name: options.workflowName ?? options.workflow?.name ?? 'Trigger test',
			nodes,
			connections: options.workflow?.connections ?? {},
			active: true,
		} as unknown as IWorkflowBase;
		this.workflow = new Workflow({
			id: this.workflowJson.id,
			name: this.workflowJson.name,
			nodes,
			connections: this.workflowJson.connections,
			nodeTypes: options.nodeTypes ?? lone!.nodeTypes,
			staticData: options.staticData ?? {},
			active: true,
		});
		const credentialTypes = Object.fromEntries(
			(options.credentialTypes ?? []).map((t) => [t.name, t]),
		);
		this.additionalData = additionalDataFor(
			new MemoryCredentialsHelper(credentialTypes, options.credentialData ?? {}),
			options.baseUrl,
		);
		this.webhooks = this.nodeTypeFor().description.webhooks ?? [];
	}

	/** The node's own static data (`getWorkflowStaticData('node')`). */
	get nodeStaticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** The whole workflow static data, as n8n would save it. */
	get staticData(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
	}

	/** The production URL n8n gives a webhook of this node. */
	webhookUrl(name = 'default'): string {
		const url = this.hookContext(this.webhookData(this.description(name))).getNodeWebhookUrl(
			name as WebhookType,
		);
		if (!url) throw new Error(`No URL for webhook ${name}`);
		return url;
	}

	/** One HTTP call to the node's webhook for `call.method`, answered as n8n would. */
	async call(call: WebhookCall): Promise<WebhookAnswer> {
		const description = this.webhooks.find((w) => String(w.httpMethod) === call.method);
		if (!description)
			return { status: 404, headers: {}, body: { message: `No ${call.method} webhook` } };
		const headers: Record<string, string | string[]> = {};
		for (const [name, value] of Object.entries(call.headers ?? {}))
			headers[name.toLowerCase()] = value;
		const request = {
			method: call.method,
			headers,
			body: call.body ?? {},
			query: call.query ?? {},
			params: {},
			url: new URL(this.webhookUrl(description.name)).pathname,
		};
		const response = new FakeResponse();
		const additionalData = {
			...this.additionalData,
			httpRequest: request,
			httpResponse: response,
		} as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(
			this.workflow,
			this.node,
			additionalData,
			this.mode,
			this.webhookData(description),
			[],
			null,
		);
		// n8n's logger comes from its DI container; record instead, so tests can read the lines.
		const record =
			(level: string) =>
			(message: string, metadata?: unknown): void => {
				this.logs.push({ level, message, metadata });
			};
		Object.defineProperty(context, 'logger', {
			value: {
				error: record('error'),
				warn: record('warn'),
				info: record('info'),
				debug: record('debug'),
			},
		});
		let result: IWebhookResponseData;
		try {
			result = (await this.nodeTypeFor().webhook!.call(context)) as IWebhookResponseData;
		} catch (error) {
			return {
				status: 500,
				headers: {},
				body: { message: 'Error in workflow' },
				error: error as Error,
			};
		}
		if (result.noWebhookResponse) {
			if (!response.finished)
				throw new Error('noWebhookResponse returned, but the node wrote no response');
			// n8n still starts an execution with the items: the node only took over the answer.
			if (result.workflowData !== undefined) this.executions.push(result.workflowData);
			return {
				status: response.statusCode,
				headers: response.headers,
				body: response.body,
				workflowData: result.workflowData,
			};
		}
		if (response.finished)
			throw new Error('The node wrote the response but did not return noWebhookResponse');
		const status = Number(description.responseCode ?? 200);
		if (result.workflowData === undefined) {
			return {
				status,
				headers: {},
				body: result.webhookResponse ?? { message: 'Webhook call received' },
			};
		}
		this.executions.push(result.workflowData);
		return {
			status,
			headers: {},
			body: onReceivedBody(description, result),
			workflowData: result.workflowData,
		};
	}

	/** One `webhookMethods[name][method]` call in a `HookContext`. */
	async hook(
		method: WebhookSetupMethodNames,
		name = 'default',
		activation: WorkflowActivateMode = 'activate',
	): Promise<boolean | undefined> {
		const fn = this.nodeTypeFor().webhookMethods?.[name as WebhookType]?.[method];
		if (!fn) return undefined;
		const data = this.webhookData(this.description(name));
		return (await fn.call(this.hookContext(data, activation))) as boolean;
	}

	/** What n8n does on activation: per webhook, `checkExists`, then `create` when it said no. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		for (const webhook of this.webhooks) {
			const exists = await this.hook('checkExists', webhook.name, activation);
			if (!exists) await this.hook('create', webhook.name, activation);
		}
	}

	/** What n8n does on deactivation: `delete` per webhook. */
	async deactivate(): Promise<void> {
		for (const webhook of this.webhooks) await this.hook('delete', webhook.name, 'activate');
	}

	/**
	 * Runs an execution the way n8n starts one from a webhook: the trigger on
	 * the stack with the items it returned, the rest in `WorkflowExecute`.
	 */
	async execute(workflowData: INodeExecutionData[][]): Promise<ExecutionResult> {
		const hooks = new ExecutionLifecycleHooks(
			this.mode,
			`execution-${this.executions.length}`,
			this.workflowJson,
		);
		const done = new Promise<IRun>((resolve) =>
			hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
		);
		const additionalData = { ...this.additionalData, hooks } as IWorkflowExecuteAdditionalData;
		const runData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: this.node, data: { main: workflowData }, source: null }],
			},
		});
		await new WorkflowExecute(additionalData, this.mode, runData).processRunExecutionData(
			this.workflow,
		);
		return runOutput(await done);
	}

	/** Serves the webhooks on 127.0.0.1 (production URLs point at it from now on). */
	async serve(): Promise<{ url: string; close: () => Promise<void> }> {
		const server = http.createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
		Object.assign(this.additionalData, {
			instanceBaseUrl: base,
			webhookBaseUrl: `${base}webhook`,
			webhookTestBaseUrl: `${base}webhook-test`,
		});
		return {
			url: base,
			close: () => new Promise<void>((resolve) => server.close(() => resolve())),
		};
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		let body: unknown = {};
		if (raw) {
			try {
				body = JSON.parse(raw);
			} catch {
				body = raw;
			}
		}
		const headers: Record<string, string | string[]> = {};
		for (const [name, value] of Object.entries(req.headers))
			if (value !== undefined) headers[name] = value;
		const known = this.webhooks.some(
			(w) => new URL(this.webhookUrl(w.name)).pathname === (req.url ?? '').split('?')[0],
		);
		const answer = known
			? await this.call({ method: (req.method ?? 'GET') as WebhookCall['method'], headers, body })
			: { status: 404, headers: {}, body: { message: 'Unknown webhook' } };
		const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? '');
		res.writeHead(answer.status, {
			'content-type': typeof answer.body === 'string' ? 'text/plain' : 'application/json',
			...answer.headers,
		});
		res.end(text);
	}

	private nodeTypeFor(): INodeType {
		return this.workflow.nodeTypes.getByNameAndVersion(this.node.type, this.node.typeVersion);
	}

	private description(name: string): IWebhookDescription {
		const description = this.webhooks.find((w) => w.name === name);
		if (!description) throw new Error(`The node has no webhook named ${name}`);
		return description;
	}

	private webhookData(description: IWebhookDescription): IWebhookData {
		const path = String(description.path);
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: this.node.name,
			path: NodeHelpers.getNodeWebhookPath(this.workflow.id, this.node, path, false),
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData,
			webhookId: this.node.webhookId,
			isTest: this.mode === 'manual',
		};
	}

	private hookContext(
		data: IWebhookData,
		activation: WorkflowActivateMode = 'activate',
	): HookContext {
		return new HookContext(
			this.workflow,
			this.node,
			this.additionalData,
			this.mode,
			activation,
			data,
		);
	}
}
