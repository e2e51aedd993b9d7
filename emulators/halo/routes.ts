/** Registers Halo's endpoints on the HTTP core; paths match case-insensitively, as IIS does. */
import type { EmulatorRequest, EmulatorServer } from '../server';
import { getControlHandler, saveControlHandler } from './control';
import { authInfo, type TokenIssuer } from './auth';
import { deleteHandler, getHandler, listHandler, saveHandler, type CrudOptions } from './crud';
import { agentDef, ENTITIES } from './entities';
import { listCabMembers } from './entities/cab';
import type { HaloStore } from './store';

export interface RouteContext {
	server: EmulatorServer;
	store: HaloStore;
	tokens: TokenIssuer;
	authPath: string;
	tenant?: string;
	crud: CrudOptions;
}

export function registerRoutes({
	server,
	store,
	tokens,
	authPath,
	tenant,
	crud,
}: RouteContext): void {
	server.route('POST', `${authPath}/token`, (req) => tokens.handleTokenRequest(req));
	server.route('GET', '/api/authinfo', () => authInfo(server.url, authPath, tenant));
	server.route('GET', '/api/Agent/me', (req) => {
		const me = store.agents.get(store.apiAgentId);
		return me
			? { status: 200, body: agentDef.view!(me, req.query, 'one') }
			: { status: 404, body: { Message: 'No agent for this application' } };
	});
	const control = () => store.control;
	const scopeOf = (req: EmulatorRequest) => tokens.scopeOf(req);
	server.route('GET', '/api/Control', getControlHandler(control, scopeOf));
	server.route('POST', '/api/Control', saveControlHandler(control, scopeOf, crud.validateBodies));
	server.route('GET', '/api/CABMember', () => ({ status: 200, body: listCabMembers(store) }));
	for (const def of ENTITIES) {
		const base = `/api/${def.path}`;
		server.route('GET', base, listHandler(def, store));
		server.route('POST', base, saveHandler(def, store, crud));
		server.route('GET', `${base}/:id`, getHandler(def, store));
		server.route('DELETE', `${base}/:id`, deleteHandler(def, store));
	}
}
