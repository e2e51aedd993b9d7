/**
 * "Upsert Halo User/Agent" as a pure plan: match each mapped item to an
 * existing Halo record (indexed once), decide its action, and build the
 * array-POST payloads. Nothing here talks to Halo; the node sends `writes`
 * in batches (`chunk`) unless `guardError` is set or it is a dry run.
 */
import { UPSERT_ACTIONS, countActions } from './actionCounts';
import { checkGuard, type GuardOptions } from './deactivationGuard';
import { diffRecord } from './diff';
import { nonAsciiCodePoints } from './email';
import { INACTIVE_FIELD, haloIdOf, isRecordActive } from './haloRecord';
import { recordOktaId, withOktaIds } from './oktaId';
import { RecordIndex, type IndexMatch } from './recordIndex';
import type { FieldChange, HaloRecord, MappedItem, PlanEntry, Target, UpsertPlan } from './types';
import { isEmptyValue, toText } from './values';

export { checkGuard, DEFAULT_GUARD, type GuardOptions } from './deactivationGuard';

export interface PlanOptions {
	target: Target;
	matchOn: readonly string[];
	/** Full syncs: deactivate active records whose `oktaid` no input item carries. */
	deactivateMissing?: boolean;
	/** Mass-deactivation guard (default 10 %, at least 10); `false` turns it off. */
	guard?: Partial<GuardOptions> | false;
	/**
	 * Input items that failed upstream (Map with Continue On Fail): their people
	 * are never deactivated; one whose person is unknown stops every
	 * deactivation of the run.
	 */
	failedUpstream?: { oktaIds: readonly string[]; unidentified: number };
}

type Action = PlanEntry['action'];

function oktaIdOf(item: MappedItem): string {
	const mapped = item.record.oktaid;
	return isEmptyValue(mapped) ? item.okta.id : toText(mapped).trim();
}

function describe(target: Target, record: HaloRecord): string {
	const id = haloIdOf(record);
	return id === null ? `the ${target} planned for creation` : `Halo ${target} ${id}`;
}

function updatePayload(id: number | null, changes: Record<string, FieldChange>): HaloRecord {
	const payload: HaloRecord = { id };
	for (const [field, change] of Object.entries(changes)) payload[field] = change.to;
	return payload;
}

class Planner {
	readonly entries: PlanEntry[] = [];
	private readonly index: RecordIndex;
	/** Record → input index that took it, so one Halo record serves one Okta user. */
	private readonly claimed = new Map<HaloRecord, number>();
	private readonly inputByOktaId = new Map<string, number>();
	private readonly inactiveField: 'inactive' | 'isdisabled';

	constructor(
		private readonly target: Target,
		matchOn: readonly string[],
		existing: readonly HaloRecord[],
	) {
		this.inactiveField = INACTIVE_FIELD[target];
		this.index = new RecordIndex(matchOn, (record) => isRecordActive(target, record));
		for (const record of existing) this.index.add(record);
	}

	private push(entry: Omit<PlanEntry, 'target'>): void {
		this.entries.push({ target: this.target, ...entry });
	}

	private skip(
		item: MappedItem,
		index: number,
		reason: string,
		record: HaloRecord = item.record,
	): void {
		const haloId = record === item.record ? null : haloIdOf(record);
		this.push({ index, action: 'skipped', haloId, changes: {}, okta: item.okta, record, reason });
	}

