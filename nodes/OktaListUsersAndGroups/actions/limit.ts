import type { IExecuteFunctions } from 'n8n-workflow';

/** Return All / Limit → a limit for the client (undefined = everything). */
export function limitOf(
	context: IExecuteFunctions,
	itemIndex: number,
): { returnAll: boolean; limit?: number } {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, true) as boolean;
	return {
		returnAll,
		limit: returnAll ? undefined : (context.getNodeParameter('limit', itemIndex, 50) as number),
	};
}
