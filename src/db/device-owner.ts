// The organisation whose data this device holds. A device that changes hands
// between organisations is emptied first, so no one sees another's records.
import { TABLES } from '../../protocol';
import type { TalkaDatabase } from './database';

const OWNER_KEY = 'organisationId';

export async function loadDataOwner(db: TalkaDatabase): Promise<string | null> {
  const entry = await db.meta.get(OWNER_KEY);
  return typeof entry?.value === 'string' ? entry.value : null;
}

export async function setDataOwner(db: TalkaDatabase, organisationId: string): Promise<void> {
  await db.meta.put({ key: OWNER_KEY, value: organisationId });
}

/** Records held on this device, deleted ones included. */
export async function countLocalRecords(db: TalkaDatabase): Promise<number> {
  const counts = await Promise.all(TABLES.map((table) => db.table(table).count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

/** Empties every table (photos' images too) but keeps the device clock, so later edits still sort after earlier ones. */
export async function clearLocalData(db: TalkaDatabase): Promise<void> {
  const tables = [...TABLES.map((table) => db.table(table)), db.blobs, db.outbox, db.meta];
  await db.transaction('rw', tables, async () => {
    const clock = await db.meta.get('clock');
    await Promise.all(tables.map((table) => table.clear()));
    if (clock) await db.meta.put(clock);
  });
}