	planItem(item: MappedItem, index: number): void {
		const oktaId = oktaIdOf(item);
		const earlier = this.inputByOktaId.get(oktaId);
		if (earlier !== undefined) {
			this.skip(
				item,
				index,
				`duplicate input: Okta user ${oktaId} is already planned at item ${earlier}`,
			);
			return;
		}
		this.inputByOktaId.set(oktaId, index);
		// Always carry the Okta id, in both of Halo's fields (oktaId.ts), so an
		// adopted record matches by id from the next run on, in lists too.
		const wanted: HaloRecord = { ...item.record, oktaid: oktaId, okta_id: oktaId };
		const match = this.index.find(wanted);
		if (item.skip !== undefined && item.active) {
			// A person no mapping takes (`user.unmatched: skip`) is neither created nor updated.
			if (match) this.claimed.set(match.record, index);
			this.skip(item, index, item.skip, match?.record);
			return;
		}
		const lookalike = match ? undefined : this.index.lookalike(wanted);
		if (!match) {
			this.planNew(item, index, wanted);
			if (lookalike) this.warnLookalike(lookalike);
			return;
		}
		const owner = recordOktaId(match.record);
		if (owner !== '' && owner !== oktaId) {
			this.skip(item, index, this.conflictReason(match, owner), match.record);
			return;
		}
		const claimedBy = this.claimed.get(match.record);
		if (claimedBy !== undefined) {
			this.skip(
				item,
				index,
				`duplicate: ${describe(this.target, match.record)} (matched by ${match.field}) is already planned for item ${claimedBy}`,
				match.record,
			);
			return;
		}
		this.claimed.set(match.record, index);
		this.planExisting(item, index, match.record, wanted);
	}

	/** The entry just planned gets a warning: its email imitates another record's and was not matched. */
	private warnLookalike(lookalike: IndexMatch): void {
		const entry = this.entries[this.entries.length - 1];
		const theirs = toText(lookalike.record[lookalike.field]).trim();
		entry.warnings = [
			...(entry.warnings ?? []),
			`${lookalike.field} "${lookalike.value}" looks like "${theirs}" of ${describe(this.target, lookalike.record)} ` +
				`but is not the same address (it contains ${nonAsciiCodePoints(lookalike.value)}); not adopted by email. ` +
				'Check the address in Okta.',
		];
	}

	private conflictReason(match: IndexMatch, owner: string): string {
		return (
			`${describe(this.target, match.record)} has ${match.field} "${match.value}" but belongs to another Okta user ` +
			`(oktaid ${owner}); not adopted. Fix the duplicate in Okta or Halo, or clear that record's oktaid to let it be adopted.`
		);
	}

	private planNew(item: MappedItem, index: number, wanted: HaloRecord): void {
		if (!item.active) {
			this.skip(
				item,
				index,
				`Okta status ${item.okta.status} is not active and no Halo ${this.target} matches; an inactive record is never created`,
			);
			return;
		}
		const payload: HaloRecord = { ...wanted };
		// The site rule's user role is given once, on create; later role changes belong to Apply Role Mappings.
		if (this.target === 'user' && item.userRoleId !== undefined && payload.roles === undefined) {
			payload.roles = [{ id: item.userRoleId }];
		}
		const changes: Record<string, FieldChange> = {};
		for (const [field, to] of Object.entries(payload)) changes[field] = { from: null, to };
		// Later inputs for the same person must find this planned record, not plan a second create.
		this.index.add(payload);
		this.claimed.set(payload, index);
		this.push({
			index,
			action: 'created',
			haloId: null,
			changes,
			okta: item.okta,
			record: payload,
			write: payload,
		});
	}

	private planExisting(
		item: MappedItem,
		index: number,
		existing: HaloRecord,
		wanted: HaloRecord,
	): void {
		const wasActive = isRecordActive(this.target, existing);
		const flag = this.inactiveField;
		let action: Action;
		let changes: Record<string, FieldChange>;
		if (!item.active) {
			if (!wasActive) {
				this.finish(item.okta, index, 'unchanged', existing, {});
				return;
			}
			changes = { [flag]: { from: existing[flag] ?? false, to: true } };
			if (recordOktaId(existing) === '') {
				changes.oktaid = { from: existing.oktaid ?? null, to: wanted.oktaid };
				changes.okta_id = { from: existing.okta_id ?? null, to: wanted.okta_id };
			}
			action = 'deactivated';
		} else {
			const createOnly = item.createOnly.filter(
				(field) => field !== 'oktaid' && field !== 'okta_id',
			);
			// A list record has only `okta_id`: read the id from either field before comparing.
			changes = diffRecord(withOktaIds(existing), wanted, createOnly);
			if (!wasActive) {
				changes[flag] = { from: existing[flag], to: false };
				action = 'reactivated';
			} else {
				action = Object.keys(changes).length > 0 ? 'updated' : 'unchanged';
			}
		}
		this.finish(item.okta, index, action, existing, changes);
	}

