/** Small readers shared by the mapping-configuration editor sections: UI values as MappingConfig values, for the validator to judge. */
import type { IDataObject, IDisplayOptions } from 'n8n-workflow';

import { OKTA_STATUSES } from '../../core/types';

/** The editor's fields show only with "Configuration Source: Fields Below". */
export function uiOnly(displayOptions?: IDisplayOptions): IDisplayOptions {
	return mergeDisplay(displayOptions, { show: { configSource: ['ui'] } });
}

export function mergeDisplay(
	base: IDisplayOptions | undefined,
	extra: IDisplayOptions,
): IDisplayOptions {
	return { ...base, show: { ...base?.show, ...extra.show } };
}

/** Comma-separated text or a list → trimmed non-empty strings. */
export function listFromUi(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}

/** Empty and 0 ("none") mean unset; anything else is passed on for the validator to judge. */
export function isChosen(value: unknown): boolean {
	return value !== undefined && value !== null && !['', '0'].includes(String(value).trim());
}

export function setNumber(target: IDataObject, key: string, value: unknown): void {
	if (isChosen(value)) target[key] = toNumberish(value) as IDataObject[string];
}

/** A numeric string as a number (dropdown values are strings); anything else unchanged. */
export function toNumberish(value: unknown): IDataObject[string] {
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
	return value as IDataObject[string];
}

/** Okta statuses as dropdown choices ("Password expired"). */
export const STATUS_OPTIONS = OKTA_STATUSES.map((status) => ({
	name: status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, ' '),
	value: status,
}));
