/**
 * A Halo `Control` record with its built-in Okta integration configured the
 * way Halo's screens save it (field names of the swagger's `Control`,
 * `OktaMapping`, `IntegrationFieldMapping`, `IntegrationFilter`): site
 * mappings by group, by app, and one with filters and statuses; agent, CAB and
 * user-role mappings; onboarding; matching fields and active statuses. Beside
 * it, the MappingConfig the same setup is written as by hand.
 */
import { HALO_SEED } from '../../emulators/halo';

const S = HALO_SEED;

export function configuredHaloControl(appId: string): Record<string, unknown> {
	return {
		okta_url: 'https://acme.okta.com',
		okta_active_statuses_list: [
			{ value: 'ACTIVE', label: 'Active' },
			{ value: 'PASSWORD_EXPIRED', label: 'Password Expired' },
			{ value: 'LOCKED_OUT', label: 'Locked Out' },
			{ value: 'RECOVERY', label: 'Recovery' },
		],
		okta_user_matching_list: [
			{ value: 'oktaid', label: 'Okta ID' },
			{ value: 'emailaddress', label: 'Email Address' },
		],
		okta_agent_matching_list: [{ value: 'email', label: 'Email' }],
		okta_usermappings: [
			{ id: 1, name: 'firstname', thirdpartyname: 'firstName' },
			{ id: 2, name: 'surname', thirdpartyname: 'lastName' },
			{ id: 3, name: 'name', thirdpartyname: 'displayName', populateemptyvalue: false },
			{ id: 4, name: 'emailaddress', thirdpartyname: 'email' },
			{ id: 5, name: 'login', thirdpartyname: 'login' },
			{ id: 6, name: 'phonenumber', thirdpartyname: 'primaryPhone' },
			{ id: 7, name: 'mobilenumber', thirdpartyname: 'mobilePhone' },
			{ id: 8, name: 'title', thirdpartyname: 'title', dontupdate: true },
			{ id: 9, name: 'oktaid', thirdpartyname: 'id' },
			{ id: 10, name: 'department', thirdpartyname: 'department', populateemptyvalue: true },
		],
		okta_agentmappings: [
			{ id: 11, name: 'firstname', thirdpartyname: 'firstName' },
			{ id: 12, name: 'surname', thirdpartyname: 'lastName' },
			{ id: 13, name: 'name', thirdpartyname: 'displayName' },
			{ id: 14, name: 'email', thirdpartyname: 'email' },
			{ id: 15, name: 'jobtitle', thirdpartyname: 'title' },
			{ id: 16, name: 'sms', thirdpartyname: 'mobilePhone' },
			{ id: 17, name: 'oktaid', thirdpartyname: 'id' },
			{ id: 18, name: 'team', thirdpartyname: 'department' },
		],
		okta_sitemappings: [
			{
				id: 1,
				siteid: S.sites.branchOffice,
				group_name: 'Office - London',
				filterbyapp: false,
				userroleid: S.userRoles.approver,
			},
			{
				id: 2,
				siteid: S.sites.remoteWorkers,
				applicationid: appId,
				filterbyapp: true,
			},
			{
				id: 3,
				siteid: S.sites.headOffice,
				group_name: null,
				filterbyapp: false,
				included_statuses_list: [
					{ value: 'ACTIVE', label: 'Active' },
					{ value: 'PASSWORD_EXPIRED', label: 'Password Expired' },
				],
				filters: [
					{ id: 1, filter_field: 'userType', filter_type: 0, filter_value: 'Employee' },
					{
						id: 2,
						filter_field: 'department',
						filter_type: 5,
						filter_value: 'Engineering, IT, Sales',
					},
				],
				new_users_only: true,
			},
		],
		okta_rolemappings: [
			{ id: 21, name: S.agentRoles.technician, thirdpartyname: 'Service Desk Agents' },
		],
		okta_cabmappings: [
			{ id: 22, name: String(S.cabs.changeBoard), thirdpartyname: 'Change Advisory Board' },
		],
		okta_userrolemappings: [
			{ id: 23, name: String(S.userRoles.approver), thirdpartyname: 'Managers' },
			{ id: 24, name: String(S.userRoles.approver), thirdpartyname: 'Finance' },
		],
		new_user_type: S.ticketTypes.onboarding,
		new_user_template: S.templates.newStarter,
		okta_mappings_new_user: [{ id: 31, name: 'category_1', thirdpartyname: 'department' }],
		okta_deactivate_entities: true,
		halointegrator_okta: true,
		halointegrator_okta_lastsync: '2026-11-29T22:00:00',
		halointegrator_okta_lasterror: 'Okta API: 429 Too Many Requests',
	};
}

/** The same integration, written as a MappingConfig by hand. */
export function handWrittenConfig(appId: string): Record<string, unknown> {
	return {
		activeStatuses: ['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY'],
		user: {
			fields: [
				{ halo: 'firstname', okta: 'profile.firstName' },
				{ halo: 'surname', okta: 'profile.lastName' },
				{ halo: 'name', okta: 'profile.displayName' },
				{ halo: 'emailaddress', okta: 'profile.email' },
				{ halo: 'login', okta: 'profile.login' },
				{ halo: 'phonenumber', okta: 'profile.primaryPhone' },
				{ halo: 'mobilenumber', okta: 'profile.mobilePhone' },
				{ halo: 'title', okta: 'profile.title', dontUpdate: true },
				{ halo: 'oktaid', okta: 'id' },
				{ halo: 'department', okta: 'profile.department', populateEmpty: true },
			],
			siteRules: [
				{
					group: 'Office - London',
					siteId: S.sites.branchOffice,
					userRoleId: S.userRoles.approver,
				},
				{ appId, siteId: S.sites.remoteWorkers },
				{
					siteId: S.sites.headOffice,
					statuses: ['ACTIVE', 'PASSWORD_EXPIRED'],
					filters: [
						{ field: 'profile.userType', op: 'eq', value: 'Employee' },
						{ field: 'profile.department', op: 'in', value: ['Engineering', 'IT', 'Sales'] },
					],
					newUsersOnly: true,
				},
			],
			unmatched: 'skip',
			matchOn: ['oktaid', 'emailaddress'],
		},
		agent: {
			fields: [
				{ halo: 'firstname', okta: 'profile.firstName' },
				{ halo: 'surname', okta: 'profile.lastName' },
				{ halo: 'name', okta: 'profile.displayName' },
				{ halo: 'email', okta: 'profile.email' },
				{ halo: 'jobtitle', okta: 'profile.title' },
				{ halo: 'sms', okta: 'profile.mobilePhone' },
				{ halo: 'oktaid', okta: 'id' },
				{ halo: 'team', okta: 'profile.department' },
			],
			matchOn: ['email'],
		},
		roleMappings: [
			{ group: 'Service Desk Agents', agentRoleId: S.agentRoles.technician },
			{ group: 'Change Advisory Board', cabId: S.cabs.changeBoard },
			{ group: 'Managers', userRoleId: S.userRoles.approver },
			{ group: 'Finance', userRoleId: S.userRoles.approver },
		],
		onboarding: {
			ticketTypeId: S.ticketTypes.onboarding,
			templateId: S.templates.newStarter,
			fields: [{ halo: 'category_1', okta: 'okta.profile.department' }],
		},
	};
}
