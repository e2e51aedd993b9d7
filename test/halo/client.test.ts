import assert from 'node:assert/strict';

import type { HttpRequest, HttpResponse, RequestFn } from '../../lib/http/types';
import { HaloApiError } from '../../lib/halo/HaloApiError';
import { HaloClient } from '../../lib/halo/HaloClient';
import { HaloConnectionError } from '../../lib/halo/HaloConnectionError';

type Reply = HttpResponse | Error | ((request: HttpRequest) => HttpResponse | Error);

/** A scripted RequestFn: answers in order, recording every request. */
function scripted(...replies: Reply[]) {
	const sent: HttpRequest[] = [];
	const send: RequestFn = async (request) => {
		sent.push(request);
		let reply = replies.shift();
		if (reply === undefined) throw new Error(`unexpected request ${request.method} ${request.url}`);
		if (typeof reply === 'function') reply = reply(request);
		if (reply instanceof Error) throw reply;
		return reply;
	};
	return { send, sent };
}

const ok = (body: unknown): HttpResponse => ({ status: 200, headers: {}, body });
const dropped = (code = 'ECONNRESET') => Object.assign(new Error('socket hang up'), { code });
const noSleep = { sleep: async () => {} };

function client(send: RequestFn, extra: Partial<ConstructorParameters<typeof HaloClient>[0]> = {}) {
	return new HaloClient({
		baseUrl: 'https://acme.halopsa.com/api/',
		send,
		retry: noSleep,
		pageSize: 2,
		...extra,
	});
}

describe('HaloClient reads', () => {
	test('pages Users with Halo’s parameters until record_count is reached', async () => {
		const { send, sent } = scripted(
			ok({ record_count: 3, users: [{ id: 1 }, { id: 2 }] }),
			ok({ record_count: 3, users: [{ id: 3 }] }),
		);
		const users = await client(send).listUsers({ includeInactive: true });
		assert.deepEqual(
			users.map((u) => u.id),
			[1, 2, 3],
		);
		assert.equal(sent.length, 2);
		assert.equal(sent[0].url, 'https://acme.halopsa.com/api/Users');
		assert.deepEqual(sent[1].query, {
			includeactive: true,
			includeinactive: true,
			pageinate: true,
			page_size: 2,
			page_no: 2,
		});
	});

	test('without record_count a short page ends the list; an empty page too', async () => {
		const a = scripted(ok([{ id: 1 }, { id: 2 }]), ok([]));
		assert.equal((await client(a.send).listAll('Template')).length, 2);
		const b = scripted(ok({ sites: [{ id: 1 }, { id: 2 }] }), ok({ sites: [{ id: 3 }] }));
		assert.equal((await client(b.send).listSites()).length, 3);
		assert.equal(b.sent.length, 2);
	});

	test('a Halo that ignores paging is read once, not forever', async () => {
		const all = [{ id: 1 }, { id: 2 }, { id: 3 }];
		const { send, sent } = scripted(ok(all), ok(all));
		assert.equal((await client(send).listAll('Site')).length, 3);
		assert.equal(sent.length, 2);
	});

	test('entities without paging are one GET (agents with the disabled ones)', async () => {
		const { send, sent } = scripted(ok([{ id: 1 }, { id: 2 }, { id: 3 }]));
		assert.equal((await client(send).listAgents({ includeDisabled: true })).length, 3);
		assert.deepEqual(sent[0].query, { includeenabled: true, includedisabled: true });
	});

	test('the other lists hit their endpoints', async () => {
		const paths: string[] = [];
		const send: RequestFn = async (r) => {
			paths.push(
				new URL(r.url).pathname +
					(r.query?.requesttype_id ? `?requesttype_id=${r.query.requesttype_id}` : ''),
			);
			return ok([]);
		};
		const c = client(send);
		await c.listClients();
		await c.listTeams();
		await c.listAgentRoles();
		await c.listUserRoles();
		await c.listCabs();
		await c.listCabMembers();
		await c.listTicketTypes();
		await c.listTemplates();
		await c.listTickets({ ticketTypeId: 7 });
		assert.deepEqual(paths, [
			'/api/Client',
			'/api/Team',
			'/api/Roles',
			'/api/UserRoles',
			'/api/CAB',
			'/api/CABMember',
			'/api/TicketType',
			'/api/Template',
			'/api/Tickets?requesttype_id=7',
		]);
	});

	test('GETs are retried after a dropped connection and a 429 in plain text', async () => {
		const { send, sent } = scripted(
			dropped(),
			{
				status: 429,
				headers: {},
				body: 'Rate Limit Reached - 300 Requests per rolling 5 minute window',
			},
			ok({ id: 4, name: 'me' }),
		);
		const c = client(send);
		assert.deepEqual(await c.getAgentMe(), { id: 4, name: 'me' });
		assert.equal(sent.length, 3);
		assert.equal(c.stats.retries, 2);
	});

	test('errors carry Halo’s message; an HTML page says the URL is wrong', async () => {
		await assert.rejects(
			client(scripted({ status: 404, headers: {}, body: { Message: 'No such user' } }).send).get(
				'Users',
				5,
			),
			(e: unknown) => {
				assert.ok(e instanceof HaloApiError);
				assert.equal(e.message, 'Halo answered 404 to GET /api/Users/5: No such user.');
				return true;
			},
		);
		await assert.rejects(
			client(scripted(ok('<html>login</html>')).send).listTeams(),
			/web page instead of JSON/,
		);
		await assert.rejects(client(scripted(ok('"text"')).send).listTeams(), /instead of a list/);
	});
});

