/**
 * `npm run emulators`: the Okta and Halo emulators on fixed local ports with a
 * generated org, until Ctrl-C. Point n8n credentials at the printed URLs.
 *   OKTA_PORT (8181), HALO_PORT (8282), ORG_USERS (200), ORG_GROUPS (12), LATENCY_MS (0)
 */
import { startHaloEmulator } from '../emulators/halo';
import { startOktaEmulator } from '../emulators/okta';

async function main() {
	const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
	const latencyMs = env('LATENCY_MS', 0);
	const okta = await startOktaEmulator({
		port: env('OKTA_PORT', 8181),
		latencyMs,
		org: { users: env('ORG_USERS', 200), groups: env('ORG_GROUPS', 12), apps: 3, seed: 1 },
	});
	const halo = await startHaloEmulator({ port: env('HALO_PORT', 8282), latencyMs });
	const lines = [
		`Okta emulator  ${okta.url}   (${okta.store.users.length} users, ${okta.store.groups.length} groups)`,
		`  credential "Okta API Token": URL ${okta.url}, API token okta-test-token`,
		`  groups: ${okta.store.groups.map((g) => g.profile.name).join(', ')}`,
		`Halo emulator  ${halo.url}`,
		`  credential "Halo API": URL ${halo.url}, client ID halo-client, client secret halo-secret, scope all`,
		'Ctrl-C stops both.',
	];
	process.stdout.write(lines.join('\n') + '\n');
	const stop = async () => {
		await Promise.all([okta.close(), halo.close()]);
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack ?? error}\n`);
	process.exit(1);
});
