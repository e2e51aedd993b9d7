import { sleep } from 'n8n-workflow';

/** Longest single sleep while waiting, so a cancel is noticed within this time. */
const SLICE_MS = 250;

/**
 * Waits `ms`, in short slices, and resolves early (returning false) once
 * `signal` is aborted: a stopped execution stops waiting. n8n's `sleep` has no
 * abort, and timers are not for community nodes, hence the slices.
 */
export async function waitUnlessAborted(
	ms: number,
	signal: AbortSignal | undefined,
	sleepFn: (ms: number) => Promise<void> = sleep,
): Promise<boolean> {
	if (!signal) {
		await sleepFn(ms);
		return true;
	}
	let left = ms;
	while (left > 0) {
		if (signal.aborted) return false;
		const slice = Math.min(SLICE_MS, left);
		await sleepFn(slice);
		left -= slice;
	}
	return !signal.aborted;
}
