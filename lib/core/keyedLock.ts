/**
 * Per-key mutual exclusion inside one process (docs/concurrency.md,
 * "Overlapping deliveries"). n8n runs overlapping executions of a workflow in
 * the same Node.js process (regular mode), and the node modules are loaded
 * once, so one module-level lock serialises the read-decide-write step of the
 * executions that concern the same person. Nothing is stored: a lock lives as
 * long as the promise chain of its holders and waiters.
 *
 * Waiting is bounded: after `timeoutMs` the waiter goes on without the lock
 * (a stuck holder must not stop every later execution), and the re-checks
 * the callers make right before writing remain the guard.
 */
export interface LockOptions {
	/** How long to wait for the keys before going on without them; default 5 minutes. */
	timeoutMs?: number;
}

export interface HeldLock {
	/** False when the wait timed out for at least one key. */
	readonly exclusive: boolean;
	release(): void;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000;

/** Resolves after `ms` (n8n's `sleep`; injected, so this module stays free of n8n and timers). */
export type Sleep = (ms: number) => Promise<void>;

/** A waiter checks its deadline this often, so no timer outlives a released lock by more than this. */
const WAIT_SLICE_MS = 250;

export class KeyedLock {
	/** Per key, the promise the next waiter waits for (resolved when every earlier holder released). */
	private readonly tails = new Map<string, Promise<void>>();

	constructor(private readonly sleep: Sleep) {}

	/** Keys currently held or awaited (for tests and diagnostics). */
	get size(): number {
		return this.tails.size;
	}

	/**
	 * Takes every key, in sorted order (two runs that share keys cannot
	 * deadlock), and resolves once all are held or the wait timed out.
	 */
	async acquire(keys: Iterable<string>, options: LockOptions = {}): Promise<HeldLock> {
		const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
		const releases: Array<() => void> = [];
		let exclusive = true;
		for (const key of [...new Set(keys)].sort()) {
			const previous = this.tails.get(key);
			let open!: () => void;
			const mine = new Promise<void>((resolve) => (open = resolve));
			const tail = previous ? previous.then(() => mine) : mine;
			this.tails.set(key, tail);
			releases.push(() => {
				open();
				if (this.tails.get(key) === tail) this.tails.delete(key);
			});
			// A free key is taken at once (a full sync takes thousands); a held one is waited for.
			if (previous && !(await within(previous, timeoutMs, this.sleep))) exclusive = false;
		}
		let released = false;
		return {
			exclusive,
			release: () => {
				if (released) return;
				released = true;
				for (const release of releases.reverse()) release();
			},
		};
	}

	/** Runs `work` holding `keys`; released whatever `work` does. */
	async run<T>(
		keys: Iterable<string>,
		work: (held: HeldLock) => Promise<T>,
		options?: LockOptions,
	): Promise<T> {
		const held = await this.acquire(keys, options);
		try {
			return await work(held);
		} finally {
			held.release();
		}
	}
}

/** True when `promise` settled within `ms`; waits in short slices so no long timer is left behind. */
async function within(promise: Promise<void>, ms: number, sleep: Sleep): Promise<boolean> {
	let settled = false;
	void promise.then(() => (settled = true));
	const deadline = Date.now() + ms;
	while (!settled) {
		const left = deadline - Date.now();
		if (left <= 0) return false;
		await Promise.race([promise, sleep(Math.min(left, WAIT_SLICE_MS))]);
	}
	return true;
}
