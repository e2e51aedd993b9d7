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
		// The network code stays out of the sentence: n8n replaces messages holding one with generic text.
		super(
			uncertain
				? `The connection to Halo dropped during ${action} before it answered, so Halo may or may not have saved the records; run the workflow again, existing records are matched and not duplicated.`
				: `Could not reach Halo for ${action}; check the Halo URL and that the instance is up.`,
		);
	}
}
