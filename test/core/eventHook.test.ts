import assert from 'node:assert/strict';

import {
	DEFAULT_DEDUPE_SIZE,
	EventHookDeliveryError,
	deliveryAcknowledgement,
	eventHookItems,
	parseDelivery,
	readDelivery,
	skippedEventMessage,
	takeUnseen,
	verificationAnswer,
	type DedupeMemory,
	type OktaLogEvent,
} from '../../lib/core/eventHook';

function userEvent(
	uuid: string,
	eventType: string,
	userId = '00u1',
	extraTargets: OktaLogEvent['target'] = [],
): OktaLogEvent {
	return {
		uuid,
		eventType,
		published: '2025-01-02T03:04:05.000Z',
		actor: { id: '00uadmin', type: 'User' },
		target: [
			{
				id: userId,
				type: 'User',
				alternateId: `${userId}@example.com`,
				displayName: `User ${userId}`,
			},
			...(extraTargets ?? []),
		],
	};
}

function delivery(events: unknown[]): unknown {
	return { eventType: 'com.okta.event_hook', eventTypeVersion: '1.0', data: { events } };
}

const DEFAULTS = ['user.lifecycle.create', 'user.lifecycle.activate'];

describe('parseDelivery', () => {
	const bad: Array<[string, unknown]> = [
		['null', null],
		['a string', 'hello'],
		['another eventType', { eventType: 'com.okta.inline_hook', data: { events: [] } }],
		['no events', { eventType: 'com.okta.event_hook', data: {} }],
		['data not an object', { eventType: 'com.okta.event_hook', data: 'events' }],
		['events not a list', { eventType: 'com.okta.event_hook', data: { events: { a: 1 } } }],
	];
	for (const [name, body] of bad) {
		test(`rejects ${name}`, () => assert.throws(() => parseDelivery(body), EventHookDeliveryError));
	}

	test('skips entries that are not log events', () => {
		const events = parseDelivery(
			delivery([userEvent('a', 'user.lifecycle.create'), { eventType: 'x' }, null, 7]),
		);
		assert.deepEqual(
			events.map((e) => e.uuid),
			['a'],
		);
	});
});

describe('eventHookItems', () => {
	test('one item per matching event, in the docs/items.md shape', () => {
		const event = userEvent('u-1', 'user.lifecycle.create', '00uA');
		const items = eventHookItems(delivery([event]), { eventTypes: DEFAULTS, memory: {} });
		assert.deepEqual(items, [
			{
				eventType: 'user.lifecycle.create',
				uuid: 'u-1',
				published: '2025-01-02T03:04:05.000Z',
				userId: '00uA',
				user: { id: '00uA', login: '00uA@example.com', displayName: 'User 00uA' },
				event,
			},
		]);
	});

	const cases: Array<{ name: string; types: string[]; events: OktaLogEvent[]; uuids: string[] }> = [
		{
			name: 'filters by event type',
			types: DEFAULTS,
			events: [
				userEvent('1', 'user.lifecycle.create'),
				userEvent('2', 'user.lifecycle.deactivate'),
				userEvent('3', 'user.lifecycle.activate'),
			],
			uuids: ['1', '3'],
		},
		{
			name: 'several events of one delivery give several items',
			types: ['user.lifecycle.create'],
			events: [
				userEvent('1', 'user.lifecycle.create', 'a'),
				userEvent('2', 'user.lifecycle.create', 'b'),
				userEvent('3', 'user.lifecycle.create', 'c'),
			],
			uuids: ['1', '2', '3'],
		},
		{
			name: 'a repeated uuid inside one delivery counts once',
			types: DEFAULTS,
			events: [userEvent('1', 'user.lifecycle.create'), userEvent('1', 'user.lifecycle.create')],
			uuids: ['1'],
		},
		{
			name: 'events without a User target are left out',
			types: ['group.user_membership.add', 'user.lifecycle.create'],
			events: [
				{
					uuid: '9',
					eventType: 'user.lifecycle.create',
					target: [{ id: '00g1', type: 'UserGroup' }],
				},
				{ uuid: '8', eventType: 'user.lifecycle.create' },
			],
			uuids: [],
		},
		{
			name: 'no chosen types, no items',
			types: [],
			events: [userEvent('1', 'user.lifecycle.create')],
			uuids: [],
		},
	];
	for (const c of cases) {
		test(c.name, () => {
			const items = eventHookItems(delivery(c.events), { eventTypes: c.types, memory: {} });
			assert.deepEqual(
				items.map((i) => i.uuid),
				c.uuids,
			);
		});
	}

	test('group membership: the member is the user, the group stays in the event', () => {
		const event = userEvent('g-1', 'group.user_membership.add', '00uM', [
			{ id: '00gX', type: 'UserGroup', alternateId: 'unknown', displayName: 'Engineering' },
		]);
		// The group target first, to show the user is found by type, not position.
		event.target = [...event.target!].reverse();
		const [item] = eventHookItems(delivery([event]), {
			eventTypes: ['group.user_membership.add'],
			memory: {},
		});
		assert.equal(item.userId, '00uM');
		assert.deepEqual(item.user, {
			id: '00uM',
			login: '00uM@example.com',
			displayName: 'User 00uM',
		});
		assert.equal(
			item.event.target?.find((t) => t.type === 'UserGroup')?.displayName,
			'Engineering',
		);
	});

	test('missing login, display name and published become null', () => {
		const event: OktaLogEvent = {
			uuid: 'n',
			eventType: 'user.lifecycle.create',
			target: [{ id: '00uN', type: 'User' }],
		};
		const [item] = eventHookItems(delivery([event]), { eventTypes: DEFAULTS, memory: {} });
		assert.deepEqual(item.user, { id: '00uN', login: null, displayName: null });
		assert.equal(item.published, null);
	});

	test('a duplicate delivery yields nothing the second time', () => {
		const memory: DedupeMemory = {};
		const body = delivery([
			userEvent('1', 'user.lifecycle.create'),
			userEvent('2', 'user.lifecycle.activate'),
		]);
		assert.equal(eventHookItems(body, { eventTypes: DEFAULTS, memory }).length, 2);
		assert.equal(eventHookItems(body, { eventTypes: DEFAULTS, memory }).length, 0);
		assert.deepEqual(memory.uuids, ['1', '2']);
	});

	test('events of other types are not remembered', () => {
		const memory: DedupeMemory = {};
		eventHookItems(delivery([userEvent('1', 'user.lifecycle.suspend')]), {
			eventTypes: DEFAULTS,
			memory,
		});
		assert.deepEqual(memory.uuids, []);
	});
});

