/** The execution was stopped (n8n's cancel signal) while a request was waiting or under way. */
export class RequestCancelledError extends Error {
	readonly name = 'RequestCancelledError';

	constructor(readonly action: string) {
		super(`The execution was stopped during ${action}; nothing more was sent.`);
	}
}
