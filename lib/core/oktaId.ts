/**
 * The Okta id on a Halo user or agent. Halo has two fields for it: list
 * answers (`Users_List`, `Uname_List`) carry `okta_id`, full records carry
 * both `okta_id` and `oktaid` (docs/apis.md). A record is read by whichever
 * it has, and written with both, so that lists and full records agree.
 */
import type { HaloRecord } from './types';
import { isEmptyValue, toText } from './values';

export const OKTA_ID_FIELDS = ['oktaid', 'okta_id'] as const;

export function isOktaIdField(field: string): boolean {
	return field === 'oktaid' || field === 'okta_id';
}

/** The record's Okta id (`okta_id`, else `oktaid`), trimmed; '' when it has none. */
export function recordOktaId(record: HaloRecord): string {
	for (const field of ['okta_id', 'oktaid']) {
		const value = record[field];
		if (!isEmptyValue(value)) return toText(value).trim();
	}
	return '';
}

/** `record` with both Okta id fields set to the id it carries (unchanged when it has none). */
export function withOktaIds(record: HaloRecord): HaloRecord {
	const id = recordOktaId(record);
	return id === '' ? record : { ...record, oktaid: id, okta_id: id };
}
