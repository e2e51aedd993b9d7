/**
 * Small composable checkers for validating untrusted JSON against a shape.
 * Hand-written because the package has no runtime dependencies; each checker
 * appends issues instead of throwing so one pass reports every problem.
 */
import type { ConfigIssue } from './ConfigError';

export interface Checker {
	(value: unknown, path: string, issues: ConfigIssue[]): void;
	/** The keys an `objectOf` checker accepts (kept through `refine`), for tests that compare it with the type. */
	shape?: Record<string, KeySpec>;
	/** The element checker of an `arrayOf`. */
	item?: Checker;
}

export interface KeySpec {
	check: Checker;
	required?: boolean;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function childPath(base: string, key: string | number): string {
	if (typeof key === 'number') return `${base}[${key}]`;
	return base ? `${base}.${key}` : key;
}

/** An object with exactly these keys; unknown keys are reported so typos do not pass silently. */
export function objectOf(shape: Record<string, KeySpec>): Checker {
	const allowed = Object.keys(shape);
	const checker: Checker = (value, path, issues) => {
		if (!isPlainObject(value)) {
			issues.push({ path, message: 'must be an object' });
			return;
		}
		// Own keys of the shape only: "constructor" or "toString" is as unknown as any typo.
		for (const key of Object.keys(value)) {
			if (!Object.prototype.hasOwnProperty.call(shape, key)) {
				issues.push({
					path: childPath(path, key),
					message: `is an unknown key (expected one of: ${allowed.join(', ')})`,
				});
			}
		}
		for (const key of allowed) {
			const spec = shape[key];
			const child = value[key];
			if (child === undefined) {
				if (spec.required) issues.push({ path: childPath(path, key), message: 'is required' });
				continue;
			}
			spec.check(child, childPath(path, key), issues);
		}
	};
	checker.shape = shape;
	return checker;
}

export function arrayOf(item: Checker, options: { nonEmpty?: boolean } = {}): Checker {
	const checker: Checker = (value, path, issues) => {
		if (!Array.isArray(value)) {
			issues.push({ path, message: 'must be an array' });
			return;
		}
		if (options.nonEmpty && value.length === 0) issues.push({ path, message: 'must not be empty' });
		value.forEach((element, i) => item(element, childPath(path, i), issues));
	};
	checker.item = item;
	return checker;
}

/** A string; `pattern` adds a format check described by `expected`. */
export function stringOf(
	options: { nonEmpty?: boolean; pattern?: RegExp; expected?: string } = {},
): Checker {
	return (value, path, issues) => {
		if (typeof value !== 'string') {
			issues.push({ path, message: 'must be a string' });
		} else if (options.nonEmpty && value.trim() === '') {
			issues.push({ path, message: 'must not be empty' });
		} else if (options.pattern && !options.pattern.test(value)) {
			issues.push({
				path,
				message: `must be ${options.expected ?? `like ${options.pattern}`} (got "${value}")`,
			});
		}
	};
}

/** Halo ids are whole numbers; a numeric string is refused so JSON mistakes show up here, not in Halo. */
export const wholeNumber: Checker = (value, path, issues) => {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		issues.push({ path, message: 'must be a number' });
	} else if (!Number.isInteger(value)) {
		issues.push({ path, message: 'must be a whole number' });
	}
};

export const booleanValue: Checker = (value, path, issues) => {
	if (typeof value !== 'boolean') issues.push({ path, message: 'must be true or false' });
};

export function oneOf(values: readonly string[], what: string): Checker {
	return (value, path, issues) => {
		if (typeof value !== 'string') {
			issues.push({ path, message: 'must be a string' });
		} else if (!values.includes(value)) {
			issues.push({ path, message: `"${value}" is not ${what} (one of: ${values.join(', ')})` });
		}
	};
}

/** Runs `base`, then `extra` only when `base` found nothing (so cross-checks see well-typed input). */
export function refine(base: Checker, extra: Checker): Checker {
	const checker: Checker = (value, path, issues) => {
		const before = issues.length;
		base(value, path, issues);
		if (issues.length === before) extra(value, path, issues);
	};
	checker.shape = base.shape;
	checker.item = base.item;
	return checker;
}