describe('HaloClient writes', () => {
	test('save sends batched array POSTs and returns the saved records in input order', async () => {
		const echo = (r: HttpRequest) =>
			ok((r.body as Array<Record<string, unknown>>).map((x, i) => ({ id: x.id ?? 100 + i, ...x })));
		const { send, sent } = scripted(echo, echo);
		const records = [{ name: 'a' }, { id: 7, name: 'b' }, { name: 'c' }];
		const saved = await client(send).save('Users', records, { batchSize: 2 });
		assert.deepEqual(
			saved.map((r) => r.name),
			['a', 'b', 'c'],
		);
		assert.deepEqual(
			saved.map((r) => r.id),
			[100, 7, 100],
		);
		assert.deepEqual(
			sent.map((r) => [r.method, (r.body as unknown[]).length]),
			[
				['POST', 2],
				['POST', 1],
			],
		);
	});

	test('an object answer for a single record is accepted', async () => {
		const { send } = scripted(ok({ id: 3, name: 'x' }));
		assert.deepEqual(await client(send).save('Client', [{ name: 'x' }]), [{ id: 3, name: 'x' }]);
	});

	test('a create is never retried after a dropped connection', async () => {
		const { send, sent } = scripted(dropped());
		await assert.rejects(client(send).save('Users', [{ name: 'new' }]), (e: unknown) => {
			assert.ok(e instanceof HaloConnectionError);
			assert.equal(e.uncertain, true);
			assert.match(e.message, /may or may not have saved/);
			return true;
		});
		assert.equal(sent.length, 1);
	});

	test('a create is retried after a 429 and a refused connection (Halo did not apply it)', async () => {
		const { send, sent } = scripted(
			{ status: 429, headers: {}, body: 'Rate Limit Reached' },
			dropped('ECONNREFUSED'),
			ok([{ id: 1 }]),
		);
		await client(send).save('Users', [{ name: 'new' }]);
		assert.equal(sent.length, 3);
	});

	test('a create answered 500 is not retried; an update batch is', async () => {
		const a = scripted({ status: 500, headers: {}, body: { ClassName: 'X', Message: 'boom' } });
		await assert.rejects(
			client(a.send).save('Users', [{ name: 'new' }]),
			/500 to POST \/api\/Users: boom/,
		);
		assert.equal(a.sent.length, 1);
		const b = scripted(dropped(), ok([{ id: 1, name: 'n' }]));
		await client(b.send).save('Users', [{ id: 1, name: 'n' }]);
		assert.equal(b.sent.length, 2);
	});

	test('continueOnError: a failed batch marks only its records', async () => {
		const { send } = scripted(
			ok([{ id: 1 }]),
			{ status: 400, headers: {}, body: { errorMessage: 'bad' } },
			ok([{ id: 3 }]),
		);
		const outcomes = await client(send).saveBatches(
			'Users',
			[{ name: 'a' }, { name: 'b' }, { name: 'c' }],
			{ batchSize: 1, continueOnError: true },
		);
		assert.deepEqual(
			outcomes.map((o) => (o.error ? 'failed' : o.record?.id)),
			[1, 'failed', 3],
		);
		assert.match(outcomes[1].error!.message, /bad/);
	});

	test('dry run: writes are recorded, not sent; reads still go out', async () => {
		const { send, sent } = scripted(ok({ record_count: 0, users: [] }));
		const c = client(send, { dryRun: true });
		await c.listUsers();
		const saved = await c.save('Users', [{ name: 'a' }, { id: 4, inactive: true }]);
		assert.equal(sent.length, 1);
		assert.deepEqual(saved, [{ name: 'a' }, { id: 4, inactive: true }]);
		assert.deepEqual(c.recordedWrites, [
			{ method: 'POST', path: 'Users', body: [{ name: 'a' }, { id: 4, inactive: true }] },
		]);
		assert.equal(c.stats.writes, 0);
	});
});
