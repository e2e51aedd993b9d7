/**
 * Okta's filter and search expressions (SCIM-like):
 *   status eq "ACTIVE" and (lastUpdated gt "2026-01-01T00:00:00.000Z" or profile.login sw "ann")
 * Parsed into a tree, checked against what each endpoint allows (attributes
 * and operators; property names are case-sensitive, operators are not), then
 * compiled into a predicate. Anything unsupported is a `FilterSyntaxError`,
 * which the endpoints answer with 400 E0000031 as Okta does.
 */

export type Operator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'sw' | 'ew' | 'co' | 'pr';
export type Literal = string | number | boolean | null;

export type Expression =
	| { kind: 'and'; left: Expression; right: Expression }
	| { kind: 'or'; left: Expression; right: Expression }
	| { kind: 'compare'; attribute: string; operator: Operator; value: Literal }
	| { kind: 'present'; attribute: string };

export class FilterSyntaxError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FilterSyntaxError';
	}
}

export interface AttributeRule {
	operators: readonly Operator[];
	/** Dates compare as instants; strings as text. */
	type: 'string' | 'date';
}

export interface ExpressionRules {
	attribute(name: string): AttributeRule | undefined;
	/** `search` compares string values case-insensitively; `filter` does not. */
	caseInsensitiveValues: boolean;
}

const OPERATORS: ReadonlySet<string> = new Set([
	'eq',
	'ne',
	'gt',
	'ge',
	'lt',
	'le',
	'sw',
	'ew',
	'co',
	'pr',
]);
const ATTRIBUTE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

type Token =
	{ type: 'open' | 'close' } | { type: 'string'; text: string } | { type: 'word'; text: string };

