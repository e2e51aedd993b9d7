/**
 * Request-body checks against Halo's own API description (specs/halo-swagger.json,
 * see specs/README.md). Each `POST /api/{Entity}` takes an array of
 * one schema (`Users`, `Uname`, `CabHeader`, `Faults`, …); every object schema
 * is closed (`additionalProperties: false`, enforced at every depth), so a
 * field the real API does not have is an error. Used by the emulator (to refuse
 * such writes) and by tests (`test/helpers/haloSpec.ts`). The 3.6 MB file is
 * read once, on first use; each entity's validator is compiled on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;

export interface HaloSpecIssue {
	/** JSON path into the body, e.g. `$[0].roles[1].id`. */
	path: string;
	/** The schema the offending value sits in, e.g. `Users`. */
	schema?: string;
	keyword: string;
	message: string;
	/** For unknown fields: the field name. */
	field?: string;
}

const SPEC_FILE = 'halo-swagger.json';

/** The repository's `specs/` copy (this file runs from `emulators/halo` or `build/emulators/halo`). */
export function findHaloSwagger(): string | undefined {
	for (const root of [join(__dirname, '..', '..'), join(__dirname, '..', '..', '..')]) {
		const candidate = join(root, 'specs', SPEC_FILE);
		if (existsSync(candidate)) return candidate;
	}
	return undefined;
}

export function haloSwaggerPath(): string {
	const path = findHaloSwagger();
	if (!path) throw new Error(`${SPEC_FILE} not found in the repository's specs/ folder`);
	return path;
}

const REF_PREFIX = '#/components/schemas/';

/**
 * OpenAPI 3.0 schema → JSON Schema for ajv: `nullable` becomes a `null` type,
 * every object is closed, and a `$ref` to a component becomes the `haloRef`
 * keyword, which compiles the component on first use. Ajv would otherwise
 * compile a component's whole reference closure up front (`Users` reaches 112
 * schemas, seconds of work); bodies touch only a few of them.
 */
function toJsonSchema(node: unknown): unknown {
	if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
	const source = node as Json;
	if (typeof source.$ref === 'string' && source.$ref.startsWith(REF_PREFIX)) {
		return {
			haloRef: { name: source.$ref.slice(REF_PREFIX.length), nullable: source.nullable === true },
		};
	}
	const out: Json = {};
	for (const [key, value] of Object.entries(source)) {
		if (key === 'nullable' || key === 'example') continue;
		if (key === 'properties') {
			out.properties = Object.fromEntries(
				Object.entries(value as Json).map(([name, schema]) => [name, toJsonSchema(schema)]),
			);
		} else if (
			key === 'items' ||
			key === 'not' ||
			(key === 'additionalProperties' && typeof value === 'object')
		) {
			out[key] = toJsonSchema(value);
		} else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
			out[key] = (value as unknown[]).map(toJsonSchema);
		} else {
			out[key] = value;
		}
	}
	if ((out.type === 'object' || out.properties) && out.additionalProperties === undefined)
		out.additionalProperties = false;
	if (source.nullable === true) {
		if (typeof out.type === 'string') out.type = [out.type, 'null'];
		if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
	}
	return out;
}

/** An ajv error tagged with the component schema it came from. */
type TaggedError = ErrorObject & { haloSchema?: string };

interface Loaded {
	ajv: Ajv;
	paths: Record<string, Json>;
	schemas: Json;
	/** A component schema's validator, compiled on first use. */
	component(name: string): ValidateFunction;
}

let loaded: Loaded | undefined;
const validators = new Map<
	string,
	{ validate: ValidateFunction; schemaName: string; path: string }
>();

function addFormats(ajv: Ajv): void {
	const int = (bits: number) => (n: number) =>
		Number.isInteger(n) && Math.abs(n) <= 2 ** (bits - 1);
	ajv.addFormat('int32', { type: 'number', validate: int(32) });
	ajv.addFormat('int64', { type: 'number', validate: int(64) });
	for (const lenient of ['double', 'float'])
		ajv.addFormat(lenient, { type: 'number', validate: () => true });
	ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
	// .NET reads dates with or without a zone; anything Date can parse is accepted.
	ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
	for (const lenient of ['date-span', 'byte', 'binary', 'uri']) ajv.addFormat(lenient, () => true);
}

function load(): Loaded {
	if (loaded) return loaded;
	const swagger = JSON.parse(readFileSync(haloSwaggerPath(), 'utf8')) as {
		paths: Record<string, Json>;
		components: { schemas: Json };
	};
	const schemas = swagger.components.schemas;
	const ajv = new Ajv({ allErrors: true, strict: false, inlineRefs: false, logger: false });
	addFormats(ajv);
	const compiled = new Map<string, ValidateFunction>();
	const component = (name: string): ValidateFunction => {
		let validate = compiled.get(name);
		if (!validate) {
			if (!schemas[name]) throw new Error(`halo-swagger.json has no schema ${name}`);
			validate = ajv.compile(toJsonSchema(schemas[name]) as Json);
			compiled.set(name, validate);
		}
		return validate;
	};
	ajv.addKeyword({
		keyword: 'haloRef',
		schemaType: 'object',
		errors: true,
		validate: function haloRef(
			ref: { name: string; nullable: boolean },
			data: unknown,
			_parent?: unknown,
			// Passing the context on keeps nested errors' instancePath absolute.
			cxt?: Parameters<ValidateFunction>[1],
		): boolean {
			const self = haloRef as unknown as { errors?: TaggedError[] | null };
			self.errors = null;
			if (data === null && ref.nullable) return true;
			const validate = component(ref.name);
			if (validate(data, cxt)) return true;
			self.errors = (validate.errors ?? []).map((e: TaggedError) => ({
				...e,
				haloSchema: e.haloSchema ?? ref.name,
			}));
			return false;
		},
	});
	loaded = { ajv, paths: swagger.paths, schemas, component };
	return loaded;
}

