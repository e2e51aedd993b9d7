/**
 * The "Request Time Budget" option every node that calls Okta or Halo has
 * (parameter `options.requestTimeBudget`, seconds; docs/public-surface.md), and
 * the retry options it turns into: that budget per request, and n8n's
 * execution cancel signal so a stopped execution stops waiting
 * (docs/security.md).
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_REQUEST_BUDGET_MS } from '../http/sendWithRetry';
import type { RetryOptions } from '../http/sendWithRetry';
import type { RequestContext } from './transport';

export const REQUEST_TIME_BUDGET = 'requestTimeBudget';

/** An entry of the node's Options collection. */
export function requestTimeBudgetOption(): INodeProperties {
	return {
		displayName: 'Request Time Budget (Seconds)',
		name: REQUEST_TIME_BUDGET,
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3600 },
		default: DEFAULT_REQUEST_BUDGET_MS / 1000,
		description:
			'Longest time one request to Okta or Halo may take, retries and rate-limit waits included; past it the node stops with the reason',
	};
}

function isExecution(context: RequestContext): context is IExecuteFunctions {
	return 'getInputData' in context && 'getExecutionCancelSignal' in context;
}

/** The node's budget and the execution's cancel signal (load-options and hooks: the default budget). */
export function retryOptionsFor(context: RequestContext, itemIndex = 0): RetryOptions {
	if (!isExecution(context)) return {};
	const seconds = Number(
		context.getNodeParameter(
			`options.${REQUEST_TIME_BUDGET}`,
			itemIndex,
			DEFAULT_REQUEST_BUDGET_MS / 1000,
		),
	);
	return {
		budgetMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_REQUEST_BUDGET_MS,
		signal: context.getExecutionCancelSignal() ?? undefined,
	};
}

/** The Options collection of a node whose only option is the time budget. */
export function requestOptionsCollection(): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [requestTimeBudgetOption()],
	};
}
