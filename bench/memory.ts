/**
 * Memory against org size: a least-squares line through (users, peak) of our
 * first full syncs. The slope is bytes per user; R² near 1 says it grows
 * linearly; the line extrapolated to 50,000 users is held against the heap
 * limit of a default Node (and so n8n) process.
 */
import type { RunMeasure } from './scenario';

export interface LineFit {
	slope: number;
	intercept: number;
	r2: number;
}

export interface MemoryCurve {
	points: Array<{
		users: number;
		peakRssBytes: number;
		peakHeapBytes: number;
		rssBeforeBytes: number;
	}>;
	rss: LineFit;
	heap: LineFit;
	heapLimitBytes: number;
}

export function fitLine(points: ReadonlyArray<readonly [number, number]>): LineFit {
	const n = points.length;
	const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / n;
	const mx = mean(points.map(([x]) => x));
	const my = mean(points.map(([, y]) => y));
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (const [x, y] of points) {
		sxy += (x - mx) * (y - my);
		sxx += (x - mx) ** 2;
		syy += (y - my) ** 2;
	}
	const slope = sxx === 0 ? 0 : sxy / sxx;
	return {
		slope,
		intercept: my - slope * mx,
		r2: sxx === 0 || syy === 0 ? 1 : (sxy * sxy) / (sxx * syy),
	};
}

export function memoryCurve(runs: ReadonlyArray<{ users: number; run: RunMeasure }>): MemoryCurve {
	const points = [...runs]
		.sort((a, b) => a.users - b.users)
		.map(({ users, run }) => ({
			users,
			peakRssBytes: run.peakRssBytes,
			peakHeapBytes: run.peakHeapBytes,
			rssBeforeBytes: run.rssBeforeBytes,
		}));
	return {
		points,
		rss: fitLine(points.map((p) => [p.users, p.peakRssBytes] as const)),
		heap: fitLine(points.map((p) => [p.users, p.peakHeapBytes] as const)),
		heapLimitBytes: Math.min(...runs.map(({ run }) => run.heapLimitBytes)),
	};
}

export function extrapolate(fit: LineFit, users: number): number {
	return fit.intercept + fit.slope * users;
}
