/** Value helpers shared by mapping, diff and matching. */

/** null, undefined, blank strings and empty arrays count as "no value" everywhere. */
export function isEmptyValue(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

/** Text form of an Okta value: arrays (e.g. groups) become their names or values joined by ", ". */
export function toText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
		return String(value);
	if (Array.isArray(value))
		return value
			.map(toText)
			.filter((text) => text.trim() !== '')
			.join(', ');
	if (typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') {
		return (value as { name: string }).name;
	}
	return JSON.stringify(value);
}

/** Email addresses and logins compare case-insensitively (Halo and Okta both treat them so). */
export function isCaseInsensitiveField(field: string): boolean {
	return /email/i.test(field) || field === 'login';
}
