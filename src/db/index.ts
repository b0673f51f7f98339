export { TalkaDatabase, type OutboxEntry, type Stored } from './database';
export { Notebook, type StoredRecord } from './notebook';
export { ValidationError, isQuotaError } from './errors';
export { useLiveQuery, useLiveQueryResult } from './live';
export { loadDeviceId } from './device';
export * from './queries';
export * from './sync-store';
export * from './device-owner';
