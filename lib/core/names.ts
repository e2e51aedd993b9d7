/** Names as Okta and Halo compare them: case and surrounding spaces do not matter. */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
	return (
		typeof a === 'string' &&
		typeof b === 'string' &&
		a.trim().toLowerCase() === b.trim().toLowerCase()
	);
}
