import { haloBodyMessage, haloErrorSentence } from './errorMessage';

/**
 * Halo answered with an error status (or with something that is not its API,
 * such as an HTML page). `message` is one readable sentence; `haloMessage` is
 * Halo's own text (e.g. `CODE:APP03/2 Please select the CAB members to approve`)
 * for callers that recognise specific refusals. Never holds request bodies, so
 * no secret can leak through it.
 */
export class HaloApiError extends Error {
	readonly name = 'HaloApiError';

	constructor(
		readonly status: number,
		readonly body: unknown,
		/** e.g. `POST /api/Users`. */
		readonly action?: string,
		message?: string,
	) {
		super(message ?? haloErrorSentence(status, body, action));
	}

	get haloMessage(): string | undefined {
		return haloBodyMessage(this.body);
	}

	/** Worth trying again later (rate limit, Halo down) rather than fixing the data. */
	get transient(): boolean {
		return this.status === 429 || this.status >= 500;
	}
}
