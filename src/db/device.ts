// Settings that must outlive a database schema change live in idb-keyval,
// apart from the Dexie database.
import { get, set } from 'idb-keyval';

const DEVICE_ID_KEY = 'talka:device-id';

function makeDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** This device's id, made once and kept. */
export async function loadDeviceId(): Promise<string> {
  const saved = await get<unknown>(DEVICE_ID_KEY);
  if (typeof saved === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(saved)) return saved;
  const id = makeDeviceId();
  await set(DEVICE_ID_KEY, id);
  return id;
}
