/** What the route modules share: the org's data, the authorization server's memory and the base URL. */
import type { DpopVerifier } from './dpop';
import type { SigningKey } from './signing';
import type { OktaStore } from './store';
import type { TokenRegistry } from './tokens';

export interface EmulatorContext {
	readonly store: OktaStore;
	readonly tokens: TokenRegistry;
	readonly dpop: DpopVerifier;
	readonly signingKey: SigningKey;
	/** The org URL, e.g. `http://127.0.0.1:PORT`; Okta writes absolute links with it. */
	origin(): string;
}
