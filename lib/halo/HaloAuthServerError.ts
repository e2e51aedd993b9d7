/**
 * The authorisation server Halo's client secret would be posted to is not
 * acceptable: `/api/authinfo` named another origin than the Halo URL, or the
 * URL is plain http on a host that is not loopback (docs/security.md). The
 * message says how to allow a separate auth host on purpose.
 */
export class HaloAuthServerError extends Error {
	readonly name = 'HaloAuthServerError';

	constructor(
		message: string,
		/** The host refused (`host:port`). */
		readonly host: string,
	) {
		super(message);
	}
}
