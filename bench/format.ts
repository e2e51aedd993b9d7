/** Number, duration and ratio formatting shared by the console table and results.md. */

export function count(n: number): string {
	return Math.round(n).toLocaleString('en-US');
}

export function duration(ms: number): string {
	if (ms < 1000) return `${Math.round(ms)} ms`;
	if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
	if (ms < 2 * 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
	return `${(ms / 3_600_000).toFixed(1)} h`;
}

export function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** How many times more the baseline needed: `naive / ours`. Zero on our side has no finite ratio. */
export function ratio(naive: number, ours: number): string {
	if (ours === 0 && naive === 0) return '= (0 / 0)';
	if (ours === 0) return `∞ (${count(naive)} vs 0)`;
	const r = naive / ours;
	return `${r >= 100 ? Math.round(r).toLocaleString('en-US') : r.toFixed(1)}×`;
}

/** A plain-text table with columns padded to their widest cell. */
export function textTable(rows: string[][]): string {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
	return rows
		.map((row) =>
			row
				.map((cell, c) => cell.padEnd(widths[c]))
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}

export function markdownTable(rows: string[][]): string {
	const [head, ...body] = rows;
	const line = (row: string[]) =>
		`| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
	return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}
