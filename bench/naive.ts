/**
 * The baseline: the sync as a hand-built n8n workflow does it with HTTP
 * Request nodes, stage by stage, each stage one request per item (several in
 * flight, as the HTTP Request node sends a batch of items at once). List the
 * Okta users (paged), then one `GET /api/v1/users/{id}/groups` per user; per
 * user one Halo `GET /api/Users?search=<email>`, then one single-record POST
 * to create or update, with no diff (every existing user is written on every
 * run). It maps with our own mapper so both sides write the same records.
 */
import { resolveConfig } from '../lib/core/config';
import { mapOktaUser } from '../lib/core/mapUser';
import type { MappingConfig, OktaUser } from '../lib/core/types';
import type { RequestFn } from '../lib/http/types';
import { nextLink } from '../lib/okta/linkHeader';
import { expectOk, fetchRequest } from './http';
import { mapPool } from './pool';

export interface NaiveTarget {
	oktaUrl: string;
	oktaToken: string;
	haloUrl: string;
	haloClientId: string;
	haloClientSecret: string;
	config: MappingConfig;
	/** Requests in flight per stage. */
	concurrency: number;
}

type HaloUser = Record<string, unknown> & { id: number; emailaddress?: string };

async function oktaUsers(send: RequestFn, target: NaiveTarget): Promise<OktaUser[]> {
	const users: OktaUser[] = [];
	let url: string | undefined = `${target.oktaUrl}/api/v1/users?limit=200`;
	while (url) {
		const answer = await expectOk(send, { method: 'GET', url });
		users.push(...(answer.body as OktaUser[]));
		url = nextLink(answer.headers.link);
	}
	return users;
}

/** Groups per user: what "Get user's groups" in a loop does. */
async function attachGroupsPerUser(
	send: RequestFn,
	target: NaiveTarget,
	users: OktaUser[],
): Promise<void> {
	await mapPool(users, target.concurrency, async (user) => {
		const answer = await expectOk(send, {
			method: 'GET',
			url: `${target.oktaUrl}/api/v1/users/${user.id}/groups?limit=200`,
		});
		user.groups = (answer.body as Array<{ id: string; profile: { name: string } }>).map((g) => ({
			id: g.id,
			name: g.profile.name,
		}));
	});
}

async function haloToken(send: RequestFn, target: NaiveTarget): Promise<string> {
	const answer = await expectOk(send, {
		method: 'POST',
		url: `${target.haloUrl}/auth/token`,
		form: {
			grant_type: 'client_credentials',
			client_id: target.haloClientId,
			client_secret: target.haloClientSecret,
			scope: 'all',
		},
	});
	return String((answer.body as { access_token: string }).access_token);
}

export async function runNaiveSync(target: NaiveTarget): Promise<Record<string, number>> {
	const okta: RequestFn = (request) =>
		fetchRequest({ ...request, headers: { Authorization: `SSWS ${target.oktaToken}` } });
	const users = await oktaUsers(okta, target);
	await attachGroupsPerUser(okta, target, users);

	const token = await haloToken(fetchRequest, target);
	const halo: RequestFn = (request) =>
		fetchRequest({ ...request, headers: { Authorization: `Bearer ${token}` } });
	const config = resolveConfig(target.config);
	const items = users.map((user) => mapOktaUser(user, 'user', config));
	const emailOf = (i: number) => String(items[i].record.emailaddress ?? users[i].profile.login);

	// "Search Halo user" per item.
	const existing = await mapPool(items, target.concurrency, async (_, i) => {
		const email = emailOf(i).toLowerCase();
		const found = await expectOk(halo, {
			method: 'GET',
			url: `${target.haloUrl}/api/Users`,
			query: { search: email, includeinactive: true },
		});
		return ((found.body as { users?: HaloUser[] }).users ?? []).find(
			(u) => String(u.emailaddress).toLowerCase() === email,
		);
	});

	// "Create or update Halo user" per item: everything found is written again, changed or not.
	const actions: Record<string, number> = { created: 0, updated: 0, skipped: 0 };
	await mapPool(items, target.concurrency, async (item, i) => {
		const found = existing[i];
		if (!found && !item.active) {
			actions.skipped++;
			return;
		}
		const record = found ? { ...item.record, id: found.id, inactive: !item.active } : item.record;
		await expectOk(halo, { method: 'POST', url: `${target.haloUrl}/api/Users`, body: [record] });
		actions[found ? 'updated' : 'created']++;
	});
	return actions;
}
