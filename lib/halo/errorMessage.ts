/**
 * Halo answers errors in many shapes (`{resultCode, errorMessage}`,
 * `{ClassName, Message}`, `{Message}`, OAuth's `{error, error_description}`,
 * plain text, an HTML error page). These pure helpers turn any of them into one
 * readable sentence, so every caller reports Halo's own words the same way.
 */

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	413: 'Payload Too Large',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

export function statusText(status: number): string {
	return STATUS_TEXT[status] ?? `HTTP ${status}`;
}

/** Longest message kept from a body: a stack trace or a whole page is no message. */
const MAX_LENGTH = 300;

/** Halo's own message inside `body`, or undefined when the body carries none (empty, HTML). */
export function haloBodyMessage(body: unknown): string | undefined {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'string') return textMessage(body);
	if (Array.isArray(body)) return body.length > 0 ? haloBodyMessage(body[0]) : undefined;
	if (typeof body !== 'object') return clean(String(body));
	const o = body as Record<string, unknown>;
	// Order matters: the most specific human text first.
	for (const key of [
		'errorMessage',
		'error_description',
		'Message',
		'message',
		'errormessage',
		'title',
	]) {
		const value = o[key];
		if (typeof value === 'string' && value.trim()) return clean(value);
	}
	if (typeof o.error === 'string' && o.error.trim()) return clean(o.error);
	if (o.error && typeof o.error === 'object') return haloBodyMessage(o.error);
	if (o.errors && typeof o.errors === 'object') return validationErrors(o.errors);
	return undefined;
}

/** One sentence: what was asked, the status, and Halo's words. */
export function haloErrorSentence(status: number, body: unknown, action?: string): string {
	const detail = haloBodyMessage(body) ?? statusText(status);
	const where = action ? ` to ${action}` : '';
	return sentence(`Halo answered ${status}${where}: ${detail}`);
}

function textMessage(text: string): string | undefined {
	const trimmed = text.trim();
	if (!trimmed || /^<(!doctype|html|\?xml|head|body)/i.test(trimmed)) return undefined;
	return clean(trimmed);
}

/** ASP.NET model-state errors: `{ "errors": { "field": ["msg", …] } }`. */
function validationErrors(errors: object): string | undefined {
	const parts: string[] = [];
	for (const [field, value] of Object.entries(errors)) {
		const texts = Array.isArray(value)
			? value.filter((v) => typeof v === 'string')
			: [String(value)];
		if (texts.length > 0) parts.push(field ? `${field}: ${texts.join(', ')}` : texts.join(', '));
	}
	return parts.length > 0 ? clean(parts.join('; ')) : undefined;
}

function clean(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > MAX_LENGTH ? `${flat.slice(0, MAX_LENGTH - 1)}…` : flat;
}

function sentence(text: string): string {
	return /[.!?…]$/.test(text) ? text : `${text}.`;
}
