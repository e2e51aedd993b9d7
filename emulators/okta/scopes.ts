/**
 * The OAuth scope an API call needs, as the management API's `security`
 * section lists them: reads accept the `.read` or `.manage` scope, writes need
 * `.manage`; `/users/me` also accepts `okta.users.read.self`.
 */

const FAMILIES: ReadonlyArray<{ prefix: string; scope: string }> = [
	{ prefix: '/api/v1/users', scope: 'okta.users' },
	{ prefix: '/api/v1/groups', scope: 'okta.groups' },
	{ prefix: '/api/v1/apps', scope: 'okta.apps' },
	{ prefix: '/api/v1/eventhooks', scope: 'okta.eventHooks' },
];

/** Any one of these scopes allows the call; undefined when the path needs none. */
export function requiredScopes(method: string, path: string): string[] | undefined {
	const lower = path.toLowerCase().replace(/\/$/, '');
	const family = FAMILIES.find(({ prefix }) => lower === prefix || lower.startsWith(prefix + '/'));
	if (!family) return undefined;
	if (method !== 'GET') return [`${family.scope}.manage`];
	const read = [`${family.scope}.read`, `${family.scope}.manage`];
	return lower === '/api/v1/users/me' ? ['okta.users.read.self', ...read] : read;
}
