// Signing in on a device: the device holds one person's data at a time — one
// organisation's, as one user's session pulled it, with that user's unsent
// changes. Data of another organisation, or of another user of the same one,
// is removed first: only after the person agreed, told how many unsent
// changes that loses. The same user signing in again (a token that expired
// while offline) finds everything as it was.
import type { SessionResponse } from '../../protocol';
import {
  countChangesByOthers, countLocalRecords, countPending, loadDataOwner, loadDataUser, setDataOwner,
  setDataUser, type TalkaDatabase,
} from '../db';
import { saveSession } from './session';
import { emptyDevice } from './sign-out';

export interface ForeignData {
  /** Whose data it is: another organisation's, or another user's of the same organisation. */
  kind: 'organisation' | 'user';
  records: number;
  /** Changes never sent to the server: lost if the data is removed. */
  pending: number;
}

/**
 * What this device holds of someone other than the person signing in, or
 * null when nothing stands in the way. Data typed before anyone signed in has
 * no owner yet and becomes the signing-in person's. A device that adopted its
 * data before the user was kept knows only the organisation: there another
 * user's unsent changes give them away.
 */
/** `deviceId` authors what was typed on this device before anyone signed in. */
export async function findForeignData(db: TalkaDatabase, response: SessionResponse, deviceId: string): Promise<ForeignData | null> {
  const [owner, user] = await Promise.all([loadDataOwner(db), loadDataUser(db)]);
  const kind = await foreignKind(db, response, deviceId, owner, user);
  if (kind === null) return null;
  const [records, pending] = await Promise.all([countLocalRecords(db), countPending(db)]);
  if (records === 0 && pending === 0) return null;
  return { kind, records, pending };
}

async function foreignKind(db: TalkaDatabase, response: SessionResponse, deviceId: string, owner: string | null, user: string | null): Promise<ForeignData['kind'] | null> {
  if (owner !== null && owner !== response.organisation.id) return 'organisation';
  if (user !== null) return user === response.user.id ? null : 'user';
  const others = await countChangesByOthers(db, new Set([response.user.id, deviceId]));
  return others > 0 ? 'user' : null;
}

/**
 * Makes `response` the device's session, emptying the device first when asked
 * to — and always when the device was last someone else's, though it holds
 * no record of theirs: their pull cursor and scope must not become this
 * person's.
 */
export async function adoptSession(db: TalkaDatabase, response: SessionResponse, clearFirst: boolean): Promise<void> {
  const [owner, user] = await Promise.all([loadDataOwner(db), loadDataUser(db)]);
  const someoneElses = (owner !== null && owner !== response.organisation.id) || (user !== null && user !== response.user.id);
  if (clearFirst || someoneElses) await emptyDevice(db);
  await setDataOwner(db, response.organisation.id);
  await setDataUser(db, response.user.id);
  await saveSession(response);
}
