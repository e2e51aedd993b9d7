/** The one count of Upsert actions: per plan, per run, per node output. */
import type { UpsertAction } from './types';

export const UPSERT_ACTIONS: readonly UpsertAction[] = Object.freeze([
	'created',
	'updated',
	'unchanged',
	'deactivated',
	'reactivated',
	'skipped',
	'failed',
]);

/** How many items carry each of `actions` (every action by default); other items are not counted. */
export function countActions<A extends UpsertAction = UpsertAction>(
	items: Iterable<{ action?: unknown }>,
	actions: readonly A[] = UPSERT_ACTIONS as readonly A[],
): Record<A, number> {
	const counts = Object.fromEntries(actions.map((action) => [action, 0])) as Record<A, number>;
	for (const item of items)
		if ((actions as readonly unknown[]).includes(item.action)) counts[item.action as A] += 1;
	return counts;
}
