/**
 * Record shapes the Halo emulator stores and answers. Field names are Halo's own
 * (halo-swagger.json request schemas: `Users`, `Uname`, `Site`, `Area`,
 * `SectionDetail`, `NHD_Roles`, `UserRoles`, `CabHeader`, `CabMember`,
 * `RequestType`, `StdRequest`, `Faults`), so a record read from the emulator can
 * be posted back unchanged. Extra fields a client sends are kept as they came.
 */

export interface HaloRecord {
	id: number;
	[field: string]: unknown;
}

export interface HaloClientRecord extends HaloRecord {
	name: string;
	inactive?: boolean;
	toplevel_id?: number;
	toplevel_name?: string;
}

export interface HaloSiteRecord extends HaloRecord {
	name: string;
	client_id: number;
	client_name?: string;
	inactive?: boolean;
}

export interface HaloTeamRecord extends HaloRecord {
	name: string;
	inactive?: boolean;
	forrequests?: boolean;
	department_id?: number;
	department_name?: string;
}

/** A department (`Tree`, listed by `/TopLevel`). */
export interface HaloDepartmentRecord extends HaloRecord {
	name: string;
	agent_department?: boolean;
}

/** A user's (`UserDepartment`) or agent's (`UnameDepartment`) membership of a department. */
export interface HaloDepartmentMembership {
	id: number;
	user_id?: number;
	user_name?: string;
	agent_id?: number;
	agent_name?: string;
	department_id: number;
	department_name: string;
}

/** Agent role (`/Roles`, schema `NHD_Roles`): the id is a GUID string. */
export interface HaloAgentRoleRecord {
	id: string;
	name: string;
	notes?: string;
	[field: string]: unknown;
}

export interface HaloUserRoleRecord extends HaloRecord {
	name: string;
	notes?: string;
}

/** `CabMember` as `/CABMember` answers it. */
export interface HaloCabMemberRecord extends HaloRecord {
	cab_id: number;
	agent_id: number;
	member_name?: string;
	emailaddress?: string;
	type?: number;
	is_mandatory?: boolean;
}

/** `CabHeader`; `members` is kept here and answered only when asked for. */
export interface HaloCabRecord extends HaloRecord {
	name: string;
	all_must_approve?: boolean;
	approvals_needed?: number;
	members: HaloCabMemberRecord[];
}

export interface HaloTicketTypeRecord extends HaloRecord {
	name: string;
	use?: string;
	/** Non-zero: tickets of this type go through that approval process. */
	approval_process_id?: number;
	approval_process_name?: string;
}

export interface HaloTemplateRecord extends HaloRecord {
	name: string;
	tickettype_id?: number;
	summary?: string;
	details?: string;
}

/** An end user (`Users`). `site_name`, `client_id`, `client_name` follow `site_id`. */
export interface HaloUserRecord extends HaloRecord {
	name: string;
	site_id: number;
	site_name?: string;
	client_id?: number;
	client_name?: string;
	emailaddress?: string;
	/** `oktaid` and `okta_id` are two fields in Halo; lists carry only `okta_id`. */
	oktaid?: string;
	okta_id?: string;
	inactive: boolean;
	roles: Array<{ id: number; name: string }>;
	departments?: HaloDepartmentMembership[];
}

/** One team membership of an agent (`UnameSection`). */
export interface HaloAgentTeam {
	id: number;
	agent_id: number;
	agent_name?: string;
	team_id: number;
	team_name: string;
	/** "Can be assigned tickets". */
	fortickets: boolean;
	/** "Can see unassigned tickets". */
	unassigned_access: boolean;
	/** "Can see other agents' tickets". */
	otheragent_access: boolean;
}

/** An agent (`Uname`): `team` is the default team's name, `roles` the agent roles. */
export interface HaloAgentRecord extends HaloRecord {
	name: string;
	email?: string;
	/** `oktaid` and `okta_id` are two fields in Halo; lists carry only `okta_id`. */
	oktaid?: string;
	okta_id?: string;
	isdisabled: boolean;
	team?: string;
	teams: HaloAgentTeam[];
	roles: Array<{ id: string; name: string }>;
	departments?: HaloDepartmentMembership[];
}

export interface HaloTicketRecord extends HaloRecord {
	summary: string;
	details?: string;
	tickettype_id: number;
	tickettype_name?: string;
	template_id?: number;
	/** The end user; optional, as in Halo. */
	user_id?: number;
	user_name?: string;
	client_id?: number;
	client_name?: string;
	site_id?: number;
	site_name?: string;
	status_id?: number;
	dateoccurred?: string;
	customfields?: unknown[];
}

/** What the emulator starts with; `startHaloEmulator({ seed })` replaces any key given. */
export interface HaloSeed {
	clients: HaloClientRecord[];
	sites: HaloSiteRecord[];
	teams: HaloTeamRecord[];
	/** Departments (`Tree` records at `/TopLevel`). */
	departments: HaloDepartmentRecord[];
	agentRoles: HaloAgentRoleRecord[];
	userRoles: HaloUserRoleRecord[];
	cabs: Array<Omit<HaloCabRecord, 'members'> & { members?: Array<Partial<HaloCabMemberRecord>> }>;
	ticketTypes: HaloTicketTypeRecord[];
	templates: HaloTemplateRecord[];
	/** Written through the same rules as `POST /api/Users` (site fields derived, roles resolved). */
	users: Array<Partial<HaloUserRecord> & { id?: number }>;
	/** Written through the same rules as `POST /api/Agent`. */
	agents: Array<Partial<HaloAgentRecord> & { id?: number }>;
	/** The agent the API application acts as (`/api/Agent/me`); left out of `/api/Agent` unless `includeapiagents=true`. */
	apiAgent: { id: number; name: string; email?: string };
	/** Approval processes whose CAB members are chosen when a ticket is logged (see tickets.ts). */
	cabApprovalProcessIds: number[];
	/** Fields of the `Control` settings record to set over the default (see control.ts). */
	control?: Record<string, unknown>;
}
