/**
 * What the benchmark runs with. Defaults follow the performance targets (docs/requests.md)
 * (10,000 users, 50 groups); `node build/bench/run.js --users 2000 --sizes 1000,2000`
 * shrinks it for a quick look. Nothing here is a result: every figure in the
 * report is measured.
 */
export interface BenchParams {
	/** Users in the Okta org of the main comparison. */
	users: number;
	/** Okta-managed groups (the built-in Everyone group comes on top). */
	groups: number;
	/** Org sizes for the memory runs of our workflow (first full sync each). */
	memorySizes: number[];
	/** Per-request latency of both emulators, ms: small, so call counts decide the time, as against a real tenant. */
	latencyMs: number;
	/** Okta changes between the second and third run (status, name, group). */
	changes: number;
	/** Baseline requests in flight per stage (an HTTP Request node sends a batch of items at once). */
	naiveConcurrency: number;
	/** Deterministic org generator seed. */
	seed: number;
	/** The real Halo budget the report measures against (the emulator's limit is raised so the baseline can finish). */
	haloBudget: { max: number; windowMs: number };
	/** Where the report goes; default bench/results.md. */
	out?: string;
	/** `events`: only the event-delivery section (bench/events.ts), replaced in the existing report. */
	only?: 'events';
}

export const DEFAULT_PARAMS: BenchParams = {
	users: 10_000,
	groups: 50,
	memorySizes: [2_000, 5_000, 10_000],
	latencyMs: 3,
	changes: 20,
	naiveConcurrency: 8,
	seed: 7,
	haloBudget: { max: 300, windowMs: 300_000 },
};

/** `--users N --groups N --sizes a,b,c --latency N --seed N --concurrency N --out file.md` over the defaults. */
export function parseParams(argv: readonly string[]): BenchParams {
	const params: BenchParams = { ...DEFAULT_PARAMS, haloBudget: { ...DEFAULT_PARAMS.haloBudget } };
	for (let i = 0; i < argv.length; i += 2) {
		const [flag, value] = [argv[i], argv[i + 1]];
		const number = Number(value);
		switch (flag) {
			case '--users':
				params.users = positive(flag, number);
				break;
			case '--groups':
				params.groups = positive(flag, number);
				break;
			case '--sizes':
				params.memorySizes = String(value)
					.split(',')
					.map((part) => positive(flag, Number(part)));
				break;
			case '--latency':
				params.latencyMs = Math.max(0, number);
				break;
			case '--seed':
				params.seed = positive(flag, number);
				break;
			case '--concurrency':
				params.naiveConcurrency = positive(flag, number);
				break;
			case '--out':
				params.out = value;
				break;
			case '--only':
				if (value !== 'events') throw new Error('--only takes "events"');
				params.only = value;
				break;
			default:
				throw new Error(
					`Unknown option ${flag}; use --users, --groups, --sizes, --latency, --seed, --concurrency, --out, --only events`,
				);
		}
	}
	return params;
}

function positive(flag: string, value: number): number {
	if (!Number.isInteger(value) || value <= 0)
		throw new Error(`${flag} needs a positive whole number`);
	return value;
}