describe('readDelivery: one malformed event never costs the others', () => {
	const good = (uuid: string, userId: string) => userEvent(uuid, 'user.lifecycle.create', userId);
	const malformed: Array<[string, unknown, string]> = [
		[
			'target not a list',
			{ uuid: 'm', eventType: 'user.lifecycle.create', target: { id: '00uX', type: 'User' } },
			'target is not a list',
		],
		[
			'target a string',
			{ uuid: 'm', eventType: 'user.lifecycle.create', target: '00uX' },
			'target is not a list',
		],
		['no target', { uuid: 'm', eventType: 'user.lifecycle.create' }, 'no target'],
		[
			'null entries in target, no user',
			{ uuid: 'm', eventType: 'user.lifecycle.create', target: [null, 3, 'x'] },
			'no User target',
		],
		[
			'User target without id',
			{ uuid: 'm', eventType: 'user.lifecycle.create', target: [{ type: 'User' }] },
			'the User target has no id',
		],
		[
			'User target with a numeric id',
			{ uuid: 'm', eventType: 'user.lifecycle.create', target: [{ id: 7, type: 'User' }] },
			'the User target has no id',
		],
		['uuid missing', { eventType: 'user.lifecycle.create', target: [] }, 'no uuid or eventType'],
		['an array', [1, 2], 'not an object'],
		['null', null, 'not an object'],
		['a number', 42, 'not an object'],
	];
	for (const [name, entry, reason] of malformed) {
		test(`${name}: skipped with its reason, the good events still give items`, () => {
			const memory: DedupeMemory = {};
			const reading = readDelivery(delivery([good('g1', '00uA'), entry, good('g2', '00uB')]), {
				eventTypes: DEFAULTS,
				memory,
			});
			assert.deepEqual(
				reading.items.map((item) => [item.uuid, item.userId]),
				[
					['g1', '00uA'],
					['g2', '00uB'],
				],
			);
			assert.equal(reading.received, 3);
			assert.equal(reading.skipped.length, 1);
			assert.equal(reading.skipped[0].position, 1);
			assert.equal(reading.skipped[0].reason, reason);
			// Only the events that gave items are remembered: a fixed event with the same uuid may come again.
			assert.deepEqual(memory.uuids, ['g1', 'g2']);
		});
	}

	test('events of other types are ignored whatever their shape, and not reported', () => {
		const reading = readDelivery(
			delivery([{ uuid: 'o', eventType: 'user.session.start', target: 'not a list' }]),
			{ eventTypes: DEFAULTS, memory: {} },
		);
		assert.deepEqual(reading, { items: [], received: 1, repeated: 0, skipped: [] });
	});

	test('non-text login and display name become null', () => {
		const [item] = readDelivery(
			delivery([
				{
					uuid: 'n',
					eventType: 'user.lifecycle.create',
					target: [{ id: '00uN', type: 'User', alternateId: 5, displayName: { x: 1 } }],
				},
			]),
			{ eventTypes: DEFAULTS, memory: {} },
		).items;
		assert.deepEqual(item.user, { id: '00uN', login: null, displayName: null });
	});

	test('counts repeats, and the acknowledgement is a small JSON object of counts', () => {
		const memory: DedupeMemory = {};
		const body = delivery([
			good('a', '00uA'),
			good('b', '00uB'),
			{ uuid: 'c', eventType: 'user.lifecycle.activate', target: 'x' },
			userEvent('d', 'user.lifecycle.suspend'),
		]);
		const first = readDelivery(body, { eventTypes: DEFAULTS, memory });
		assert.deepEqual(deliveryAcknowledgement(first), {
			received: 4,
			items: 2,
			repeated: 0,
			skipped: 1,
		});
		const again = readDelivery(body, { eventTypes: DEFAULTS, memory });
		assert.deepEqual(deliveryAcknowledgement(again), {
			received: 4,
			items: 0,
			repeated: 2,
			skipped: 1,
		});
	});

	test('the log line names position, type, uuid and reason, on one line and short', () => {
		const reading = readDelivery(
			delivery([
				good('a', '00uA'),
				{ uuid: `evil\nline ${'x'.repeat(200)}`, eventType: 'user.lifecycle.create', target: {} },
			]),
			{ eventTypes: DEFAULTS, memory: {} },
		);
		const message = skippedEventMessage(reading.skipped[0], reading.received);
		assert.match(
			message,
			/^Okta event hook: skipped event 2 of 2 \(user\.lifecycle\.create, uuid evil line x+…\): target is not a list$/,
		);
		assert.ok(message.length < 200);
		assert.equal(
			skippedEventMessage({ position: 0, uuid: null, eventType: null, reason: 'not an object' }, 1),
			'Okta event hook: skipped event 1 of 1 (no uuid): not an object',
		);
	});
});

