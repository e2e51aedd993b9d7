/**
 * The one shape of a failed item (Continue On Fail) for the three nodes that
 * write to Halo. The Upsert's own failure says `action: 'failed'`; Apply Role
 * Mappings and Create Onboarding Ticket keep the Upsert's `action` (what
 * happened to the person: a created person whose roles failed is still
 * created, and still gets onboarded) and add `error`. See docs/items.md.
 */
export function failedItem<T extends object>(item: T, error: string): T & { error: string };
export function failedItem<T extends object>(
	item: T,
	error: string,
	action: 'failed',
): Omit<T, 'action' | 'error'> & { action: 'failed'; error: string };
export function failedItem<T extends object>(item: T, error: string, action?: 'failed'): object {
	return action ? { ...item, action, error } : { ...item, error };
}
