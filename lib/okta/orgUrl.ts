import { OrgUrlError } from './OrgUrlError';

const HINT =
	'use your primary Okta domain, e.g. https://acme.okta.com — the admin or a sub-path URL causes 404s at sign-in';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks and normalises an Okta org URL: `https://acme.okta.com` (scheme added
 * when missing, trailing slash dropped). The admin console host
 * (`acme-admin.okta.com`) and URLs with a path (`…/oauth2/default`,
 * `…/app/UserHome`) are refused: Okta answers API and token calls there with 404s.
 * Plain http is accepted only for loopback hosts (local emulators).
 */
export function normalizeOrgUrl(input: unknown): string {
	const raw = typeof input === 'string' ? input.trim() : '';
	if (!raw) throw new OrgUrlError(`The Okta org URL is empty: ${HINT}`);
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
	const url = parseUrl(withScheme);
	if (!url) throw new OrgUrlError(`"${raw}" is not a URL: ${HINT}`);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
		throw new OrgUrlError(`"${raw}" must start with https://: ${HINT}`);
	}
	if (url.username || url.password)
		throw new OrgUrlError(`The Okta org URL must not carry a user name or password: ${HINT}`);
	if (url.hostname.toLowerCase().includes('-admin')) {
		throw new OrgUrlError(`"${url.host}" is the Okta admin console: ${HINT}`);
	}
	if (url.pathname.replace(/\/+$/, '') !== '' || url.search || url.hash) {
		throw new OrgUrlError(`"${raw}" has a path: ${HINT}`);
	}
	return url.origin;
}

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}
