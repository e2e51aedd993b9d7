/**
 * Reading values from an Okta user: a path (`profile.email`, `id`, `status`,
 * `groups`, `groups[0].name`) or a template with `{{ path }}` placeholders
 * (`{{profile.firstName}} {{profile.lastName}}`). Sources are compiled once and
 * cached, since the same few mappings run for every user.
 */
import { isEmptyValue, toText } from './values';

type PathKey = string | number;
export type TemplatePart = { text: string } | { path: PathKey[] };

export type CompiledSource =
	{ kind: 'path'; path: PathKey[] } | { kind: 'template'; parts: TemplatePart[] };

const SEGMENT = /^([A-Za-z0-9_$-]+)((?:\[\d+\])*)$/;

/** `profile.email` → ['profile','email']; `groups[0].name` → ['groups',0,'name']; undefined when malformed. */
export function parsePath(source: string): PathKey[] | undefined {
	const keys: PathKey[] = [];
	for (const segment of source.trim().split('.')) {
		const match = SEGMENT.exec(segment);
		if (!match) return undefined;
		keys.push(match[1]);
		for (const index of match[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
	}
	return keys;
}

/** Splits text into literal parts and `{{ path }}` parts; returns an error phrase when it cannot. */
export function parseTemplate(source: string): { parts: TemplatePart[] } | { error: string } {
	const parts: TemplatePart[] = [];
	let rest = source;
	while (rest.length > 0) {
		const open = rest.indexOf('{{');
		const literal = open === -1 ? rest : rest.slice(0, open);
		if (literal.includes('}}')) return { error: 'has "}}" without a matching "{{"' };
		if (literal) parts.push({ text: literal });
		if (open === -1) break;
		const close = rest.indexOf('}}', open + 2);
		if (close === -1) return { error: 'has "{{" without a closing "}}"' };
		const inner = rest.slice(open + 2, close).trim();
		if (inner === '') return { error: 'has an empty "{{ }}"' };
		const path = parsePath(inner);
		if (!path) return { error: `has an invalid Okta path "${inner}" in "{{ }}"` };
		parts.push({ path });
		rest = rest.slice(close + 2);
	}
	return { parts };
}

/** A mapping's `okta` source: a template when it has `{{`, else a single path. */
export function compileSource(source: string): CompiledSource | { error: string } {
	if (source.trim() === '') return { error: 'must not be empty' };
	if (source.includes('{{') || source.includes('}}')) {
		const parsed = parseTemplate(source);
		return 'error' in parsed ? parsed : { kind: 'template', parts: parsed.parts };
	}
	const path = parsePath(source);
	if (!path)
		return {
			error: `is not an Okta path like "profile.email" or a "{{ }}" template (got "${source}")`,
		};
	return { kind: 'path', path };
}

const compiledCache = new Map<string, CompiledSource>();
const CACHE_LIMIT = 1000;

function compiled(source: string): CompiledSource {
	let entry = compiledCache.get(source);
	if (!entry) {
		const result = compileSource(source);
		// Validated configs never get here with a bad source; an unvalidated one reads as empty.
		entry = 'error' in result ? { kind: 'template', parts: [] } : result;
		if (compiledCache.size >= CACHE_LIMIT) compiledCache.clear();
		compiledCache.set(source, entry);
	}
	return entry;
}

function walk(root: unknown, path: readonly PathKey[]): unknown {
	let current = root;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PathKey, unknown>)[key];
	}
	return current;
}

/**
 * Reads a path from the Okta user. A path that is not a top-level user
 * property falls back to the profile, so Okta attribute names as Halo's own
 * integration shows them (`email`, `firstName`) work as well as `profile.email`.
 */
export function readPath(user: object, path: readonly PathKey[]): unknown {
	const direct = walk(user, path);
	if (direct !== undefined || path[0] === 'profile') return direct;
	return walk((user as { profile?: unknown }).profile, path);
}

function renderParts(
	user: object,
	parts: readonly TemplatePart[],
	emptyWhenPlaceholdersEmpty: boolean,
): string {
	let out = '';
	let anyValue = false;
	for (const part of parts) {
		if ('text' in part) {
			out += part.text;
			continue;
		}
		const value = readPath(user, part.path);
		if (!isEmptyValue(value)) anyValue = true;
		out += toText(value);
	}
	if (emptyWhenPlaceholdersEmpty && !anyValue && parts.some((p) => 'path' in p)) return '';
	return out;
}

/**
 * The raw value of a mapping source. Paths return what Okta holds (string,
 * number, array…); templates return text, empty when every placeholder is
 * empty (so "{{first}} {{last}}" of a nameless user is empty, not " "), with
 * runs of spaces left by empty placeholders collapsed.
 */
export function readSource(user: object, source: string): unknown {
	const entry = compiled(source);
	if (entry.kind === 'path') return readPath(user, entry.path);
	return renderParts(user, entry.parts, true).replace(/[ \t]{2,}/g, ' ');
}

/** Free text with optional placeholders (ticket summary/details): literal text is kept even when placeholders are empty. */
export function renderText(user: object, text: string): string {
	const parsed = parseTemplate(text);
	if ('error' in parsed) return text;
	return renderParts(user, parsed.parts, false);
}
