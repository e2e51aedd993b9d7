/** Every entity the emulator serves, in the order seeds are loaded (references first). */
import { ticketDef } from '../tickets';
import { agentDef } from './agents';
import { cabDef } from './cab';
import { departmentDef } from './departments';
import type { EntityDef, Row } from './entity';
import {
	agentRoleDef,
	clientDef,
	siteDef,
	teamDef,
	templateDef,
	ticketTypeDef,
	userRoleDef,
} from './reference';
import { userDef } from './users';

export {
	agentDef,
	agentRoleDef,
	cabDef,
	clientDef,
	departmentDef,
	siteDef,
	teamDef,
	templateDef,
	ticketDef,
	ticketTypeDef,
	userDef,
	userRoleDef,
};

export const ENTITIES: ReadonlyArray<EntityDef<Row>> = [
	departmentDef,
	clientDef,
	siteDef,
	teamDef,
	agentRoleDef,
	userRoleDef,
	ticketTypeDef,
	templateDef,
	agentDef,
	userDef,
	cabDef,
	ticketDef,
] as unknown as ReadonlyArray<EntityDef<Row>>;