	private finish(
		okta: PlanEntry['okta'],
		index: number | null,
		action: Action,
		existing: HaloRecord,
		changes: Record<string, FieldChange>,
		reason?: string,
	): void {
		const haloId = haloIdOf(existing);
		const write = Object.keys(changes).length > 0 ? updatePayload(haloId, changes) : undefined;
		const entry: Omit<PlanEntry, 'target'> = {
			index,
			action,
			haloId,
			changes,
			okta,
			record: existing,
		};
		if (write) {
			entry.record = { ...existing, ...write };
			entry.write = write;
		}
		if (reason) entry.reason = reason;
		this.push(entry);
	}

	/** Full sync: an active record whose Okta user no input carries has left Okta (or the filtered set). */
	/** Plans deactivations; returns how many people it left alone because their items failed upstream. */
	deactivateMissing(
		existing: readonly HaloRecord[],
		failed: PlanOptions['failedUpstream'] = { oktaIds: [], unidentified: 0 },
	): number {
		const protectedIds = new Set(failed.oktaIds);
		let leftAlone = 0;
		for (const record of existing) {
			if (this.claimed.has(record) || !isRecordActive(this.target, record)) continue;
			const oktaId = recordOktaId(record);
			if (oktaId === '' || this.inputByOktaId.has(oktaId)) continue;
			if (failed.unidentified > 0 || protectedIds.has(oktaId)) {
				leftAlone++;
				continue;
			}
			const changes = {
				[this.inactiveField]: { from: record[this.inactiveField] ?? false, to: true },
			};
			this.finish(
				null,
				null,
				'deactivated',
				record,
				changes,
				`no input item carries Okta user ${oktaId}`,
			);
		}
		return leftAlone;
	}
}

const PLAN_ACTIONS: readonly Action[] = UPSERT_ACTIONS.filter(
	(action): action is Action => action !== 'failed',
);

function leftAloneReason(options: PlanOptions): string {
	const failed = options.failedUpstream ?? { oktaIds: [], unidentified: 0 };
	const count = failed.oktaIds.length + failed.unidentified;
	const items = `${count} input item${count === 1 ? '' : 's'} failed upstream`;
	return failed.unidentified > 0
		? `${items} and not every one names its person, so nobody was deactivated this run`
		: `${items}; their people are not deactivated until their items map again`;
}

/** Plans the writes that make Halo match the mapped items; pure and deterministic (same input, same plan). */
export function planUpsert(
	items: readonly MappedItem[],
	existing: readonly HaloRecord[],
	options: PlanOptions,
): UpsertPlan {
	const planner = new Planner(options.target, options.matchOn, existing);
	items.forEach((item, index) => planner.planItem(item, index));
	const leftAlone = options.deactivateMissing
		? planner.deactivateMissing(existing, options.failedUpstream)
		: 0;

	const counts = countActions(planner.entries, PLAN_ACTIONS);
	const writes: UpsertPlan['writes'] = [];
	planner.entries.forEach((entry, position) => {
		if (entry.write)
			writes.push({
				entry: position,
				kind: entry.action === 'created' ? 'create' : 'update',
				payload: entry.write,
			});
	});
	// The guard's share is over the records Okta manages, not every active Halo record.
	const existingActive = existing.filter(
		(record) => isRecordActive(options.target, record) && recordOktaId(record) !== '',
	).length;
	const plan: UpsertPlan = {
		target: options.target,
		entries: planner.entries,
		writes,
		counts,
		existingActive,
	};
	if (leftAlone > 0) plan.leftAlone = { count: leftAlone, reason: leftAloneReason(options) };
	if (options.guard !== false) {
		const guardError = checkGuard(plan, existingActive, options.guard);
		if (guardError) plan.guardError = guardError;
	}
	return plan;
}
