/** Every body the Halo client sent must fit halo-swagger.json (a field the real API lacks fails the test). */
import assert from 'node:assert/strict';

import type { HttpRequest } from '../../../lib/http/types';
import { assertHaloRequestBody } from '../../helpers/haloSpec';

export function assertBodiesValid(sent: readonly HttpRequest[]): number {
	let checked = 0;
	for (const request of sent) {
		if (request.method !== 'POST' || request.form) continue;
		const path = new URL(request.url).pathname;
		const entity = path.replace(/^\/api\//i, '');
		assert.notEqual(entity, path, `POST outside /api: ${path}`);
		assertHaloRequestBody(entity, request.body);
		checked++;
	}
	return checked;
}
