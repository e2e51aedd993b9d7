/**
 * The webhook onboarding example answering Okta in a running n8n: Okta's
 * verification GET, a delivery with a wrong secret (401, no execution), then a
 * `user.lifecycle.create` delivery that ends with one Halo user and one
 * onboarding ticket. Shared by the n8n 2.x and 1.x end-to-end tests.
 */
import assert from 'node:assert/strict';

import { userEvent } from '../../emulators/okta';
import type { Emulators } from '../helpers/emulators';

const poll = async <T>(read: () => T | undefined, tries: number): Promise<T | undefined> => {
	for (let i = 0; i < tries; i++) {
		const value = read();
		if (value !== undefined) return value;
		await new Promise((r) => setTimeout(r, 500));
	}
	return undefined;
};

/**
 * `fetch` parses JSON outside jest's sandbox, so its objects have another
 * Object.prototype and deepStrictEqual refuses them; re-parse them here.
 */
function ownRealm(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value)) as unknown;
}

export async function assertLiveWebhookOnboarding(options: {
	/** The trigger's production URL. */
	url: string;
	secret: string;
	emulators: Emulators;
	/** Unique per test run, so the trigger's dedupe never drops it. */
	eventUuid: string;
}): Promise<void> {
	const { url, secret, emulators } = options;
	// /healthz answers before workflows are active: wait for the webhook itself.
	let verification: Response | undefined;
	for (let i = 0; i < 60 && (!verification || verification.status === 404); i++) {
		if (verification) await new Promise((r) => setTimeout(r, 500));
		verification = await fetch(url, {
			headers: { 'X-Okta-Verification-Challenge': 'challenge-123', Authorization: secret },
		});
	}
	assert.ok(verification);
	assert.equal(verification.status, 200);
	// Parsed here, not with .json(): jest's realm, and a readable failure if it is not JSON.
	const verificationBody = await verification.text();
	let verificationJson: unknown;
	try {
		verificationJson = JSON.parse(verificationBody);
	} catch {
		assert.fail(`verification answer is not JSON: ${JSON.stringify(verificationBody)}`);
	}
	assert.deepEqual(verificationJson, { verification: 'challenge-123' });

	const newStarter = emulators.okta.store.createUser(
		{
			firstName: 'Nadia',
			lastName: 'Okafor',
			email: 'nadia.okafor@example.com',
			login: 'nadia.okafor@example.com',
		},
		'ACTIVE',
	);
	const delivery = JSON.stringify({
		eventType: 'com.okta.event_hook',
		eventTypeVersion: '1.0',
		cloudEventsVersion: '0.1',
		source: 'https://example.okta.com/api/v1/eventHooks/who01',
		eventId: 'b5d4b5a0-0000-4000-8000-000000000001',
		data: {
			events: [
				{
					uuid: options.eventUuid,
					published: new Date().toISOString(),
					eventType: 'user.lifecycle.create',
					displayMessage: 'Create Okta user',
					target: [
						{
							id: newStarter.id,
							type: 'User',
							alternateId: newStarter.profile.login,
							displayName: 'Nadia Okafor',
						},
					],
				},
			],
		},
	});
	const post = (authorization: string) =>
		fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: authorization },
			body: delivery,
		});
	assert.equal((await post('wrong-secret')).status, 401);
	const accepted = await post(secret);
	assert.equal(accepted.status, 200);
	// The node writes its own small JSON acknowledgement (n8n's default would be the text "firstEntryJson").
	assert.deepEqual(ownRealm(await accepted.json()), {
		received: 1,
		items: 1,
		repeated: 0,
		skipped: 0,
	});

	const halo = emulators.halo.store;
	const created = await poll(
		() =>
			halo.users
				.all()
				.find((u) => String(u.emailaddress).toLowerCase() === 'nadia.okafor@example.com'),
		60,
	);
	assert.ok(created, 'the new starter is a Halo user');
	const tickets = await poll(() => {
		const found = halo.tickets.all().filter((t) => t.user_id === created.id);
		return found.length > 0 ? found : undefined;
	}, 30);
	assert.equal(tickets?.length, 1, 'exactly one onboarding ticket');
}

/**
 * Okta's "create and activate" as two simultaneous deliveries for each of
 * `people` new starters, `rounds` times, while Halo answers slowly: every new
 * starter ends with exactly one Halo user and one onboarding ticket
 * (docs/concurrency.md, "Overlapping deliveries"). Returns the duplicates seen
 * (0 expected) so the caller can report them.
 */
export async function assertOverlappingDeliveries(options: {
	url: string;
	secret: string;
	emulators: Emulators;
	people: number;
	rounds: number;
	/** Halo's answer delay meanwhile, ms. */
	haloLatencyMs: number;
}): Promise<{ duplicates: number; people: number }> {
	const { url, secret, emulators } = options;
	const { okta, halo } = emulators;
	const latencyBefore = halo.server.latencyMs;
	halo.server.latencyMs = options.haloLatencyMs;
	let duplicates = 0;
	let total = 0;
	try {
		for (let round = 1; round <= options.rounds; round++) {
			const starters = Array.from({ length: options.people }, (_, i) =>
				okta.store.createUser(
					{
						firstName: `Round${round}`,
						lastName: `Overlap${i + 1}`,
						email: `round${round}.overlap${i + 1}@example.com`,
					},
					'ACTIVE',
				),
			);
			const statuses = await Promise.all(
				starters.flatMap((person) =>
					['user.lifecycle.create', 'user.lifecycle.activate'].map(async (type) => {
						const answer = await fetch(url, {
							method: 'POST',
							headers: { 'Content-Type': 'application/json', Authorization: secret },
							body: JSON.stringify({
								eventType: 'com.okta.event_hook',
								eventTypeVersion: '1.0',
								data: { events: [userEvent(type, person)] },
							}),
						});
						return answer.status;
					}),
				),
			);
			assert.deepEqual(statuses, Array(options.people * 2).fill(200));
			const usersOf = (email: string) =>
				halo.store.users.all().filter((u) => String(u.emailaddress).toLowerCase() === email);
			const ticketsOf = (ids: unknown[]) =>
				halo.store.tickets.all().filter((t) => ids.includes(t.user_id));
			// Every person has a user and a ticket; then Halo stays quiet (no execution still writing).
			const done = await poll(
				() =>
					starters.every((person) => {
						const users = usersOf(person.profile.email.toLowerCase());
						return users.length > 0 && ticketsOf(users.map((u) => u.id)).length > 0;
					})
						? true
						: undefined,
				120,
			);
			assert.ok(done, `round ${round}: every new starter has a Halo user and a ticket`);
			await quiet(halo.server.log, 3000);
			for (const person of starters) {
				const users = usersOf(person.profile.email.toLowerCase());
				const tickets = ticketsOf(users.map((u) => u.id));
				duplicates += users.length - 1 + (tickets.length - 1);
				total++;
			}
		}
	} finally {
		halo.server.latencyMs = latencyBefore;
	}
	assert.equal(duplicates, 0, `${duplicates} duplicate users or tickets for ${total} new starters`);
	return { duplicates, people: total };
}

/** Resolves once `log` has not grown for `ms`. */
async function quiet(log: readonly unknown[], ms: number): Promise<void> {
	let length = -1;
	while (length !== log.length) {
		length = log.length;
		await new Promise((r) => setTimeout(r, ms));
	}
}
