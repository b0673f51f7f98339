import { clear } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields } from '../../testing/fixtures';
import { Notebook, TalkaDatabase, countLocalRecords, countPending, loadDataOwner, loadDataUser, setDataOwner, setDataUser } from '../db';
import { loadCursor, saveCursor } from '../db/meta';
import { session } from './session';
import { adoptSession, findForeignData } from './session-adoption';

const DEVICE = 'tablet-A';
const ILZE = {
  token: 'tok-ilze',
  user: { id: 'user-ilze', name: 'Ilze Kalniņa', email: 'ilze@example.lv', role: 'facilitator' as const },
  organisation: { id: 'org-1', name: 'Vidzemes kopienu centrs' },
};
const MARIS = { ...ILZE, token: 'tok-maris', user: { ...ILZE.user, id: 'user-maris', name: 'Māris Liepa', email: 'maris@example.lv' } };
const OTHER_ORG = { ...ILZE, organisation: { id: 'org-2', name: 'Otra biedrība' } };

let db: TalkaDatabase;
beforeEach(() => {
  db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  session.value = null;
  db.close();
  await db.delete();
  await clear();
});

/** A community typed on the device by `author` (a user, or the device before anyone signed in). */
function typedBy(author: string): Promise<string> {
  return new Notebook({ db, deviceId: DEVICE, author: () => author }).create('communities', communityFields());
}

describe('findForeignData (whose data the device holds, at sign-in)', () => {
  it('the same user signing in again (a token that expired offline) finds everything theirs', async () => {
    await adoptSession(db, ILZE, false);
    await typedBy(ILZE.user.id);
    expect(await findForeignData(db, { ...ILZE, token: 'tok-new' }, DEVICE)).toBeNull();
  });

  it('another user of the same organisation meets the last one’s data, with their unsent changes counted', async () => {
    await adoptSession(db, ILZE, false);
    await typedBy(ILZE.user.id);
    expect(await findForeignData(db, MARIS, DEVICE)).toEqual({ kind: 'user', records: 1, pending: 1 });
  });

  it('another organisation’s data is foreign whoever signs in', async () => {
    await adoptSession(db, ILZE, false);
    await typedBy(ILZE.user.id);
    expect(await findForeignData(db, OTHER_ORG, DEVICE)).toEqual({ kind: 'organisation', records: 1, pending: 1 });
  });

  it('data typed before anyone signed in becomes the signing-in person’s', async () => {
    await typedBy(DEVICE);
    expect(await findForeignData(db, MARIS, DEVICE)).toBeNull();
  });

  it('a device that kept only the organisation: another user’s unsent changes give their data away', async () => {
    await setDataOwner(db, ILZE.organisation.id);
    await typedBy(ILZE.user.id);
    expect(await findForeignData(db, MARIS, DEVICE)).toEqual({ kind: 'user', records: 1, pending: 1 });
    expect(await findForeignData(db, ILZE, DEVICE)).toBeNull();
  });

  it('an empty device has nothing in the way', async () => {
    await setDataOwner(db, ILZE.organisation.id);
    await setDataUser(db, ILZE.user.id);
    expect(await findForeignData(db, MARIS, DEVICE)).toBeNull();
  });
});

describe('adoptSession', () => {
  it('forgets the last user’s pull cursor even when none of their records is left', async () => {
    await adoptSession(db, ILZE, false);
    await saveCursor(db, '1234');
    expect(await findForeignData(db, MARIS, DEVICE)).toBeNull();
    await adoptSession(db, MARIS, false);
    expect(await loadCursor(db)).toBeNull();
    expect(await loadDataUser(db)).toBe('user-maris');
  });

  it('keeps the cursor of the same user signing in again', async () => {
    await adoptSession(db, ILZE, false);
    await saveCursor(db, '1234');
    await adoptSession(db, { ...ILZE, token: 'tok-new' }, false);
    expect(await loadCursor(db)).toBe('1234');
  });

  it('empties the device when asked, then records the organisation and the user as the data’s owners', async () => {
    await adoptSession(db, ILZE, false);
    await typedBy(ILZE.user.id);
    await adoptSession(db, MARIS, true);
    expect(await countLocalRecords(db)).toBe(0);
    expect(await countPending(db)).toBe(0);
    expect(await loadDataOwner(db)).toBe('org-1');
    expect(await loadDataUser(db)).toBe('user-maris');
    expect(session.value?.user.id).toBe('user-maris');
  });
});
