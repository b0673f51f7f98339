// What this device holds, as a whole: counted before a device changes hands
// between organisations, and emptied so no one sees another's records.
import { TABLES } from '../../protocol';
import type { TalkaDatabase } from './database';
import { clearMetaKeepingClock } from './meta';

/** Records held on this device, deleted ones included. */
export async function countLocalRecords(db: TalkaDatabase): Promise<number> {
  const counts = await Promise.all(TABLES.map((table) => db.table(table).count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

/** Empties every table (photos' images too) but keeps the device clock, so later edits still sort after earlier ones. */
export async function clearLocalData(db: TalkaDatabase): Promise<void> {
  const tables = [...TABLES.map((table) => db.table(table)), db.blobs, db.outbox];
  await db.transaction('rw', [...tables, db.meta], async () => {
    await Promise.all([...tables.map((table) => table.clear()), clearMetaKeepingClock(db)]);
  });
}
