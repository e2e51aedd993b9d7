/**
 * Halo answers errors in several body shapes, depending on which layer of the
 * product refused the request (SOURCES.md; the HaloAPI PowerShell module's
 * `New-HaloError` checks for exactly these):
 *   `{resultCode, errorMessage}`  business rules of a save
 *   `{ClassName, Message}`        a .NET exception (bad body, bad reference)
 *   `{Message}`                   ASP.NET "not found" style answers
 *   `{error}`                     OAuth / token problems
 *   plain text                    rate limit, approval-process codes
 * The emulator uses each where Halo would, and `ErrorInjector` forces any shape
 * on any request so clients can be tested against all of them.
 */
import type { EmulatorRequest, EmulatorResponse } from '../server';

export type HaloErrorShape = 'resultCode' | 'ClassName' | 'Message' | 'error' | 'text';

export function haloErrorBody(
	shape: HaloErrorShape,
	message: string,
	className = 'System.Exception',
): unknown {
	switch (shape) {
		case 'resultCode':
			return { resultCode: 1, errorMessage: message };
		case 'ClassName':
			return { ClassName: className, Message: message };
		case 'Message':
			return { Message: message };
		case 'error':
			return { error: message };
		case 'text':
			return message;
	}
}

export function haloError(
	status: number,
	shape: HaloErrorShape,
	message: string,
	className?: string,
): EmulatorResponse {
	return { status, body: haloErrorBody(shape, message, className) };
}

/** Thrown by entity rules while preparing a write; the write handler answers `response`. */
export class HaloHttpError extends Error {
	constructor(readonly response: EmulatorResponse) {
		super(typeof response.body === 'string' ? response.body : JSON.stringify(response.body));
		this.name = 'HaloHttpError';
	}
}

/** A bad value or reference in a posted record: a .NET exception body. */
export function validationError(message: string): HaloHttpError {
	return new HaloHttpError(haloError(400, 'ClassName', message));
}

/** A record that does not exist. */
export function notFoundError(message: string): HaloHttpError {
	return new HaloHttpError(haloError(404, 'Message', message));
}

/** A business rule of ticket logging. */
export function ruleError(message: string): HaloHttpError {
	return new HaloHttpError(haloError(400, 'resultCode', message));
}

export interface InjectedError {
	/** Which requests it applies to; default every request. */
	match?: (req: EmulatorRequest) => boolean;
	shape: HaloErrorShape;
	/** Default 400. */
	status?: number;
	message?: string;
	/** How many matching requests it answers; default 1. */
	times?: number;
	/** Let this many matching requests through first. */
	skip?: number;
}

/** Forced error answers, taken in the order they were added. */
export class ErrorInjector {
	private readonly pending: Array<Required<Pick<InjectedError, 'times' | 'skip'>> & InjectedError> =
		[];

	add(spec: InjectedError): void {
		this.pending.push({ times: 1, skip: 0, ...spec });
	}

	clear(): void {
		this.pending.length = 0;
	}

	take(req: EmulatorRequest): EmulatorResponse | undefined {
		for (const spec of this.pending) {
			if (spec.times <= 0 || (spec.match && !spec.match(req))) continue;
			if (spec.skip > 0) {
				spec.skip--;
				continue;
			}
			spec.times--;
			return haloError(spec.status ?? 400, spec.shape, spec.message ?? 'Injected Halo error');
		}
		return undefined;
	}
}
