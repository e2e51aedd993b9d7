/**
 * The generic handlers behind every entity: list, get by id, save (POST of an
 * array), delete. A save is checked whole before anything is stored: the body
 * against the swagger request schema (unknown fields refused, as a .NET
 * deserialiser set to disallow them would), then each record by its entity's
 * rules. Halo answers a save with the saved record, or an array when several
 * were sent.
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse } from '../server';
import type { EntityDef, Row } from './entities/entity';
import { haloError, HaloHttpError } from './errors';
import { listAnswer } from './lists';
import { validateHaloRequestBody, haloRequestSchemaName } from './spec';
import type { HaloStore } from './store';

export interface CrudOptions {
	/** Refuse bodies that do not fit halo-swagger.json (default true). */
	validateBodies: boolean;
}

function view<R extends Row>(
	def: EntityDef<R>,
	record: R,
	req: EmulatorRequest,
): Record<string, unknown> {
	return def.view ? def.view(record, req.query, 'one') : { ...record };
}

function notFound(def: EntityDef, id: unknown): EmulatorResponse {
	return haloError(404, 'Message', `${def.path} ${String(id)} not found`);
}

export function listHandler<R extends Row>(def: EntityDef<R>, store: HaloStore) {
	return (req: EmulatorRequest): EmulatorResponse => ({
		status: 200,
		body: listAnswer(def, store, req.query),
	});
}

export function getHandler<R extends Row>(def: EntityDef<R>, store: HaloStore) {
	return (req: EmulatorRequest): EmulatorResponse => {
		const record = def.table(store).get(req.params.id);
		return record ? { status: 200, body: view(def, record, req) } : notFound(def, req.params.id);
	};
}

export function deleteHandler<R extends Row>(def: EntityDef<R>, store: HaloStore) {
	return (req: EmulatorRequest): EmulatorResponse => {
		const table = def.table(store);
		const record = table.get(req.params.id);
		if (!record) return notFound(def, req.params.id);
		table.delete(record.id);
		def.onDelete?.(record, store);
		return { status: 200 };
	};
}

/** First schema problem, worded as System.Text.Json words it. */
function schemaRefusal(entityPath: string, body: unknown): EmulatorResponse | undefined {
	const issues = validateHaloRequestBody(entityPath, body);
	if (issues.length === 0) return undefined;
	const first = issues.find((i) => i.field) ?? issues[0];
	const message = first.field
		? `The JSON property '${first.field}' could not be mapped to any .NET member contained in type '${first.schema ?? haloRequestSchemaName(entityPath)}'. Path: ${first.path}`
		: `The JSON value could not be converted to ${first.schema ?? haloRequestSchemaName(entityPath)}. Path: ${first.path} (${issues[0].message})`;
	return haloError(400, 'ClassName', message, 'System.Text.Json.JsonException');
}

export function saveHandler<R extends Row>(
	def: EntityDef<R>,
	store: HaloStore,
	options: CrudOptions,
) {
	return (req: EmulatorRequest): EmulatorResponse => {
		const body = req.body;
		if (!Array.isArray(body)) {
			return haloError(
				400,
				'ClassName',
				`The JSON value could not be converted to a list of ${def.path}. Path: $`,
				'System.Text.Json.JsonException',
			);
		}
		if (options.validateBodies) {
			const refusal = schemaRefusal(def.path, body);
			if (refusal) return refusal;
		}
		const table = def.table(store);
		const saved: R[] = [];
		try {
			for (const input of body as Array<Record<string, unknown>>) {
				// Halo creates when the id is absent or 0 (its "new record" id).
				const creating =
					input.id === undefined || input.id === null || input.id === 0 || input.id === '';
				const existing = creating ? undefined : table.get(input.id);
				if (!creating && !existing) return notFound(def, input.id);
				const { id: _ignored, ...fields } = input;
				const newId = creating ? (def.guidIds ? randomUUID() : table.newId()) : existing!.id;
				saved.push(def.prepare(fields, existing, store, newId));
			}
		} catch (error) {
			if (error instanceof HaloHttpError) return error.response;
			throw error;
		}
		const answers = saved.map((record) => view(def, table.put(record), req));
		return { status: 200, body: answers.length === 1 ? answers[0] : answers };
	};
}
