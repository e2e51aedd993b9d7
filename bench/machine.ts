/** The machine a run was measured on, for the report header. */
import os from 'node:os';

export interface Machine {
	cpus: number;
	cpuModel: string;
	memoryBytes: number;
	node: string;
	platform: string;
	/** 1/5/15-minute load averages: the machine may be shared, and timings move with it. */
	loadAverage: number[];
	loadAtStart?: number[];
}

export function describeMachine(): Machine {
	return {
		cpus: os.availableParallelism(),
		cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
		memoryBytes: os.totalmem(),
		node: process.version,
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
		loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10),
	};
}
