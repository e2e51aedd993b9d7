export { HaloClient } from './HaloClient';
export type {
	HaloClientOptions,
	HaloQuery,
	HaloRecord,
	RecordedWrite,
	RequestStats,
	SaveOptions,
	SaveOutcome,
} from './HaloClient';
export { HaloApiError } from './HaloApiError';
export { HaloConnectionError } from './HaloConnectionError';
export type { HaloEntity } from './entities';
export { PAGED_ENTITIES, alignSaved, chunk, unwrapList } from './entities';
export { haloBodyMessage, haloErrorSentence, statusText } from './errorMessage';
export {
	authUrlFromInfo,
	haloBaseUrl,
	haloBearerRequestFn,
	requestHaloToken,
	resolveAuthUrl,
	tokenRequest,
} from './auth';
export type { HaloAuthSettings, HaloToken } from './auth';
export { UpsertGuardError } from './UpsertGuardError';
export { runUpsert } from './upsert';
export type { UpsertInput, UpsertOptions, UpsertOutcome, UpsertRun, UpsertSummary } from './upsert';
