import { clear, get, keys, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields } from '../../testing/fixtures';
import { Notebook, TalkaDatabase, loadDataOwner, setDataOwner, setDataUser } from '../db';
import { readSavedClock, saveCursor } from '../db/meta';
import { DEVICE_KEYS, forgetAccountKeys } from './account-keys';
import { loadSession, saveSession, session } from './session';
import { leaveDevice } from './sign-out';

const SESSION = {
  token: 'tok-1',
  user: { id: 'user-1', name: 'Ilze Kalniņa', email: 'ilze@example.lv', role: 'facilitator' as const },
  organisation: { id: 'org-1', name: 'Vidzemes kopienu centrs' },
};

let db: TalkaDatabase;
let notebook: Notebook;
beforeEach(async () => {
  db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
  notebook = new Notebook({ db, deviceId: 'tablet-A', author: () => SESSION.user.id });
  await saveSession(SESSION);
  await setDataOwner(db, SESSION.organisation.id);
  await setDataUser(db, SESSION.user.id);
});
afterEach(async () => {
  db.close();
  await db.delete();
  await clear();
});

/** Every row of every table of the device's database, by table. */
async function everyRow(): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of db.tables) rows[table.name] = await table.toArray();
  return rows;
}

describe('leaveDevice (signing out, clearing the device)', () => {
  it('removes every record, change, image and meta entry but the clock, the account keys and the session; the device keys stay', async () => {
    await notebook.create('communities', communityFields({ name: 'Raunas kopiena' }));
    await db.blobs.put({ sha256: 'a'.repeat(64), blob: new Blob(['x']), thumb: null, mime: 'image/jpeg', size: 1, state: 'local' });
    await saveCursor(db, '42');
    const clock = await readSavedClock(db);
    expect(clock).not.toBeNull();
    await set('talka:device-id', 'tablet-A-id');
    await set('talka:language', 'en');
    await set('talka:retention-months:org-1', 24);
    await set('talka:something-new', 'org-1');
    const revoked: string[] = [];

    await leaveDevice(db, { api: { logout: async () => { revoked.push(session.value?.token ?? 'none'); return { ok: true as const }; } }, caches: null });

    expect(revoked).toEqual(['tok-1']);
    expect(session.value).toBeNull();
    expect(await loadSession()).toBeNull();
    const rows = await everyRow();
    expect(rows.meta).toEqual([{ key: 'clock', value: clock }]);
    for (const [table, content] of Object.entries(rows)) if (table !== 'meta') expect(content, table).toEqual([]);
    expect(await loadDataOwner(db)).toBeNull();
    expect((await keys()).sort()).toEqual(['talka:device-id', 'talka:language']);
    expect(await get('talka:language')).toBe('en');
  });

  it('empties the device when the server cannot be reached to revoke the token', async () => {
    await notebook.create('communities', communityFields());
    await leaveDevice(db, { api: { logout: () => Promise.reject(new TypeError('Failed to fetch')) }, caches: null });
    expect(session.value).toBeNull();
    expect(await db.communities.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('forgetAccountKeys', () => {
  it('keeps exactly the device’s own keys', async () => {
    for (const key of DEVICE_KEYS) await set(key, 'kept');
    await set('talka:session', SESSION);
    await set('talka:retention-months:org-1', 12);
    await set(7, 'not ours either');
    await forgetAccountKeys();
    expect((await keys()).sort()).toEqual([...DEVICE_KEYS].sort());
  });
});
