/**
 * Mass-deactivation guard: a broken Okta filter or a wrong credential can make
 * everyone look gone; stop before writing when a run would deactivate more
 * than a share of the active records Okta manages (those with an Okta id; and
 * more than a minimum count, so small directories are not blocked by one
 * leaver, though never all of them).
 */
import type { UpsertPlan } from './types';

export interface GuardOptions {
	/** Largest share of active records one run may deactivate (0.10 = 10 %). */
	maxShare: number;
	/** Deactivations up to this count are always allowed. */
	minCount: number;
}

export const DEFAULT_GUARD: Readonly<GuardOptions> = Object.freeze({ maxShare: 0.1, minCount: 10 });

function percent(share: number): string {
	return `${Number((share * 100).toFixed(1))} %`;
}

/** The error message when the plan trips the guard, else undefined. */
export function checkGuard(
	plan: Pick<UpsertPlan, 'counts' | 'target'>,
	existingActiveCount: number,
	guard: Partial<GuardOptions> = {},
): string | undefined {
	const { maxShare, minCount } = { ...DEFAULT_GUARD, ...guard };
	const deactivations = plan.counts.deactivated;
	// The always-allowed minimum never covers every Okta-managed record.
	const limit = Math.min(
		Math.max(minCount, Math.floor(maxShare * existingActiveCount)),
		Math.max(0, existingActiveCount - 1),
	);
	if (deactivations <= limit) return undefined;
	const share = existingActiveCount > 0 ? deactivations / existingActiveCount : 1;
	return (
		`Mass-deactivation guard: this run would deactivate ${deactivations} of ${existingActiveCount} active Okta-managed Halo ` +
		`${plan.target}s (${percent(share)}), more than the limit of ${limit} (${percent(maxShare)} of them, ` +
		`at least ${minCount}). Nothing was written. If this is intended, raise the guard's maximum share ` +
		`or minimum count, or turn the guard off for this run.`
	);
}
