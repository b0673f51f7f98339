// What this device holds, as a whole: counted before a device changes hands
// between organisations or users, and emptied (at sign-out too) so no one
// sees another's records.
import { TABLES } from '../../protocol';
import type { TalkaDatabase } from './database';
import { clearMetaKeepingClock } from './meta';

/** Records held on this device, deleted ones included. */
export async function countLocalRecords(db: TalkaDatabase): Promise<number> {
  const counts = await Promise.all(TABLES.map((table) => db.table(table).count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

/**
 * Empties every table (records, conflicts, the outbox, photos' images) and every meta entry but the device
 * clock, so later edits still sort after earlier ones; the clock names only the device.
 */
export async function clearLocalData(db: TalkaDatabase): Promise<void> {
  // Every table the database has, so one added later is emptied too.
  const tables = db.tables.filter((table) => table.name !== db.meta.name);
  await db.transaction('rw', [...tables, db.meta], async () => {
    await Promise.all([...tables.map((table) => table.clear()), clearMetaKeepingClock(db)]);
  });
}

/** Changes in the outbox written by someone other than `authors` (a user, and the device for what was typed before sign-in). */
export async function countChangesByOthers(db: TalkaDatabase, authors: ReadonlySet<string>): Promise<number> {
  return db.outbox.filter((entry) => entry.author !== undefined && !authors.has(entry.author)).count();
}
