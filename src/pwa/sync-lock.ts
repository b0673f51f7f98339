// The one lock the sync engine runs under (one tab syncs at a time). Work
// that must not interleave with a sync, such as emptying the device at
// sign-out, waits for it here, and the engine's next attempt finds it taken.

export const SYNC_LOCK = 'talka-sync';

/** Runs `task` once no sync is running in any tab, holding the sync lock; straight away where there are no Web Locks. */
export async function whileNotSyncing<T>(task: () => Promise<T>, name = SYNC_LOCK): Promise<T> {
  // Typed as always there, but absent in older browsers (and null in happy-dom).
  const locks = typeof navigator === 'undefined' ? undefined : (navigator.locks as LockManager | null | undefined);
  if (!locks) return task();
  return locks.request(name, () => task());
}
