// Leaving a device: signing out, or "clear this device". The organisation's
// data leaves with the person — records, conflicts, the outbox, photos'
// images, the meta state, cached API answers and the idb-keyval keys of the
// account — and the session goes too, so a signed-out device holds nothing of
// anyone. The screens first try to sync and, when changes remain unsent, say
// how many and offer a backup before calling this (src/ui/account/SignOutDialog.tsx).
import { clearLocalData, type TalkaDatabase } from '../db';
import { forgetCachedData } from '../pwa/cached-data';
import { whileNotSyncing } from '../pwa/sync-lock';
import type { AccountApi } from './account-api';
import { forgetAccountKeys } from './account-keys';
import { clearSession, session } from './session';

export interface LeaveOptions {
  /** Revokes the token on the server; absent (or failing: offline, token gone) the device is emptied all the same. */
  api?: Pick<AccountApi, 'logout'>;
  /** Cache Storage to clean (the browser's unless given; null: none). */
  caches?: CacheStorage | null;
}

/**
 * Ends the session and empties the device. The session goes first, so the
 * sync runtime stops starting syncs; the emptying then waits for a sync in
 * flight to finish (the sync lock), so no pulled page lands after it.
 */
export async function leaveDevice(db: TalkaDatabase, options: LeaveOptions = {}): Promise<void> {
  if (options.api && session.value) {
    try {
      await options.api.logout();
    } catch {
      // Offline or the token is already gone: the session ends on this device all the same.
    }
  }
  await clearSession();
  await emptyDevice(db, options.caches);
}

/**
 * Removes everything of the organisation and the account from the device,
 * the session's key included, once no sync is running (the device's own
 * facts stay: its id, clock and language).
 */
export async function emptyDevice(db: TalkaDatabase, caches?: CacheStorage | null): Promise<void> {
  await whileNotSyncing(async () => {
    await clearLocalData(db);
    await forgetCachedData(caches);
    await forgetAccountKeys();
  });
}
