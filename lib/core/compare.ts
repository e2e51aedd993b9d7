/**
 * Normalized equality between a Halo value and a wanted value, so a run only
 * writes real changes: blanks are equal (null, undefined, '', []), strings are
 * trimmed, a number equals its numeric string, 'true' equals true, and lists
 * of objects (teams, departments, roles) compare by id and flags, not names.
 * Text is compared exactly: a value that differs only in letter case (an
 * email too) is a change to write (docs/mapping-config.md); only *matching*
 * people by email ignores case (recordIndex.ts).
 */
import { isEmptyValue } from './values';

/** Membership lists name what they point at by these keys, before their own `id`. */
const ID_KEYS = ['team_id', 'department_id', 'id', 'agent_id'];

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === 'true') return true;
		if (text === 'false') return false;
	}
	return undefined;
}

function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '') {
		const number = Number(value.trim());
		return Number.isNaN(number) ? undefined : number;
	}
	return undefined;
}

/** The key identifying an element of a list of objects (`team_id`, else `id`, else `agent_id`). */
export function elementKey(element: unknown): string | undefined {
	if (!isRecord(element)) return undefined;
	for (const key of ID_KEYS)
		if (!isEmptyValue(element[key])) return `${key}:${String(element[key]).trim().toLowerCase()}`;
	return undefined;
}

/** Names are display copies of an id (renamed teams must not cause writes); ids and flags decide. */
function isNameKey(key: string): boolean {
	return key === 'name' || key.endsWith('_name');
}

/** Every non-name property the wanted object sets equals the existing one (Halo returns many more). */
function objectCovers(existing: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
	return Object.keys(wanted).every(
		(key) => isNameKey(key) || valuesEqual(key, existing[key], wanted[key]),
	);
}

function indexByKey(list: readonly unknown[]): Map<string, unknown> {
	const byKey = new Map<string, unknown>();
	for (const element of list) {
		const key = elementKey(element);
		if (key !== undefined) byKey.set(key, element);
	}
	return byKey;
}

/** Every wanted element exists (by key) in `existing` with the same flags. */
export function listCovers(existing: readonly unknown[], wanted: readonly unknown[]): boolean {
	const byKey = indexByKey(existing);
	return wanted.every((element) => {
		const key = elementKey(element);
		if (key === undefined) return existing.some((other) => valuesEqual('', other, element));
		const match = byKey.get(key);
		return match !== undefined && valuesEqual('', match, element);
	});
}

/** `existing` with the wanted elements added or replaced by key; elements only Halo has are kept. */
export function mergeList(existing: readonly unknown[], wanted: readonly unknown[]): unknown[] {
	const wantedByKey = indexByKey(wanted);
	const merged = existing.map((element) => {
		const key = elementKey(element);
		const replacement = key === undefined ? undefined : wantedByKey.get(key);
		return replacement === undefined
			? element
			: { ...(element as object), ...(replacement as object) };
	});
	const existingKeys = new Set(existing.map(elementKey));
	for (const element of wanted) if (!existingKeys.has(elementKey(element))) merged.push(element);
	return merged;
}

function listsEqual(existing: readonly unknown[], wanted: readonly unknown[]): boolean {
	// Same size and every wanted element present: extra properties Halo returns on elements do not count.
	return existing.length === wanted.length && listCovers(existing, wanted);
}

export function valuesEqual(_field: string, existing: unknown, wanted: unknown): boolean {
	const existingEmpty = isEmptyValue(existing);
	const wantedEmpty = isEmptyValue(wanted);
	if (existingEmpty || wantedEmpty) return existingEmpty && wantedEmpty;
	if (Array.isArray(existing) || Array.isArray(wanted)) {
		return Array.isArray(existing) && Array.isArray(wanted) && listsEqual(existing, wanted);
	}
	if (isRecord(existing) || isRecord(wanted)) {
		return isRecord(existing) && isRecord(wanted) && objectCovers(existing, wanted);
	}
	if (typeof existing === 'boolean' || typeof wanted === 'boolean') {
		const a = toBoolean(existing);
		return a !== undefined && a === toBoolean(wanted);
	}
	if (typeof existing === 'number' || typeof wanted === 'number') {
		const a = toNumber(existing);
		return a !== undefined && a === toNumber(wanted);
	}
	return String(existing).trim() === String(wanted).trim();
}
