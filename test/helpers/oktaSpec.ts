/**
 * Validates JSON against schemas of Okta's own OpenAPI 3.0 description
 * (specs/okta-management.yaml) with ajv. The OpenAPI dialect is
 * turned into JSON Schema first: `nullable` becomes a `null` type, `x-` keys
 * and examples go, `discriminator` becomes a dispatch on its property to the
 * mapped schema, and `$ref`s point into one combined document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';

type Schema = Record<string, unknown>;

export const OKTA_MANAGEMENT_SPEC = join(
	__dirname,
	'..',
	'..',
	'..',
	'specs',
	'okta-management.yaml',
);
const DOCUMENT_ID = 'okta-management';
const REF_PREFIX = '#/components/schemas/';
/** Suffix of the copy of a discriminated schema without its dispatch (what the mapped schemas extend). */
const BASE_SUFFIX = '__base';

/**
 * Properties the spec types as non-nullable although Okta answers `null` for them, as the spec's own
 * examples show (e.g. `accessibility.errorRedirectUrl: null` in the app examples).
 */
export const SPEC_NULL_DEFECTS: Readonly<Record<string, readonly string[]>> = {
	ApplicationAccessibility: ['errorRedirectUrl', 'loginRedirectUrl'],
	ApplicationSettingsNotes: ['admin', 'enduser'],
	ApplicationSettingsNotificationsVpn: ['helpUrl', 'message'],
};

export interface SpecValidationResult {
	valid: boolean;
	errors: ErrorObject[];
	/** One line per error: `/path message`. */
	messages: string[];
}

function isObject(value: unknown): value is Schema {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** OpenAPI 3.0 schema → JSON Schema (draft-07 as ajv reads it). */
function convert(node: unknown, renameRefs?: (name: string) => string): unknown {
	if (Array.isArray(node)) return node.map((item) => convert(item, renameRefs));
	if (!isObject(node)) return node;
	const out: Schema = {};
	for (const [key, value] of Object.entries(node)) {
		if (
			key.startsWith('x-') ||
			key === 'example' ||
			key === 'examples' ||
			key === 'discriminator' ||
			key === 'nullable' ||
			key === 'xml' ||
			key === 'externalDocs'
		)
			continue;
		if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
			const name = value.slice(REF_PREFIX.length);
			out.$ref = `${DOCUMENT_ID}#/definitions/${renameRefs ? renameRefs(name) : name}`;
		} else if (key === 'enum' && Array.isArray(value)) {
			// The spec repeats some enum values; JSON Schema wants them unique.
			out.enum = [...new Set(value)];
		} else if (key === 'properties' && isObject(value)) {
			out.properties = Object.fromEntries(
				Object.entries(value).map(([name, sub]) => [name, convert(sub, renameRefs)]),
			);
		} else {
			out[key] = convert(value, renameRefs);
		}
	}
	if (node.nullable === true) return nullable(out);
	return out;
}

function nullable(schema: Schema): Schema {
	if (typeof schema.type === 'string') {
		const widened: Schema = { ...schema, type: [schema.type, 'null'] };
		if (Array.isArray(schema.enum)) widened.enum = [...schema.enum, null];
		return widened;
	}
	return { anyOf: [schema, { type: 'null' }] };
}

/**
 * A schema with a discriminator validates as its mapped schema for the discriminator's value.
 * The mapped schemas extend the original, so they get a copy without the dispatch (`Name__base`).
 */
function convertDiscriminated(
	name: string,
	schema: Schema,
	definitions: Record<string, unknown>,
): void {
	const discriminator = schema.discriminator as {
		propertyName: string;
		mapping?: Record<string, string>;
	};
	const base = `${name}${BASE_SUFFIX}`;
	definitions[base] = convert(schema);
	const cases = Object.entries(discriminator.mapping ?? {}).map(([value, ref]) => ({
		if: {
			properties: { [discriminator.propertyName]: { const: value } },
			required: [discriminator.propertyName],
		},
		then: { $ref: `${DOCUMENT_ID}#/definitions/${ref.slice(REF_PREFIX.length)}` },
	}));
	definitions[name] = { allOf: [{ $ref: `${DOCUMENT_ID}#/definitions/${base}` }, ...cases] };
}

function collectFormats(node: unknown, into: Set<string>): void {
	if (Array.isArray(node)) node.forEach((item) => collectFormats(item, into));
	else if (isObject(node)) {
		if (typeof node.format === 'string') into.add(node.format);
		Object.values(node).forEach((value) => collectFormats(value, into));
	}
}

export class OktaSpec {
	private readonly ajv: Ajv;
	private readonly validators = new Map<string, ValidateFunction>();
	readonly schemaNames: ReadonlySet<string>;

	private readonly rawSchemas: Record<string, Schema>;

