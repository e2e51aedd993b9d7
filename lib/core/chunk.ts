/** Splits writes into batches of `size` (Halo takes arrays; one POST per batch). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
	if (!Number.isInteger(size) || size < 1)
		throw new RangeError(`batch size must be a whole number of at least 1 (got ${size})`);
	const batches: T[][] = [];
	for (let start = 0; start < items.length; start += size)
		batches.push(items.slice(start, start + size));
	return batches;
}
