/**
 * `fn` over every item with at most `concurrency` in flight, results in input
 * order: how n8n's HTTP Request node sends one request per input item (all of
 * a batch at once, see its Options → Batching).
 */
export async function mapPool<T, R>(
	items: readonly T[],
	concurrency: number,
	fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const lane = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
	return results;
}
