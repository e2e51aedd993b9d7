/** Runs one Job in a fresh worker process (see worker.ts) and waits for its answer. */
import { fork } from 'node:child_process';
import path from 'node:path';

import type { Job, JobResult, JobSuccess } from './job';

export async function runInChild(job: Job): Promise<JobSuccess> {
	const child = fork(path.join(__dirname, 'worker.js'), [], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const answer = new Promise<JobResult>((resolve, reject) => {
		child.once('message', (message) => resolve(message as JobResult));
		child.once('exit', (code) =>
			reject(new Error(`bench worker exited with code ${code} before answering`)),
		);
	});
	child.send(job);
	const result = await answer;
	if (!result.ok) throw new Error(`${job.kind} run failed: ${result.error}`);
	return result;
}
