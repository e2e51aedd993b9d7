/**
 * The small HTTP core both emulators are built on: routing, body parsing, a
 * request log, latency and fault injection. Listens on 127.0.0.1 only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmulatorRequest {
	method: string;
	path: string;
	url: URL;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	params: Record<string, string>;
	/** Parsed JSON, parsed form (object of strings), raw text, or undefined. */
	body: unknown;
	rawBody: string;
}

export interface EmulatorResponse {
	status: number;
	headers?: Record<string, string>;
	/** Objects and arrays are sent as JSON; strings as text/plain. */
	body?: unknown;
}

export type Handler = (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	body: unknown;
	status: number;
	/** True when the connection was dropped instead of answered. */
	dropped?: boolean;
}

export interface Fault {
	/** Which requests the fault applies to; default every request. */
	match?: (req: EmulatorRequest) => boolean;
	/** Answer with this status (e.g. 500, 503) instead of handling. */
	status?: number;
	/** Answer with exactly this instead of handling (a redirect, a spoofed body); wins over `status`. */
	answer?: EmulatorResponse;
	/** Destroy the socket without answering. */
	drop?: 'before' | 'after';
	/** How many matching requests it applies to; default 1. */
	times?: number;
	/** Let this many matching requests through first. */
	skip?: number;
}

export interface ServerOptions {
	/** Added to every answer, in ms. */
	latencyMs?: number;
	port?: number;
}

interface Route {
	method: string;
	pattern: RegExp;
	keys: string[];
	handler: Handler;
}

export class EmulatorServer {
	readonly log: LoggedRequest[] = [];
	latencyMs: number;
	private readonly routes: Route[] = [];
	private readonly faults: Array<Required<Pick<Fault, 'times' | 'skip'>> & Fault> = [];
	private server?: http.Server;
	private baseUrl = '';
	/** Called before routing; a returned response short-circuits (auth, rate limits). */
	before?: (req: EmulatorRequest) => EmulatorResponse | undefined;
	/** Called on every answer, to add headers such as rate-limit counters. */
	decorate?: (req: EmulatorRequest, res: EmulatorResponse) => void;
	notFound: (req: EmulatorRequest) => EmulatorResponse = () => ({ status: 404, body: 'Not Found' });

	constructor(private readonly options: ServerOptions = {}) {
		this.latencyMs = options.latencyMs ?? 0;
	}

	get url(): string {
		return this.baseUrl;
	}

	route(method: string, path: string, handler: Handler): this {
		const keys: string[] = [];
		const source = path
			.split('/')
			.map((part) => {
				if (part.startsWith(':')) {
					keys.push(part.slice(1));
					return '([^/]+)';
				}
				return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			})
			.join('/');
		this.routes.push({ method, pattern: new RegExp(`^${source}/?$`, 'i'), keys, handler });
		return this;
	}

	/** Inject a fault; see `Fault`. */
	addFault(fault: Fault): void {
		this.faults.push({ times: 1, skip: 0, ...fault });
	}

	clearFaults(): void {
		this.faults.length = 0;
	}

	clearLog(): void {
		this.log.length = 0;
	}

	async listen(): Promise<string> {
		// A failure outside the handlers (e.g. the client aborting mid-body) must not crash the test process.
		this.server = http.createServer(
			(req, res) => void this.handle(req, res).catch(() => res.destroy()),
		);
		this.server.keepAliveTimeout = 1000;
		await new Promise<void>((resolve) =>
			this.server!.listen(this.options.port ?? 0, '127.0.0.1', resolve),
		);
		const { port } = this.server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${port}`;
		return this.baseUrl;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	private takeFault(req: EmulatorRequest): Fault | undefined {
		for (const fault of this.faults) {
			if (fault.times <= 0) continue;
			if (fault.match && !fault.match(req)) continue;
			if (fault.skip > 0) {
				fault.skip--;
				continue;
			}
			fault.times--;
			return fault;
		}
		return undefined;
	}

	private async handle(raw: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of raw) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(raw.url ?? '/', this.baseUrl || 'http://127.0.0.1');
		const req: EmulatorRequest = {
			method: (raw.method ?? 'GET').toUpperCase(),
			path: url.pathname,
			url,
			query: url.searchParams,
			headers: raw.headers,
			params: {},
			body: parseBody(rawBody, raw.headers['content-type']),
			rawBody,
		};
		const entry: LoggedRequest = {
			method: req.method,
			path: req.path,
			query: Object.fromEntries(url.searchParams),
			headers: raw.headers,
			body: req.body,
			status: 0,
		};
		this.log.push(entry);
		if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));

		const fault = this.takeFault(req);
		if (fault?.drop === 'before') {
			entry.dropped = true;
			raw.socket.destroy();
			return;
		}
		let answer: EmulatorResponse;
		if (fault?.answer) {
			answer = { ...fault.answer, headers: { ...fault.answer.headers } };
		} else if (fault?.status) {
			answer = { status: fault.status, body: { message: 'Injected fault' } };
		} else {
			answer = this.before?.(req) ?? (await this.dispatch(req));
		}
		this.decorate?.(req, answer);
		entry.status = answer.status;
		if (fault?.drop === 'after') {
			entry.dropped = true;
			raw.socket.destroy();
			return;
		}
		const headers: Record<string, string> = { ...answer.headers };
		let payload = '';
		if (answer.body !== undefined) {
			if (typeof answer.body === 'string') {
				payload = answer.body;
				headers['Content-Type'] ??= 'text/plain; charset=utf-8';
			} else {
				payload = JSON.stringify(answer.body);
				headers['Content-Type'] ??= 'application/json';
			}
		}
		res.writeHead(answer.status, headers);
		res.end(payload);
	}

	private async dispatch(req: EmulatorRequest): Promise<EmulatorResponse> {
		let pathMatched = false;
		for (const route of this.routes) {
			const match = route.pattern.exec(req.path);
			if (!match) continue;
			pathMatched = true;
			if (route.method !== req.method) continue;
			try {
				route.keys.forEach((key, i) => (req.params[key] = decodeURIComponent(match[i + 1])));
			} catch {
				// A malformed %-escape in the path (URIError) is the client's mistake, not a crash.
				return { status: 400, body: { message: 'Malformed URL path' } };
			}
			try {
				return await route.handler(req);
			} catch (error) {
				return { status: 500, body: { message: (error as Error).message } };
			}
		}
		return pathMatched ? { status: 405, body: 'Method Not Allowed' } : this.notFound(req);
	}
}

function parseBody(raw: string, contentType: string | undefined): unknown {
	if (!raw) return undefined;
	if (contentType?.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(raw));
	}
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}