function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < source.length) {
		const char = source[i];
		if (/\s/.test(char)) {
			i++;
		} else if (char === '(' || char === ')') {
			tokens.push({ type: char === '(' ? 'open' : 'close' });
			i++;
		} else if (char === '"') {
			let text = '';
			i++;
			while (i < source.length && source[i] !== '"') {
				if (source[i] === '\\' && i + 1 < source.length) i++;
				text += source[i++];
			}
			if (i >= source.length) throw new FilterSyntaxError('Unterminated string literal');
			i++;
			tokens.push({ type: 'string', text });
		} else {
			let text = '';
			while (i < source.length && !/[\s()"]/.test(source[i])) text += source[i++];
			tokens.push({ type: 'word', text });
		}
	}
	return tokens;
}

class Parser {
	private position = 0;

	constructor(private readonly tokens: Token[]) {}

	parse(): Expression {
		if (this.tokens.length === 0) throw new FilterSyntaxError('Empty expression');
		const expression = this.parseOr();
		if (this.position < this.tokens.length)
			throw new FilterSyntaxError('Unexpected input after the expression');
		return expression;
	}

	private peekWord(): string | undefined {
		const token = this.tokens[this.position];
		return token?.type === 'word' ? token.text.toLowerCase() : undefined;
	}

	private parseOr(): Expression {
		let left = this.parseAnd();
		while (this.peekWord() === 'or') {
			this.position++;
			left = { kind: 'or', left, right: this.parseAnd() };
		}
		return left;
	}

	private parseAnd(): Expression {
		let left = this.parsePrimary();
		while (this.peekWord() === 'and') {
			this.position++;
			left = { kind: 'and', left, right: this.parsePrimary() };
		}
		return left;
	}

	private parsePrimary(): Expression {
		const token = this.tokens[this.position];
		if (!token) throw new FilterSyntaxError('Expression ends too early');
		if (token.type === 'open') {
			this.position++;
			const inner = this.parseOr();
			if (this.tokens[this.position]?.type !== 'close')
				throw new FilterSyntaxError('Missing closing parenthesis');
			this.position++;
			return inner;
		}
		if (token.type !== 'word' || !ATTRIBUTE_PATTERN.test(token.text)) {
			throw new FilterSyntaxError('Expected an attribute name');
		}
		if (token.text.toLowerCase() === 'not')
			throw new FilterSyntaxError('The not operator is not supported');
		this.position++;
		const operator = this.peekWord();
		if (!operator || !OPERATORS.has(operator))
			throw new FilterSyntaxError(`Expected an operator after ${token.text}`);
		this.position++;
		if (operator === 'pr') return { kind: 'present', attribute: token.text };
		return {
			kind: 'compare',
			attribute: token.text,
			operator: operator as Operator,
			value: this.parseLiteral(),
		};
	}

	private parseLiteral(): Literal {
		const token = this.tokens[this.position++];
		if (!token) throw new FilterSyntaxError('Expected a value');
		if (token.type === 'string') return token.text;
		if (token.type !== 'word') throw new FilterSyntaxError('Expected a value');
		const word = token.text.toLowerCase();
		if (word === 'true' || word === 'false') return word === 'true';
		if (word === 'null') return null;
		if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
		throw new FilterSyntaxError(`String values must be quoted: ${token.text}`);
	}
}

export function parseExpression(source: string): Expression {
	return new Parser(tokenize(source)).parse();
}

/** Reads an attribute path (`status`, `profile.email`, `type.id`) from an item. */
export type AttributeReader<T> = (item: T, attribute: string) => unknown;

export function readPath(item: unknown, attribute: string): unknown {
	let value: unknown = item;
	for (const part of attribute.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[part];
	}
	return value;
}

type Predicate<T> = (item: T) => boolean;

/** Checks the expression against the rules and builds the predicate; throws `FilterSyntaxError`. */
export function compileExpression<T>(
	expression: Expression,
	rules: ExpressionRules,
	read: AttributeReader<T> = readPath,
): Predicate<T> {
	if (expression.kind === 'and' || expression.kind === 'or') {
		const left = compileExpression(expression.left, rules, read);
		const right = compileExpression(expression.right, rules, read);
		return expression.kind === 'and'
			? (item) => left(item) && right(item)
			: (item) => left(item) || right(item);
	}
	const rule = rules.attribute(expression.attribute);
	if (!rule) throw new FilterSyntaxError(`Unsupported attribute ${expression.attribute}`);
	const operator = expression.kind === 'present' ? 'pr' : expression.operator;
	if (!rule.operators.includes(operator)) {
		throw new FilterSyntaxError(
			`Operator ${operator} is not supported for ${expression.attribute}`,
		);
	}
	const attribute = expression.attribute;
	if (expression.kind === 'present') {
		return (item) =>
			anyValue(
				read(item, attribute),
				(value) => value !== null && value !== undefined && value !== '',
			);
	}
	const test =
		rule.type === 'date'
			? dateTest(operator, expression.value)
			: valueTest(operator, expression.value, rules.caseInsensitiveValues);
	return (item) => anyValue(read(item, attribute), test);
}

/** Parses and compiles in one step. */
export function compileQuery<T>(
	source: string,
	rules: ExpressionRules,
	read?: AttributeReader<T>,
): Predicate<T> {
	return compileExpression(parseExpression(source), rules, read);
}

/** Array attributes match when any element matches (SCIM semantics). */
function anyValue(value: unknown, test: (value: unknown) => boolean): boolean {
	return Array.isArray(value) ? value.some(test) : test(value);
}

function dateTest(operator: Operator, literal: Literal): (value: unknown) => boolean {
	if (!['eq', 'gt', 'ge', 'lt', 'le'].includes(operator))
		throw new FilterSyntaxError(`Operator ${operator} does not apply to dates`);
	if (typeof literal !== 'string') throw new FilterSyntaxError('Dates must be quoted strings');
	const instant = Date.parse(literal);
	if (Number.isNaN(instant) || !/^\d{4}-\d{2}-\d{2}T/.test(literal))
		throw new FilterSyntaxError(`Invalid date ${literal}`);
	return (value) => {
		if (typeof value !== 'string') return false;
		const actual = Date.parse(value);
		return !Number.isNaN(actual) && compare(operator, actual - instant);
	};
}

function valueTest(
	operator: Operator,
	literal: Literal,
	caseInsensitive: boolean,
): (value: unknown) => boolean {
	const fold = (value: unknown): unknown =>
		caseInsensitive && typeof value === 'string' ? value.toLowerCase() : value;
	const expected = fold(literal);
	if (
		(operator === 'sw' || operator === 'ew' || operator === 'co') &&
		typeof expected !== 'string'
	) {
		throw new FilterSyntaxError(`Operator ${operator} needs a string value`);
	}
	return (raw) => {
		const actual = fold(raw);
		if (actual === undefined) return false;
		switch (operator) {
			case 'eq':
				return actual === expected;
			case 'ne':
				return actual !== expected;
			case 'sw':
				return typeof actual === 'string' && actual.startsWith(expected as string);
			case 'ew':
				return typeof actual === 'string' && actual.endsWith(expected as string);
			case 'co':
				return typeof actual === 'string' && actual.includes(expected as string);
			default:
				if (actual === null || expected === null || typeof actual !== typeof expected) return false;
				return compare(
					operator,
					(actual as string | number) < (expected as string | number)
						? -1
						: actual === expected
							? 0
							: 1,
				);
		}
	};
}

function compare(operator: Operator, difference: number): boolean {
	switch (operator) {
		case 'eq':
			return difference === 0;
		case 'gt':
			return difference > 0;
		case 'ge':
			return difference >= 0;
		case 'lt':
			return difference < 0;
		case 'le':
			return difference <= 0;
		default:
			throw new FilterSyntaxError(`Operator ${operator} does not apply to dates`);
	}
}
