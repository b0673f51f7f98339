// Asks for persistent storage once the device holds a community: tried at
// start and again whenever the communities change, i.e. right after the first
// community is written (src/pwa/storage.ts decides and remembers).
import { useEffect } from 'preact/hooks';
// Straight from the modules: the src/db index would bring the sync store into the first load.
import type { TalkaDatabase } from '../../db/database';
import { useLiveQuery } from '../../db/live';
import { listCommunities } from '../../db/queries';
import { browserStorage, requestPersistenceOnceThereIsData, type StorageApi } from '../../pwa/storage';

export function hasCommunities(db: TalkaDatabase): () => Promise<boolean> {
  return async () => (await listCommunities(db)).length > 0;
}

export function usePersistenceOnceThereIsData(db: TalkaDatabase | null | undefined, storage: StorageApi | undefined = browserStorage()): void {
  const hasData = useLiveQuery(async () => (db ? (await listCommunities(db)).length > 0 : false), [db]);
  useEffect(() => {
    if (db && hasData) void requestPersistenceOnceThereIsData(hasCommunities(db), storage);
  }, [db, hasData, storage]);
}
