/**
 * A seeded pseudo-random source, so the same seed always yields the same org
 * (ids, names, statuses, memberships): tests can rely on exact data.
 */

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Okta object ids: a 3-character type prefix and 17 base-62 characters (20 in all), e.g. `00u1dnq5S0CfjlkpABCD`. */
export const OKTA_ID_PREFIX = {
	user: '00u',
	group: '00g',
	app: '0oa',
	eventHook: 'who',
	userType: 'oty',
	userSchema: 'osc',
} as const;

export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0 || 0x9e3779b9;
	}

	/** mulberry32: fast, good enough spread for test data, and reproducible. */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(maxExclusive: number): number {
		return Math.floor(this.next() * maxExclusive);
	}

	between(min: number, max: number): number {
		return min + this.int(max - min + 1);
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)];
	}

	/** Picks by weight: `[[value, weight], ...]`. */
	weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
		const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
		let roll = this.next() * total;
		for (const [value, weight] of choices) {
			roll -= weight;
			if (roll < 0) return value;
		}
		return choices[choices.length - 1][0];
	}

	digits(count: number): string {
		let out = '';
		for (let i = 0; i < count; i++) out += String(this.int(10));
		return out;
	}

	hex(count: number): string {
		let out = '';
		while (out.length < count)
			out += Math.floor(this.next() * 0x100000000)
				.toString(16)
				.padStart(8, '0');
		return out.slice(0, count);
	}

	oktaId(prefix: string): string {
		let id = prefix;
		for (let i = 0; i < 17; i++) id += ID_ALPHABET[this.int(62)];
		return id;
	}
}
