/**
 * The connection dropped with no answer. For a create this is not retried (Halo
 * may have saved the records; a retry could duplicate them), so the message
 * says what is safe: run again, existing records are matched and adopted.
 */
export class HaloConnectionError extends Error {
	readonly name = 'HaloConnectionError';

	constructor(
		/** e.g. `POST /api/Users`. */
		readonly action: string,
		/** The network error code, e.g. `ECONNRESET`. */
		readonly code: string | undefined,
		/** True when the request may have been applied (a write without an answer). */
		readonly uncertain: boolean,
	) {
		super(
			uncertain
				? `The connection to Halo dropped during ${action} (${code ?? 'no answer'}), so Halo may or may not have saved the records; run the workflow again, existing records are matched and not duplicated.`
				: `Could not reach Halo for ${action} (${code ?? 'no answer'}).`,
		);
	}
}
