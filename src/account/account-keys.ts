// What idb-keyval holds beside the session: some keys are the device's own
// (its id, the chosen language, notices dismissed, whether persistent storage
// was asked for), the rest belongs to whoever was signed in (the session, an
// organisation's retention setting). Leaving the device removes the rest.
import { delMany, keys, type UseStore } from 'idb-keyval';

/** Keys that name nothing of an organisation or a person and outlive a sign-out. Any other key goes. */
export const DEVICE_KEYS: ReadonlySet<string> = new Set([
  'talka:device-id', // src/db/device.ts
  'talka:language', // src/i18n/index.ts
  'talka:persistence-asked', // src/pwa/storage.ts, src/ui/device/use-device-notice.ts
  'talka:space-warning-dismissed', // src/ui/device/use-device-notice.ts
  'talka:persist-notice-dismissed', // src/ui/device/use-device-notice.ts
  'talka:persist-notice-shown', // src/ui/device/use-device-notice.ts
  'talka:install-hint-dismissed', // src/pwa/install-hint.ts
]);

/** Removes every idb-keyval key but the device's own; `store` for tests (idb-keyval's default store otherwise). */
export async function forgetAccountKeys(store?: UseStore): Promise<void> {
  const all = await keys(store);
  const leaving = all.filter((key) => typeof key !== 'string' || !DEVICE_KEYS.has(key));
  if (leaving.length > 0) await delMany(leaving, store);
}