	constructor(specPath = OKTA_MANAGEMENT_SPEC) {
		const document = load(readFileSync(specPath, 'utf8')) as {
			components: { schemas: Record<string, Schema> };
		};
		const schemas = document.components.schemas;
		for (const [name, properties] of Object.entries(SPEC_NULL_DEFECTS)) {
			const declared = schemas[name]?.properties as Record<string, Schema> | undefined;
			for (const property of properties)
				if (declared?.[property]) declared[property] = { ...declared[property], nullable: true };
		}
		this.rawSchemas = schemas;
		const discriminated = new Set(
			Object.entries(schemas)
				.filter(([, schema]) => isObject(schema.discriminator))
				.map(([name]) => name),
		);
		const mappedTo = new Map<string, string>();
		for (const name of discriminated) {
			for (const ref of Object.values(
				(schemas[name].discriminator as { mapping?: Record<string, string> }).mapping ?? {},
			)) {
				mappedTo.set(ref.slice(REF_PREFIX.length), name);
			}
		}
		const definitions: Record<string, unknown> = {};
		for (const [name, schema] of Object.entries(schemas)) {
			if (discriminated.has(name)) {
				convertDiscriminated(name, schema, definitions);
			} else {
				// A mapped schema extends the base copy of its parent, not the dispatching one.
				const parent = mappedTo.get(name);
				const rename = parent
					? (ref: string) => (ref === parent ? `${parent}${BASE_SUFFIX}` : ref)
					: undefined;
				definitions[name] = convert(schema, rename);
			}
		}
		this.schemaNames = new Set(Object.keys(schemas));
		this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
		addFormats(this.ajv);
		const formats = new Set<string>();
		collectFormats(schemas, formats);
		for (const format of formats) if (!this.ajv.formats[format]) this.ajv.addFormat(format, true);
		this.ajv.addSchema({ $id: DOCUMENT_ID, definitions });
	}

	/**
	 * Validates `data` against `components.schemas[name]`. Beyond the schema, top-level properties the schema
	 * (with its allOf parts and, for a discriminator, the mapped schema) does not declare are refused, so a
	 * misspelt field fails too; nested objects follow the schema's own `additionalProperties`.
	 */
	validate(name: string, data: unknown): SpecValidationResult {
		const validator = this.validator(name);
		const valid = validator(data) as boolean;
		const errors: ErrorObject[] = valid ? [] : [...(validator.errors ?? [])];
		if (isObject(data)) {
			const declared = this.declaredProperties(name, data);
			if (declared) {
				for (const key of Object.keys(data)) {
					if (!declared.has(key)) {
						errors.push({
							instancePath: '',
							schemaPath: '#/properties',
							keyword: 'additionalProperties',
							params: { additionalProperty: key },
							message: 'must NOT have additional properties',
						});
					}
				}
			}
		}
		return {
			valid: errors.length === 0,
			errors,
			messages: errors.map(
				(error) =>
					`${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
			),
		};
	}

	/** Property names a schema declares at its top level; undefined when it allows any (additionalProperties). */
	private declaredProperties(
		name: string,
		data: Schema,
		seen = new Set<string>(),
	): Set<string> | undefined {
		if (seen.has(name)) return new Set();
		seen.add(name);
		const schema = this.rawSchemas[name];
		if (!schema || schema.additionalProperties !== undefined) return undefined;
		const names = new Set(Object.keys(isObject(schema.properties) ? schema.properties : {}));
		const parts = [...(Array.isArray(schema.allOf) ? schema.allOf : [])] as Schema[];
		const discriminator = schema.discriminator as
			{ propertyName: string; mapping?: Record<string, string> } | undefined;
		const mapped = discriminator?.mapping?.[String(data[discriminator.propertyName])];
		if (mapped) parts.push({ $ref: mapped });
		if (!isObject(schema.properties) && parts.length === 0) return undefined;
		for (const part of parts) {
			const ref = typeof part.$ref === 'string' ? part.$ref.slice(REF_PREFIX.length) : undefined;
			const inner = ref
				? this.declaredProperties(ref, data, seen)
				: isObject(part.properties)
					? new Set(Object.keys(part.properties))
					: new Set<string>();
			if (!inner) return undefined;
			inner.forEach((key) => names.add(key));
		}
		return names;
	}

	/** Validates every element of an array answer. */
	validateEach(name: string, items: unknown[]): SpecValidationResult {
		const results = items.map((item, index) => ({ index, result: this.validate(name, item) }));
		const failed = results.filter(({ result }) => !result.valid);
		return {
			valid: failed.length === 0,
			errors: failed.flatMap(({ result }) => result.errors),
			messages: failed.flatMap(({ index, result }) =>
				result.messages.map((message) => `[${index}]${message}`),
			),
		};
	}

	private validator(name: string): ValidateFunction {
		if (!this.schemaNames.has(name)) throw new Error(`No schema ${name} in the Okta spec`);
		let validator = this.validators.get(name);
		if (!validator) {
			validator = this.ajv.getSchema(`${DOCUMENT_ID}#/definitions/${name}`);
			if (!validator) throw new Error(`ajv could not compile ${name}`);
			this.validators.set(name, validator);
		}
		return validator;
	}
}

let shared: OktaSpec | undefined;

/** One parsed spec per test process (the YAML is large). */
export function oktaSpec(): OktaSpec {
	shared ??= new OktaSpec();
	return shared;
}
