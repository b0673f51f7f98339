// Signing out: the server forgets the token when it can be reached; the device
// forgets the session either way. Unsent changes stay in the outbox, marked
// with their author, and are sent when that person signs in again.
import type { AccountApi } from './account-api';
import { clearSession } from './session';

export async function signOut(api: AccountApi): Promise<void> {
  try {
    await api.logout();
  } catch {
    // Offline or the token is already gone: the session ends on this device all the same.
  }
  await clearSession();
}
