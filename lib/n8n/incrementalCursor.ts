/**
 * "Only Changed Since Last Run" moves its cursor only when the run's Halo
 * writes succeeded. n8n saves workflow static data even when an execution
 * fails, so the List node only stages the next cursor (pending); the last of
 * our writing nodes in the workflow commits it when it finished without a
 * failed or dry-run item. A failed run leaves the cursor where it was and the
 * next run reads the failed window again (docs/architecture.md).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** Global static data: cursors staged by List nodes this run, by List node name. */
const PENDING_KEY = 'oktaHaloPendingCursors';
/** Global static data: cursors committed after successful writes, by List node name. */
const COMMITTED_KEY = 'oktaHaloCursors';

/** Our nodes that write to Halo (type names without the package prefix). */
const WRITERS = ['haloUpsert', 'haloApplyRoleMappings', 'haloOnboardingTicket'];

function isWriter(type: string): boolean {
	return WRITERS.some((writer) => type === writer || type.endsWith(`.${writer}`));
}

/** Whether one of our writing nodes runs after this node (so it, not this one, commits). */
export function hasWriterDownstream(context: IExecuteFunctions): boolean {
	return context
		.getChildNodes(context.getNode().name)
		.some((child) => !child.disabled && isWriter(child.type));
}

function table(context: IExecuteFunctions, key: string): IDataObject {
	const global = context.getWorkflowStaticData('global');
	if (!global[key] || typeof global[key] !== 'object') global[key] = {};
	return global[key] as IDataObject;
}

/** The cursor committed for this List node after successful writes, if any. */
export function committedCursor(context: IExecuteFunctions): string | undefined {
	const global = context.getWorkflowStaticData('global');
	const committed = global[COMMITTED_KEY] as IDataObject | undefined;
	const value = committed?.[context.getNode().name];
	return typeof value === 'string' ? value : undefined;
}

/** Stages this List node's next cursor; a writing node downstream commits it. */
export function stageCursor(context: IExecuteFunctions, cursor: string): void {
	table(context, PENDING_KEY)[context.getNode().name] = cursor;
}

/**
 * Called by each writing node when it finished: the last one in the workflow
 * commits every staged cursor, unless an item failed or was a dry run.
 */
export function commitCursorsIfLast(
	context: IExecuteFunctions,
	items: readonly IDataObject[],
): void {
	if (hasWriterDownstream(context)) return;
	const global = context.getWorkflowStaticData('global');
	const pending = global[PENDING_KEY] as IDataObject | undefined;
	if (!pending || Object.keys(pending).length === 0) return;
	const incomplete = items.some(
		(item) =>
			item.action === 'failed' ||
			item.error !== undefined ||
			item.dryRun === true ||
			(item.roles as IDataObject | undefined)?.error !== undefined,
	);
	if (incomplete) return;
	Object.assign(table(context, COMMITTED_KEY), pending);
	delete global[PENDING_KEY];
}

/** A writing node's run, then the cursor commit if it is the last writer and all went well. */
export async function runThenCommitCursors(
	context: IExecuteFunctions,
	run: (context: IExecuteFunctions) => Promise<Array<Array<{ json: IDataObject }>>>,
): Promise<Array<Array<{ json: IDataObject }>>> {
	const output = await run(context);
	commitCursorsIfLast(
		context,
		(output[0] ?? []).map((item) => item.json),
	);
	return output;
}
