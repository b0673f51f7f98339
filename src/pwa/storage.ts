// Persistent storage. Until the browser grants it, it may clear IndexedDB
// when the disk fills, unsent changes included; so the app asks once the
// device holds something worth keeping. Firefox asks the person, so asking
// on every start would nag: whether we asked is remembered in idb-keyval.
import { get, set } from 'idb-keyval';

export type StorageApi = Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;

export interface StorageState {
  /** Bytes used and available to this site; null when the browser does not say. */
  usage: number | null;
  quota: number | null;
  /** null when the browser has no persistence API (old browsers, plain http). */
  persisted: boolean | null;
}

export type PersistenceOutcome = 'unsupported' | 'already-asked' | 'already-persisted' | 'no-data' | 'granted' | 'denied';

const ASKED_KEY = 'talka:persistence-asked';

/** `navigator.storage` is missing outside secure contexts, whatever the DOM types say. */
function browserStorage(): StorageApi | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageApi | undefined);
}

export { browserStorage };

export async function readStorageState(storage: StorageApi | undefined = browserStorage()): Promise<StorageState> {
  if (!storage) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    storage.estimate?.().catch(() => null) ?? null,
    storage.persisted?.().catch(() => null) ?? null,
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/** Asks the browser now (the settings button); counts as the one time the app asks. */
export async function askForPersistentStorage(storage: StorageApi | undefined = browserStorage()): Promise<boolean> {
  if (!storage?.persist) return false;
  await set(ASKED_KEY, Date.now());
  return storage.persist().catch(() => false);
}

let inFlight: Promise<PersistenceOutcome> | null = null;

/**
 * Asks for persistent storage once in the device's life, and only when
 * `hasData` says the device holds something worth keeping. Cheap to call
 * often: calls that overlap share one answer, and later ones stop at the
 * remembered flag.
 */
export function requestPersistenceOnceThereIsData(hasData: () => Promise<boolean>, storage: StorageApi | undefined = browserStorage()): Promise<PersistenceOutcome> {
  inFlight ??= decideAndAsk(hasData, storage).finally(() => { inFlight = null; });
  return inFlight;
}

async function decideAndAsk(hasData: () => Promise<boolean>, storage: StorageApi | undefined): Promise<PersistenceOutcome> {
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  if (await get(ASKED_KEY)) return 'already-asked';
  if (await storage.persisted()) {
    await set(ASKED_KEY, Date.now());
    return 'already-persisted';
  }
  if (!(await hasData())) return 'no-data';
  return (await askForPersistentStorage(storage)) ? 'granted' : 'denied';
}
