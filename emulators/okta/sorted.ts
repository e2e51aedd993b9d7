/**
 * Arrays kept sorted by id. Okta pages with an `after` cursor that is the last
 * id of the previous page, so every list the emulator pages is ordered by id
 * and found by binary search.
 */

/** Index of the first element whose key sorts after `key` (all of them when `key` is undefined). */
export function indexAfter<T>(
	sorted: readonly T[],
	key: string | undefined,
	keyOf: (item: T) => string,
): number {
	if (key === undefined) return 0;
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (keyOf(sorted[mid]) <= key) low = mid + 1;
		else high = mid;
	}
	return low;
}

/** Inserts keeping order; returns false when an element with the same key is already there. */
export function insertSorted<T>(sorted: T[], item: T, keyOf: (item: T) => string): boolean {
	const key = keyOf(item);
	const at = indexAfter(sorted, key, keyOf);
	if (at > 0 && keyOf(sorted[at - 1]) === key) return false;
	sorted.splice(at, 0, item);
	return true;
}

export function removeSorted<T>(sorted: T[], key: string, keyOf: (item: T) => string): boolean {
	const at = indexAfter(sorted, key, keyOf) - 1;
	if (at < 0 || keyOf(sorted[at]) !== key) return false;
	sorted.splice(at, 1);
	return true;
}

export const byId = (item: { id: string }): string => item.id;
export const itself = (id: string): string => id;
