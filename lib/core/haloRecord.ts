/** Facts about Halo user/agent records the planner needs: the inactive flag per target, activity, id. */
import type { HaloRecord, Target } from './types';

/** Users are switched off with `inactive: true`, agents with `isdisabled: true`. */
export const INACTIVE_FIELD: Readonly<Record<Target, 'inactive' | 'isdisabled'>> = Object.freeze({
	user: 'inactive',
	agent: 'isdisabled',
});

export function isRecordActive(target: Target, record: HaloRecord): boolean {
	const flag = record[INACTIVE_FIELD[target]];
	return !(flag === true || (typeof flag === 'string' && flag.trim().toLowerCase() === 'true'));
}

export function haloIdOf(record: HaloRecord): number | null {
	const id = Number(record.id);
	return record.id === undefined || record.id === null || Number.isNaN(id) ? null : id;
}
