/** Okta writes timestamps with whole seconds and a `.000Z` suffix, e.g. `2024-05-04T19:50:52.000Z`. */
export function oktaTimestamp(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

export const DAY_MS = 86_400_000;
