/** Plain-fetch helpers for the Halo emulator tests: a token, then JSON or text answers. */
import type { HaloEmulator } from '../../../emulators/halo';

export interface Answer {
	status: number;
	headers: Headers;
	/** Parsed JSON when the answer is JSON, else the text. */
	body: any;
}

async function read(response: Response): Promise<Answer> {
	const text = await response.text();
	const json = (response.headers.get('content-type') ?? '').includes('application/json');
	return {
		status: response.status,
		headers: response.headers,
		body: json && text ? JSON.parse(text) : text,
	};
}

export async function requestToken(
	halo: HaloEmulator,
	form: Record<string, string> = {},
	query = '',
): Promise<Answer> {
	const body = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: 'halo-client',
		client_secret: 'halo-secret',
		scope: 'all',
		...form,
	});
	const response = await fetch(`${halo.authUrl}/token${query}`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body,
	});
	return read(response);
}

export async function token(halo: HaloEmulator): Promise<string> {
	const answer = await requestToken(halo);
	if (answer.status !== 200) throw new Error(`token request failed: ${answer.status}`);
	return answer.body.access_token as string;
}

export interface Api {
	get(path: string, query?: Record<string, string | number | boolean>): Promise<Answer>;
	post(path: string, body: unknown): Promise<Answer>;
	del(path: string): Promise<Answer>;
}

/** `path` is below `/api`, e.g. `Users`. */
export function api(halo: HaloEmulator, accessToken: string): Api {
	const headers = { authorization: `Bearer ${accessToken}` };
	const url = (path: string, query: Record<string, string | number | boolean> = {}) => {
		const qs = new URLSearchParams(
			Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
		).toString();
		return `${halo.url}/api/${path}${qs ? `?${qs}` : ''}`;
	};
	return {
		get: async (path, query) => read(await fetch(url(path, query), { headers })),
		post: async (path, body) =>
			read(
				await fetch(url(path), {
					method: 'POST',
					headers: { ...headers, 'content-type': 'application/json' },
					body: JSON.stringify(body),
				}),
			),
		del: async (path) => read(await fetch(url(path), { method: 'DELETE', headers })),
	};
}

/** Starts at a fixed time; `advance(ms)` moves it. */
export function fakeClock(start = Date.UTC(2025, 0, 1)) {
	let now = start;
	return { now: () => now, advance: (ms: number) => void (now += ms) };
}
