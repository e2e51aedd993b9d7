/**
 * Halo's list endpoints answer the swagger's *list* schemas (`Users_List`,
 * `Uname_List`, `Site_List`, …), not the full records: a field the list
 * schema lacks (a user's `roles`, `oktaid`; a template's `details`) is only
 * in `GET /api/{Entity}/{id}` and in save answers. See docs/apis.md.
 */
import { haloSchemaFields } from './spec';

/** `record` cut down to the fields of the list schema `schemaName`, plus `keep` (fields a query parameter adds). */
export function listShaped(
	schemaName: string,
	record: Record<string, unknown>,
	keep: readonly string[] = [],
): Record<string, unknown> {
	const fields = haloSchemaFields(schemaName);
	const shaped: Record<string, unknown> = {};
	for (const [field, value] of Object.entries(record)) {
		if (fields.has(field) || keep.includes(field)) shaped[field] = value;
	}
	return shaped;
}
