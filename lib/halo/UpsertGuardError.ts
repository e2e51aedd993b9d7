/** The mass-deactivation guard stopped the run before any write; the message says how many and why. */
export class UpsertGuardError extends Error {
	readonly name = 'UpsertGuardError';

	constructor(readonly reasons: string[]) {
		super(reasons.join(' '));
	}
}
