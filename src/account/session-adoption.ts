// Signing in on a device: the device holds one organisation's data at a time,
// so data of another organisation is removed first — only after the person
// agreed, and told how many unsent changes that loses.
import type { SessionResponse } from '../../protocol';
import { clearLocalData, countLocalRecords, countPending, loadDataOwner, setDataOwner, type TalkaDatabase } from '../db';
import { saveSession } from './session';

export interface ForeignData {
  records: number;
  /** Changes never sent to the server: lost if the data is removed. */
  pending: number;
}

/**
 * What this device holds of an organisation other than `organisationId`, or
 * null when nothing stands in the way. Data typed before anyone signed in has
 * no owner yet and becomes the signing-in organisation's.
 */
export async function findForeignData(db: TalkaDatabase, organisationId: string): Promise<ForeignData | null> {
  const owner = await loadDataOwner(db);
  if (owner === null || owner === organisationId) return null;
  const records = await countLocalRecords(db);
  if (records === 0) return null;
  return { records, pending: await countPending(db) };
}

/** Makes `response` the device's session, emptying the device first when asked to. */
export async function adoptSession(db: TalkaDatabase, response: SessionResponse, clearFirst: boolean): Promise<void> {
  if (clearFirst) await clearLocalData(db);
  await setDataOwner(db, response.organisation.id);
  await saveSession(response);
}