describe('takeUnseen (bounded dedupe memory)', () => {
	test('keeps at most maxSize uuids, dropping the oldest first', () => {
		const memory: DedupeMemory = {};
		for (let i = 0; i < 25; i++) takeUnseen(memory, [{ uuid: `e${i}` }], 10);
		assert.equal(memory.uuids!.length, 10);
		assert.deepEqual(memory.uuids!.slice(0, 2), ['e15', 'e16']);
		// The newest are still recognised, the evicted ones are new again.
		assert.deepEqual(
			takeUnseen(memory, [{ uuid: 'e24' }, { uuid: 'e3' }], 10).map((e) => e.uuid),
			['e3'],
		);
	});

	test('default bound holds for a large burst', () => {
		const memory: DedupeMemory = {};
		const burst = Array.from({ length: DEFAULT_DEDUPE_SIZE + 500 }, (_, i) => ({ uuid: `b${i}` }));
		assert.equal(takeUnseen(memory, burst).length, burst.length);
		assert.equal(memory.uuids!.length, DEFAULT_DEDUPE_SIZE);
		assert.equal(memory.uuids![0], 'b500');
	});

	test('memory is plain JSON (static data survives a save and load)', () => {
		const memory: DedupeMemory = {};
		takeUnseen(memory, [{ uuid: 'a' }, { uuid: 'b' }]);
		const reloaded = JSON.parse(JSON.stringify(memory)) as DedupeMemory;
		assert.deepEqual(
			takeUnseen(reloaded, [{ uuid: 'a' }, { uuid: 'c' }]).map((e) => e.uuid),
			['c'],
		);
	});

	test('repairs a memory that is not an array', () => {
		const memory = { uuids: 'garbage' } as unknown as DedupeMemory;
		assert.equal(takeUnseen(memory, [{ uuid: 'x' }]).length, 1);
		assert.deepEqual(memory.uuids, ['x']);
	});
});

describe('verificationAnswer', () => {
	test('echoes the challenge', () =>
		assert.deepEqual(verificationAnswer('abc'), { verification: 'abc' }));
	test('first of a repeated header', () =>
		assert.deepEqual(verificationAnswer(['x', 'y']), { verification: 'x' }));
	test('missing or empty → undefined', () => {
		assert.equal(verificationAnswer(undefined), undefined);
		assert.equal(verificationAnswer(''), undefined);
	});
});
