/**
 * Existing Halo records indexed once by the matchOn fields, so matching
 * 10,000 people is a few Map look-ups each, never a scan. `oktaid` and other
 * fields match exactly (trimmed); emails and logins case-insensitively. The
 * Okta id is read from `okta_id` or `oktaid`, whichever the record has
 * (oktaId.ts): Halo's lists carry only `okta_id`.
 */
import { emailLookalikeKey, emailMatchKey } from './email';
import { isOktaIdField, recordOktaId } from './oktaId';
import type { HaloRecord } from './types';
import { isCaseInsensitiveField, isEmptyValue, toText } from './values';

function isEmailField(field: string): boolean {
	return /email/i.test(field);
}

/** Emails are keys only as plain ASCII (lib/core/email.ts): a look-alike never matches. */
export function matchKey(field: string, value: unknown): string | undefined {
	if (isEmptyValue(value)) return undefined;
	const text = toText(value).trim();
	if (text === '') return undefined;
	if (isEmailField(field)) return emailMatchKey(text);
	return isCaseInsensitiveField(field) ? text.toLowerCase() : text;
}

export interface IndexMatch {
	field: string;
	value: string;
	record: HaloRecord;
}

export class RecordIndex {
	private readonly byField = new Map<string, Map<string, HaloRecord>>();

	/** `isActive` breaks ties: when Halo holds two records with one key, the active one is matched. */
	constructor(
		private readonly matchOn: readonly string[],
		private readonly isActive: (record: HaloRecord) => boolean,
	) {
		for (const field of matchOn) this.byField.set(field, new Map());
	}

	add(record: HaloRecord): void {
		for (const field of this.matchOn) {
			const key = matchKey(field, valueOf(record, field));
			if (key === undefined) continue;
			const map = this.byField.get(field)!;
			const current = map.get(key);
			if (!current || (!this.isActive(current) && this.isActive(record))) map.set(key, record);
		}
	}

	/** The first matchOn field (in order) for which `wanted` has a value and a record exists wins. */
	find(wanted: HaloRecord): IndexMatch | undefined {
		for (const field of this.matchOn) {
			const value = valueOf(wanted, field);
			const key = matchKey(field, value);
			if (key === undefined) continue;
			const record = this.byField.get(field)!.get(key);
			if (record) return { field, value: toText(value).trim(), record };
		}
		return undefined;
	}

	/** A record whose email a non-ASCII `wanted` email imitates (after NFKC), for a warning; never a match. */
	lookalike(wanted: HaloRecord): IndexMatch | undefined {
		for (const field of this.matchOn) {
			if (!isEmailField(field) || isEmptyValue(wanted[field])) continue;
			const key = emailLookalikeKey(toText(wanted[field]));
			const record = key === undefined ? undefined : this.byField.get(field)!.get(key);
			if (record) return { field, value: toText(wanted[field]).trim(), record };
		}
		return undefined;
	}
}

function valueOf(record: HaloRecord, field: string): unknown {
	return isOktaIdField(field) ? recordOktaId(record) : record[field];
}
