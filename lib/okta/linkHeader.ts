/**
 * The `rel="next"` URL of an RFC 8288 `Link` header, as Okta sends it:
 * `<https://acme.okta.com/api/v1/users?after=00u1&limit=200>; rel="next"`.
 * Several links may share one header, comma-separated.
 */
export function nextLink(header: string | undefined): string | undefined {
	if (!header) return undefined;
	for (const match of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
		const params = match[2] ?? '';
		const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(params)?.[1];
		if (rel && rel.trim().split(/\s+/).includes('next')) return match[1];
	}
	return undefined;
}