/** `Users`, `/Users`, `/api/users` → the swagger path key (`/Users`). */
function swaggerPathKey(paths: Record<string, Json>, entityPath: string): string {
	const wanted =
		'/' +
		entityPath
			.replace(/^\/+/, '')
			.replace(/^api\//i, '')
			.replace(/\/+$/, '');
	const key = Object.keys(paths).find((k) => k.toLowerCase() === wanted.toLowerCase());
	if (!key) throw new Error(`halo-swagger.json has no path ${wanted}`);
	return key;
}

function validatorFor(entityPath: string) {
	const cached = validators.get(entityPath.toLowerCase());
	if (cached) return cached;
	const { ajv, paths } = load();
	const path = swaggerPathKey(paths, entityPath);
	const post = paths[path].post as Json | undefined;
	const content = (post?.requestBody as Json | undefined)?.content as
		Record<string, { schema: Json }> | undefined;
	const schema = content?.['application/json']?.schema;
	if (!schema) throw new Error(`halo-swagger.json has no JSON request body for POST ${path}`);
	const ref = ((schema.items as Json | undefined)?.$ref ?? schema.$ref) as string | undefined;
	const entry = {
		validate: ajv.compile(toJsonSchema(schema) as Json),
		schemaName: ref ? ref.split('/').pop()! : path.slice(1),
		path,
	};
	validators.set(entityPath.toLowerCase(), entry);
	return entry;
}

/** The schema name of `POST /api/{entityPath}`'s items, e.g. `Agent` → `Uname`. */
export function haloRequestSchemaName(entityPath: string): string {
	return validatorFor(entityPath).schemaName;
}

function jsonPath(instancePath: string): string {
	return (
		'$' +
		instancePath
			.split('/')
			.slice(1)
			.map((part) =>
				/^\d+$/.test(part) ? `[${part}]` : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`,
			)
			.join('')
	);
}

function issue(error: TaggedError, rootSchema: string): HaloSpecIssue {
	const schema = error.haloSchema ?? rootSchema;
	if (error.keyword === 'additionalProperties') {
		const field = String((error.params as { additionalProperty: string }).additionalProperty);
		const path = `${jsonPath(error.instancePath)}.${field}`;
		return {
			path,
			schema,
			keyword: error.keyword,
			field,
			message: `${path}: Halo's ${schema ?? 'schema'} has no field '${field}'`,
		};
	}
	const path = jsonPath(error.instancePath);
	return {
		path,
		schema,
		keyword: error.keyword,
		message: `${path} ${error.message ?? 'is invalid'}`,
	};
}

/** Every way `body` differs from the request schema of `POST /api/{entityPath}`; empty when it fits. */
export function validateHaloRequestBody(entityPath: string, body: unknown): HaloSpecIssue[] {
	const { validate, schemaName } = validatorFor(entityPath);
	if (validate(body)) return [];
	const issues = (validate.errors ?? []).map((e) => issue(e, schemaName));
	// anyOf (nullable references) repeats its branches' errors; keep one of each.
	const seen = new Set<string>();
	return issues.filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
}

const fieldSets = new Map<string, ReadonlySet<string>>();

/**
 * The property names of one component schema, e.g. `Users_List`: what Halo's
 * list answers carry (SOURCES: lists answer the swagger's *list* schemas, not
 * the full records; see docs/apis.md).
 */
export function haloSchemaFields(schemaName: string): ReadonlySet<string> {
	let fields = fieldSets.get(schemaName);
	if (!fields) {
		const schema = load().schemas[schemaName] as { properties?: Json } | undefined;
		if (!schema?.properties)
			throw new Error(`halo-swagger.json has no object schema ${schemaName}`);
		fields = new Set(Object.keys(schema.properties));
		fieldSets.set(schemaName, fields);
	}
	return fields;
}

/** Every way `records` differ from the component schema `schemaName` (closed at every depth); empty when they fit. */
export function validateHaloSchemaRecords(schemaName: string, records: unknown[]): HaloSpecIssue[] {
	const validate = load().component(schemaName);
	const issues: HaloSpecIssue[] = [];
	records.forEach((record, i) => {
		if (validate(record)) return;
		for (const error of validate.errors ?? []) {
			const found = issue(
				{ ...error, instancePath: `/${i}${error.instancePath}` } as TaggedError,
				schemaName,
			);
			if (!issues.some((known) => known.message === found.message)) issues.push(found);
		}
	});
	return issues;
}
