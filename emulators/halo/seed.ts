/**
 * The default Halo instance: one client with three sites, four teams, three
 * departments, agent roles (GUID ids, as Halo has them), user roles, two CABs, ticket types
 * (one for onboarding, one whose approval process needs CAB members picked at
 * logging) and templates. Ids are fixed so tests and mapping configs can name
 * them; `HALO_SEED` gives them names.
 */
import type { HaloSeed } from './types';

export const HALO_SEED = {
	clientId: 1,
	sites: { headOffice: 1, branchOffice: 2, remoteWorkers: 3 },
	teams: { serviceDesk: 1, secondLine: 2, infrastructure: 3, changeManagement: 4 },
	/** `Tree` records (`/TopLevel`): three departments and the clients' top level. */
	departments: { it: 1, hr: 2, finance: 3 },
	topLevelId: 4,
	agentRoles: {
		administrator: '6a0f8f5e-1c2b-4d3a-9e4f-000000000001',
		technician: '6a0f8f5e-1c2b-4d3a-9e4f-000000000002',
		changeApprover: '6a0f8f5e-1c2b-4d3a-9e4f-000000000003',
		readOnly: '6a0f8f5e-1c2b-4d3a-9e4f-000000000004',
	},
	userRoles: { standard: 1, approver: 2, siteContact: 3 },
	cabs: { changeBoard: 1, emergencyBoard: 2 },
	ticketTypes: { incident: 1, serviceRequest: 2, onboarding: 3, change: 4 },
	templates: { newStarter: 1, laptopRequest: 2 },
	/** The approval process of the Change ticket type (CAB members chosen at logging). */
	cabApprovalProcessId: 1,
	apiAgentId: 1,
} as const;

export function defaultHaloSeed(): HaloSeed {
	const S = HALO_SEED;
	return {
		clients: [
			{
				id: S.clientId,
				name: 'Acme Corporation',
				inactive: false,
				toplevel_id: S.topLevelId,
				toplevel_name: 'Customers',
			},
		],
		departments: [
			{ id: S.departments.it, name: 'IT', agent_department: true },
			{ id: S.departments.hr, name: 'HR', agent_department: true },
			{ id: S.departments.finance, name: 'Finance', agent_department: true },
			{ id: S.topLevelId, name: 'Customers', agent_department: false },
		],
		sites: [
			{ id: S.sites.headOffice, name: 'Head Office', client_id: S.clientId, inactive: false },
			{ id: S.sites.branchOffice, name: 'Branch Office', client_id: S.clientId, inactive: false },
			{ id: S.sites.remoteWorkers, name: 'Remote Workers', client_id: S.clientId, inactive: false },
		],
		teams: [
			{
				id: S.teams.serviceDesk,
				name: 'Service Desk',
				inactive: false,
				forrequests: true,
				department_id: 1,
				department_name: 'IT',
			},
			{
				id: S.teams.secondLine,
				name: '2nd Line Support',
				inactive: false,
				forrequests: true,
				department_id: 1,
				department_name: 'IT',
			},
			{
				id: S.teams.infrastructure,
				name: 'Infrastructure',
				inactive: false,
				forrequests: true,
				department_id: 1,
				department_name: 'IT',
			},
			{
				id: S.teams.changeManagement,
				name: 'Change Management',
				inactive: false,
				forrequests: true,
				department_id: 1,
				department_name: 'IT',
			},
		],
		agentRoles: [
			{ id: S.agentRoles.administrator, name: 'Administrator', notes: '' },
			{ id: S.agentRoles.technician, name: 'Technician', notes: '' },
			{ id: S.agentRoles.changeApprover, name: 'Change Approver', notes: '' },
			{ id: S.agentRoles.readOnly, name: 'Read Only', notes: '' },
		],
		userRoles: [
			{ id: S.userRoles.standard, name: 'Standard User', notes: '' },
			{ id: S.userRoles.approver, name: 'Approver', notes: '' },
			{ id: S.userRoles.siteContact, name: 'Site Contact', notes: '' },
		],
		cabs: [
			{
				id: S.cabs.changeBoard,
				name: 'Change Advisory Board',
				all_must_approve: false,
				approvals_needed: 1,
			},
			{
				id: S.cabs.emergencyBoard,
				name: 'Emergency CAB',
				all_must_approve: true,
				approvals_needed: 0,
			},
		],
		ticketTypes: [
			{ id: S.ticketTypes.incident, name: 'Incident', use: 'incident', approval_process_id: 0 },
			{
				id: S.ticketTypes.serviceRequest,
				name: 'Service Request',
				use: 'request',
				approval_process_id: 0,
			},
			{
				id: S.ticketTypes.onboarding,
				name: 'New Starter Onboarding',
				use: 'request',
				approval_process_id: 0,
			},
			{
				id: S.ticketTypes.change,
				name: 'Change Request',
				use: 'change',
				approval_process_id: S.cabApprovalProcessId,
				approval_process_name: 'CAB Approval',
			},
		],
		templates: [
			{
				id: S.templates.newStarter,
				name: 'New Starter',
				tickettype_id: S.ticketTypes.onboarding,
				summary: 'New starter',
				details: 'Prepare accounts and equipment for the new starter.',
			},
			{
				id: S.templates.laptopRequest,
				name: 'Laptop Request',
				tickettype_id: S.ticketTypes.serviceRequest,
				summary: 'Laptop request',
				details: 'Provide a laptop.',
			},
		],
		users: [],
		agents: [],
		apiAgent: { id: S.apiAgentId, name: 'Halo API', email: 'api@halo.invalid' },
		cabApprovalProcessIds: [S.cabApprovalProcessId],
	};
}
