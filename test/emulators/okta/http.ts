/** Small fetch helpers for the Okta emulator tests. */

export const API_TOKEN = 'okta-test-token';

export interface Answer<T = unknown> {
	status: number;
	headers: Headers;
	body: T;
	text: string;
}

export async function call<T = unknown>(
	url: string,
	init: {
		method?: string;
		headers?: Record<string, string>;
		body?: unknown;
		form?: Record<string, string>;
	} = {},
): Promise<Answer<T>> {
	const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
	let body: string | undefined;
	if (init.form) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(init.form).toString();
	} else if (init.body !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(init.body);
	}
	const response = await fetch(url, {
		method: init.method ?? 'GET',
		headers,
		body,
		redirect: 'manual',
	});
	const text = await response.text();
	let parsed: unknown = undefined;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		parsed = text;
	}
	return { status: response.status, headers: response.headers, body: parsed as T, text };
}

/** GET with the test API token. */
export function get<T = unknown>(url: string, token = API_TOKEN): Promise<Answer<T>> {
	return call<T>(url, { headers: { Authorization: `SSWS ${token}` } });
}

/** The `rel="next"` URL of a Link header, if any. */
export function nextLink(headers: Headers): string | undefined {
	return /<([^>]+)>;\s*rel="next"/.exec(headers.get('link') ?? '')?.[1];
}

export function selfLink(headers: Headers): string | undefined {
	return /<([^>]+)>;\s*rel="self"/.exec(headers.get('link') ?? '')?.[1];
}

/** Follows `rel="next"` from `url` and returns every item and the number of requests. */
export async function readAll<T>(
	url: string,
	token = API_TOKEN,
): Promise<{ items: T[]; requests: number; pageSizes: number[] }> {
	const items: T[] = [];
	const pageSizes: number[] = [];
	let next: string | undefined = url;
	while (next) {
		const answer: Answer<T[]> = await get<T[]>(next, token);
		if (answer.status !== 200)
			throw new Error(`GET ${next} answered ${answer.status}: ${answer.text}`);
		items.push(...answer.body);
		pageSizes.push(answer.body.length);
		next = nextLink(answer.headers);
	}
	return { items, requests: pageSizes.length, pageSizes };
}

export function withQuery(url: string, query: Record<string, string | number>): string {
	const target = new URL(url);
	for (const [key, value] of Object.entries(query)) target.searchParams.set(key, String(value));
	return target.toString();
}
