/**
 * A second loopback server standing in for another origin (an attacker's host,
 * or a separate auth server): it records every request that reaches it, so a
 * test can prove that no credential (Authorization header, client_secret)
 * arrived there.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface RecordingServer {
	/** `http://127.0.0.1:PORT` */
	url: string;
	/** `127.0.0.1:PORT`, the host an error must name. */
	host: string;
	requests: RecordedRequest[];
	/** Requests that carried an Authorization header or a client_secret. */
	credentialed: () => RecordedRequest[];
	close: () => Promise<void>;
}

export async function startRecordingServer(
	answer: (request: RecordedRequest) => { status: number; body: unknown } = () => ({
		status: 200,
		body: [],
	}),
): Promise<RecordingServer> {
	const requests: RecordedRequest[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const recorded: RecordedRequest = {
				method: req.method ?? 'GET',
				url: req.url ?? '/',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(recorded);
			const { status, body } = answer(recorded);
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
		});
	});
	server.keepAliveTimeout = 500;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		host: `127.0.0.1:${port}`,
		requests,
		credentialed: () =>
			requests.filter(
				(r) => r.headers.authorization !== undefined || /client_secret/i.test(r.body),
			),
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
