/**
 * Test assertion: a request body fits the request schema of
 * `POST /api/{Entity}` in halo-swagger.json (`Users`, `Uname`, `CabHeader`,
 * `Faults`, …). Every object is closed at every depth, so a field the real
 * Halo API does not have fails the test. Shares its schema loading with the
 * emulator, which refuses the same bodies.
 */
import assert from 'node:assert/strict';
import {
	haloRequestSchemaName,
	validateHaloRequestBody,
	type HaloSpecIssue,
} from '../../emulators/halo/spec';

export { haloRequestSchemaName, validateHaloRequestBody, type HaloSpecIssue };

/** Throws an AssertionError listing every difference; `entityPath` is `Users`, `/api/Agent`, `cab`, … */
export function assertHaloRequestBody(entityPath: string, body: unknown): void {
	const issues = validateHaloRequestBody(entityPath, body);
	if (issues.length === 0) return;
	const schema = haloRequestSchemaName(entityPath);
	throw new assert.AssertionError({
		message: `Body of POST /api/${entityPath.replace(/^\/?(api\/)?/i, '')} does not fit halo-swagger.json (${schema}):\n  ${issues.map((i) => i.message).join('\n  ')}`,
		actual: body,
		expected: `an array of ${schema}`,
		operator: 'assertHaloRequestBody',
	});
}
