/**
 * Email addresses as match keys. Lower-casing alone folds look-alikes (the
 * Kelvin sign U+212A lower-cases to "k"), so an Okta address could adopt an
 * unrelated Halo person. An address is a key only when it is plain ASCII;
 * any other address is compared after NFKC normalisation only to warn about a
 * look-alike, never to match (docs/security.md).
 */

const ASCII = /^[\x20-\x7e]*$/;

/** The case-insensitive key of a plain-ASCII address; undefined for anything else. */
export function emailMatchKey(value: string): string | undefined {
	const text = value.trim();
	if (text === '' || !ASCII.test(text)) return undefined;
	return text.toLowerCase();
}

/** What a non-ASCII address looks like once normalised (NFKC, lower case), to find what it imitates. */
export function emailLookalikeKey(value: string): string | undefined {
	const text = value.trim();
	if (text === '' || ASCII.test(text)) return undefined;
	const folded = text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
	return ASCII.test(folded) ? folded : undefined;
}

/** The characters that are not plain ASCII, as `U+212A`, for a warning. */
export function nonAsciiCodePoints(value: string): string {
	return [...value]
		.filter((char) => !ASCII.test(char))
		.map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
		.join(', ');
}
