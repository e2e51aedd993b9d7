/**
 * `GET /api/Control` and `POST /api/Control`: Halo's one settings record, of
 * which the emulator keeps the fields of Halo's built-in Okta integration
 * (Details, Field Mappings, Site/Agent Mappings, Advanced, New User
 * Onboarding, Imports and Single Sign-On tabs) and the portal's base URL
 * (docs/halo-okta-settings.md). A POST takes an array of the swagger's
 * `Control` schema (unknown fields refused, as for every entity) and merges
 * the given fields into the record. Reading or writing it needs the admin
 * permission: a token whose scope has neither `all` nor `admin` is refused
 * with 403, as Halo refuses API applications without that permission.
 */
import type { EmulatorRequest, EmulatorResponse } from '../server';
import { haloError } from './errors';
import { validateHaloRequestBody } from './spec';

export type HaloControlRecord = Record<string, unknown>;

/** Control as a fresh Halo has it: the Okta integration unconfigured and off. */
export function defaultHaloControl(): HaloControlRecord {
	return {
		id: 1,
		portal_url: null,
		okta_url: null,
		okta_client_id: null,
		enableoktasinglesignon: false,
		oktasso: 0,
		oktaautoredirect: false,
		okta_single_logout: false,
		okta_deactivate_entities: false,
		okta_sitemappings: [],
		okta_usermappings: [],
		okta_agentmappings: [],
		okta_rolemappings: [],
		okta_cabmappings: [],
		okta_userrolemappings: [],
		okta_mappings_new_user: [],
		okta_active_statuses_list: [],
		okta_user_matching_list: [],
		okta_agent_matching_list: [],
		new_user_type: null,
		new_user_template: null,
		halointegrator_okta: false,
		halointegrator_okta_lastsync: null,
		halointegrator_okta_lasterror: null,
	};
}

/** Scopes that carry the admin permission Control needs. */
const ADMIN_SCOPES = ['all', 'admin'];

function refusal(scope: string | undefined): EmulatorResponse | undefined {
	const granted = (scope ?? '').split(/\s+/).filter(Boolean);
	if (granted.some((s) => ADMIN_SCOPES.includes(s.toLowerCase()))) return undefined;
	return haloError(403, 'Message', 'Authorization has been denied for this request.');
}

export function getControlHandler(
	control: () => HaloControlRecord,
	scopeOf: (req: EmulatorRequest) => string | undefined,
) {
	return (req: EmulatorRequest): EmulatorResponse =>
		refusal(scopeOf(req)) ?? { status: 200, body: structuredClone(control()) };
}

export function saveControlHandler(
	control: () => HaloControlRecord,
	scopeOf: (req: EmulatorRequest) => string | undefined,
	validateBodies: boolean,
) {
	return (req: EmulatorRequest): EmulatorResponse => {
		const refused = refusal(scopeOf(req));
		if (refused) return refused;
		const body = req.body;
		if (!Array.isArray(body) || body.length === 0) {
			return haloError(
				400,
				'ClassName',
				'The JSON value could not be converted to a list of Control. Path: $',
				'System.Text.Json.JsonException',
			);
		}
		if (validateBodies) {
			const issues = validateHaloRequestBody('Control', body);
			if (issues.length > 0) {
				const first = issues.find((i) => i.field) ?? issues[0];
				const message = first.field
					? `The JSON property '${first.field}' could not be mapped to any .NET member contained in type '${first.schema ?? 'Control'}'. Path: ${first.path}`
					: `The JSON value could not be converted to ${first.schema ?? 'Control'}. Path: ${first.path} (${first.message})`;
				return haloError(400, 'ClassName', message, 'System.Text.Json.JsonException');
			}
		}
		const record = control();
		for (const element of body as HaloControlRecord[]) {
			const { id: _ignored, ...fields } = element;
			Object.assign(record, structuredClone(fields));
		}
		return { status: 200, body: structuredClone(record) };
	};
}
