/** lib/n8n/halo pure parts: dropdown options and Halo errors as n8n errors. */
import assert from 'node:assert/strict';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { HaloApiError } from '../../lib/halo/HaloApiError';
import { HaloConnectionError } from '../../lib/halo/HaloConnectionError';
import { haloNodeError, toOptions } from '../../lib/n8n/halo';
import { fieldMappingsFromUi } from '../../lib/n8n/mappingConfig/targetFields';
import { siteRulesFromUi } from '../../lib/n8n/mappingConfig/user';

const node: INode = {
	id: '1',
	name: 'Upsert',
	type: 'n8n-nodes-okta-halo.haloUpsert',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('n8n glue for Halo', () => {
	test('records become sorted options; GUID ids stay strings, numeric ids numbers', () => {
		assert.deepEqual(
			toOptions([
				{ id: '6a0f-2', name: 'Technician' },
				{ id: '6a0f-1', name: 'Administrator' },
				{ name: 'no id' },
			]),
			[
				{ name: 'Administrator', value: '6a0f-1' },
				{ name: 'Technician', value: '6a0f-2' },
			],
		);
		assert.deepEqual(
			toOptions([{ id: 3, name: 'Remote' }], (r) => `#${String(r.id)}`),
			[{ name: 'Remote', value: 3, description: '#3' }],
		);
	});

	test('Halo errors become NodeApiError with Halo’s sentence; others NodeOperationError', () => {
		const api = haloNodeError(
			node,
			new HaloApiError(400, { errorMessage: 'Site 9 does not exist' }, 'POST /api/Users'),
			2,
		);
		assert.ok(api instanceof NodeApiError);
		assert.equal(api.message, 'Halo answered 400 to POST /api/Users: Site 9 does not exist.');
		assert.equal(api.httpCode, '400');
		assert.equal(api.context.itemIndex, 2);
		const dropped = haloNodeError(
			node,
			new HaloConnectionError('POST /api/Users', 'ECONNRESET', true),
		);
		assert.ok(dropped instanceof NodeApiError);
		assert.match(dropped.message, /may or may not have saved/);
		assert.ok(haloNodeError(node, new Error('boom')) instanceof NodeOperationError);
		const existing = new NodeOperationError(node, 'kept');
		assert.equal(haloNodeError(node, existing), existing);
	});

	test('UI rows become MappingConfig parts', () => {
		assert.deepEqual(
			fieldMappingsFromUi({
				mapping: [
					{
						halo: '__custom',
						customHalo: ' other4 ',
						okta: ' profile.costCenter ',
						dontUpdate: true,
						populateEmpty: false,
					},
				],
			}),
			[{ halo: 'other4', okta: 'profile.costCenter', dontUpdate: true }],
		);
		assert.deepEqual(
			siteRulesFromUi({
				rule: [
					{
						matchBy: 'group',
						group: ' Sales ',
						siteId: '2',
						statuses: [],
						userRoleId: '',
						newUsersOnly: false,
					},
					{
						matchBy: 'app',
						appId: '0oa1',
						siteId: 3,
						statuses: ['ACTIVE'],
						userRoleId: 2,
						newUsersOnly: true,
					},
				],
			}),
			[
				{ siteId: 2, group: 'Sales' },
				{ siteId: 3, appId: '0oa1', statuses: ['ACTIVE'], userRoleId: 2, newUsersOnly: true },
			],
		);
	});
});
