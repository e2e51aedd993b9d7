/**
 * The emulator's data: one table per Halo entity plus the few facts Halo keeps
 * outside the records (which agent the API acts as, which approval processes
 * need CAB members chosen at logging). Tests read and seed it directly.
 */
import { defaultHaloControl } from './control';
import type {
	HaloAgentRecord,
	HaloAgentRoleRecord,
	HaloCabMemberRecord,
	HaloCabRecord,
	HaloClientRecord,
	HaloDepartmentRecord,
	HaloSiteRecord,
	HaloTeamRecord,
	HaloTemplateRecord,
	HaloTicketRecord,
	HaloTicketTypeRecord,
	HaloUserRecord,
	HaloUserRoleRecord,
} from './types';

type Id = number | string;

/** Records by id; numeric ids come from a counter above the highest id seen. GUID ids compare case-insensitively. */
export class Table<T extends { id: Id }> {
	private readonly rows = new Map<string, T>();
	private next = 1;
	/** Bumped by every change, so list answers can cache their sort. */
	version = 0;

	constructor(readonly label: string) {}

	private static key(id: unknown): string {
		return String(id).toLowerCase();
	}

	get size(): number {
		return this.rows.size;
	}

	all(): T[] {
		return [...this.rows.values()];
	}

	get(id: unknown): T | undefined {
		if (id === undefined || id === null || id === '') return undefined;
		return this.rows.get(Table.key(id));
	}

	/** Stores the record (id first, as Halo lists it) and returns the stored object. */
	put(record: T): T {
		const { id, ...fields } = record;
		const stored = { id, ...fields } as unknown as T;
		this.rows.set(Table.key(stored.id), stored);
		this.version++;
		if (typeof stored.id === 'number' && stored.id >= this.next) this.next = stored.id + 1;
		return stored;
	}

	delete(id: unknown): boolean {
		this.version++;
		return this.rows.delete(Table.key(id));
	}

	/** Reserves the next integer id (a failed batch leaves a gap, as in Halo). */
	newId(): number {
		return this.next++;
	}

	clear(): void {
		this.version++;
		this.rows.clear();
	}
}

export class HaloStore {
	readonly clients = new Table<HaloClientRecord>('Client');
	readonly sites = new Table<HaloSiteRecord>('Site');
	readonly teams = new Table<HaloTeamRecord>('Team');
	readonly departments = new Table<HaloDepartmentRecord>('Department');
	readonly agentRoles = new Table<HaloAgentRoleRecord>('Role');
	readonly userRoles = new Table<HaloUserRoleRecord>('User Role');
	readonly cabs = new Table<HaloCabRecord>('CAB');
	readonly ticketTypes = new Table<HaloTicketTypeRecord>('Ticket Type');
	readonly templates = new Table<HaloTemplateRecord>('Template');
	readonly users = new Table<HaloUserRecord>('User');
	readonly agents = new Table<HaloAgentRecord>('Agent');
	readonly tickets = new Table<HaloTicketRecord>('Ticket');
	/** The agent the API application logs in as (`/api/Agent/me`). */
	apiAgentId = 0;
	/** Approval processes that need CAB members picked when a ticket is logged. */
	readonly cabApprovalProcessIds = new Set<number>();
	/** Halo's `Control` settings record (`GET`/`POST /api/Control`). */
	control: Record<string, unknown> = defaultHaloControl();
	private nextCabMemberId = 1;
	private nextTeamMembershipId = 1;
	private nextDepartmentMembershipId = 1;

	constructor(private readonly clock: () => number = Date.now) {}

	now(): Date {
		return new Date(this.clock());
	}

	newCabMemberId(): number {
		return this.nextCabMemberId++;
	}

	newTeamMembershipId(): number {
		return this.nextTeamMembershipId++;
	}

	newDepartmentMembershipId(): number {
		return this.nextDepartmentMembershipId++;
	}

	teamByName(name: string): HaloTeamRecord | undefined {
		const wanted = name.trim().toLowerCase();
		return this.teams.all().find((team) => team.name.toLowerCase() === wanted);
	}

	/** Every CAB membership, as `/api/CABMember` lists them. */
	cabMembers(): HaloCabMemberRecord[] {
		return this.cabs
			.all()
			.flatMap((cab) => cab.members)
			.sort((a, b) => a.id - b.id);
	}

	/** Users whose email matches, ignoring case (for tests that look records up). */
	usersByEmail(email: string): HaloUserRecord[] {
		const wanted = email.toLowerCase();
		return this.users
			.all()
			.filter((user) => String(user.emailaddress ?? '').toLowerCase() === wanted);
	}
}
