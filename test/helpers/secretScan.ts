/**
 * The one secret scan every workflow and e2e test runs (docs/security.md):
 * given the secrets in play (Okta API token, service-app private key, DPoP
 * proofs, Halo client secret, Halo bearer tokens, event-hook secret), it looks
 * through output items, errors (message, description, cause, recursively) and
 * logs, and names every secret it finds. `runWorkflow` (n8nEngine.ts) calls it
 * after every run; the e2e helper (test/e2e/realN8n.ts) after every execution
 * and on n8n's own output.
 */
import type { LoggedRequest } from '../../emulators/server';

export interface Secret {
	/** What it is, for the failure message (never the value). */
	kind: string;
	value: string;
}

/** Shorter strings (a scope such as `all`, a header name) are not secrets worth scanning for. */
const MIN_SECRET_LENGTH = 8;

/** Credential fields that hold secrets, by field name. */
const SECRET_FIELDS: Record<string, string> = {
	apiToken: 'Okta API token',
	privateKey: 'Okta private key',
	clientSecret: 'client secret',
	secret: 'event-hook secret',
	accessToken: 'access token',
	oauthTokenData: 'OAuth token data',
	dpopJwk: 'DPoP private key',
};

/** Every secret a credential store holds (plus OAuth token data nested inside). */
export function credentialSecrets(store: Record<string, Record<string, unknown>>): Secret[] {
	const out: Secret[] = [];
	const visit = (value: unknown, kind: string | undefined) => {
		if (typeof value === 'string') {
			if (kind) out.push({ kind, value });
			return;
		}
		if (value && typeof value === 'object')
			for (const [key, inner] of Object.entries(value as Record<string, unknown>))
				visit(
					inner,
					kind ?? SECRET_FIELDS[key] ?? (/token|secret|key$/i.test(key) ? key : undefined),
				);
	};
	for (const data of Object.values(store)) visit(data, undefined);
	return out;
}

/** Secrets seen on the wire by an emulator: Authorization values, DPoP proofs, posted client secrets and assertions. */
export function wireSecrets(log: readonly LoggedRequest[]): Secret[] {
	const out: Secret[] = [];
	for (const request of log) {
		const authorization = request.headers.authorization;
		if (typeof authorization === 'string') {
			const token = authorization.replace(/^(Bearer|SSWS|DPoP)\s+/i, '');
			out.push({ kind: `${authorization.split(' ')[0]} token`, value: token });
		}
		if (typeof request.headers.dpop === 'string')
			out.push({ kind: 'DPoP proof', value: request.headers.dpop });
		const body = request.body as Record<string, unknown> | undefined;
		if (body && typeof body === 'object') {
			if (typeof body.client_secret === 'string')
				out.push({ kind: 'client secret', value: body.client_secret });
			if (typeof body.client_assertion === 'string')
				out.push({ kind: 'client assertion', value: body.client_assertion });
		}
	}
	return out;
}

/** The values to look for: each secret whole, and each line of a multi-line one (a PEM key). */
function needles(secrets: readonly Secret[]): Secret[] {
	const seen = new Set<string>();
	const out: Secret[] = [];
	const add = (kind: string, value: string) => {
		const trimmed = value.trim();
		if (trimmed.length < MIN_SECRET_LENGTH || seen.has(trimmed)) return;
		if (/^-----(BEGIN|END) /.test(trimmed)) return;
		seen.add(trimmed);
		out.push({ kind, value: trimmed });
	};
	for (const { kind, value } of secrets) {
		add(kind, value);
		if (value.includes('\n')) for (const line of value.split(/\r?\n/)) add(kind, line);
	}
	return out;
}

/**
 * Every string reachable from `value`, errors included: their message,
 * description, cause, stack and any other own property, enumerable or not.
 */
export function textsOf(value: unknown): string[] {
	const out: string[] = [];
	const seen = new Set<unknown>();
	const visit = (node: unknown, depth: number) => {
		if (depth > 40) return;
		if (typeof node === 'string') {
			out.push(node);
			return;
		}
		if (!node || typeof node !== 'object' || seen.has(node)) return;
		seen.add(node);
		if (Buffer.isBuffer(node)) return;
		const keys = new Set<string>(Object.getOwnPropertyNames(node));
		if (node instanceof Error)
			for (const key of ['message', 'description', 'cause', 'stack']) keys.add(key);
		for (const key of keys) {
			let inner: unknown;
			try {
				inner = (node as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			visit(inner, depth + 1);
		}
	};
	visit(value, 0);
	return out;
}

export interface SecretFinding {
	kind: string;
	/** Where it was found, e.g. `output`, `error`, `log`. */
	where: string;
}

/** Which secrets appear where. */
export function findSecrets(
	places: Record<string, unknown>,
	secrets: readonly Secret[],
): SecretFinding[] {
	const found: SecretFinding[] = [];
	const wanted = needles(secrets);
	for (const [where, value] of Object.entries(places)) {
		const texts = textsOf(value);
		for (const secret of wanted) {
			// JSON may carry a secret escaped (a PEM line, a quote): look for both forms.
			const escaped = JSON.stringify(secret.value).slice(1, -1);
			if (texts.some((t) => t.includes(secret.value) || t.includes(escaped)))
				found.push({ kind: secret.kind, where });
		}
	}
	return found;
}

export class SecretLeakError extends Error {
	constructor(readonly findings: SecretFinding[]) {
		super(
			`Secrets leaked: ${findings.map((f) => `${f.kind} in ${f.where}`).join('; ')} (values not shown)`,
		);
		this.name = 'SecretLeakError';
	}
}

/** Throws SecretLeakError naming each secret kind and place found (never the value). */
export function assertNoSecrets(places: Record<string, unknown>, secrets: readonly Secret[]): void {
	const found = findSecrets(places, secrets);
	if (found.length > 0) throw new SecretLeakError(found);
}

/** Emulator logs whose wire secrets every engine run is scanned for (registered by startEmulators). */
const trackedLogs = new Set<readonly LoggedRequest[]>();

export function trackWireSecrets(log: readonly LoggedRequest[]): () => void {
	trackedLogs.add(log);
	return () => trackedLogs.delete(log);
}

export function trackedWireSecrets(): Secret[] {
	return [...trackedLogs].flatMap((log) => wireSecrets(log));
}
