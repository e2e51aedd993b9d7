/**
 * A small ILoadOptionsFunctions for calling dropdown loaders against the
 * emulators: current parameters, credentials, and httpRequestWithAuthentication
 * over fetch with the credential applied (Okta SSWS token, Halo bearer token).
 */
import type { ILoadOptionsFunctions, INode } from 'n8n-workflow';

export interface LoadOptionsSetup {
	parameters: Record<string, unknown>;
	credentials: Record<string, Record<string, unknown>>;
	/** Authorization header per credential type. */
	authorization: Record<string, string>;
}

const node: INode = {
	id: '1',
	name: 'Node',
	type: 'n8n-nodes-okta-halo.test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export function loadOptionsContext(setup: LoadOptionsSetup): ILoadOptionsFunctions {
	const context = {
		getNode: () => node,
		getNodeParameter: (name: string, fallback?: unknown) => setup.parameters[name] ?? fallback,
		getCurrentNodeParameter: (name: string) => setup.parameters[name],
		getCredentials: async (type: string) => {
			const data = setup.credentials[type];
			if (!data) throw new Error(`No credentials of type ${type}`);
			return data;
		},
		helpers: {
			httpRequestWithAuthentication: async (
				type: string,
				options: {
					method: string;
					url: string;
					qs?: Record<string, unknown>;
					headers?: Record<string, string>;
				},
			) => {
				const url = new URL(options.url);
				for (const [key, value] of Object.entries(options.qs ?? {}))
					if (value !== undefined) url.searchParams.set(key, String(value));
				const response = await fetch(url, {
					method: options.method,
					headers: { ...options.headers, Authorization: setup.authorization[type] },
				});
				const text = await response.text();
				const headers: Record<string, string> = {};
				response.headers.forEach((value, key) => (headers[key] = value));
				return {
					statusCode: response.status,
					headers,
					body: text && /json/.test(headers['content-type'] ?? '') ? JSON.parse(text) : text,
				};
			},
		},
	};
	return context as unknown as ILoadOptionsFunctions;
}

/** A Halo bearer token from the emulator's token endpoint. */
export async function haloToken(haloUrl: string): Promise<string> {
	const response = await fetch(`${haloUrl}/auth/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: 'grant_type=client_credentials&client_id=halo-client&client_secret=halo-secret&scope=all',
	});
	return ((await response.json()) as { access_token: string }).access_token;
}
