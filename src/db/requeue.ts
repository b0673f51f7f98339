// After the server lost history (restored from a backup, so this device's
// cursor is ahead of it), queue every record this device holds again, one
// mutation per distinct field clock, and pull from the beginning. The server
// merges by clock, so what it still has is untouched and what it lost comes back.
import { TABLES, type Fields, type Hlc } from '../../protocol';
import type { TalkaDatabase } from './database';
import { forgetCursor } from './meta';
import { asRecordRow, recordRows } from './record-rows';

export async function requeueEverything(db: TalkaDatabase, newId: () => string, author: string): Promise<number> {
  const tables = TABLES.filter((table) => table !== 'conflicts');
  let queued = 0;
  await db.transaction('rw', [...tables.map((table) => db.table(table)), db.outbox, db.meta], async () => {
    for (const table of tables) {
      await recordRows(db, table).each(async (value) => {
        const row = asRecordRow(value);
        if (!row) return;
        const byClock = new Map<Hlc, Fields>();
        for (const [field, clock] of Object.entries(row.clocks)) {
          const fields = byClock.get(clock) ?? {};
          fields[field] = row[field];
          byClock.set(clock, fields);
        }
        for (const [hlc, fields] of [...byClock].sort(([a], [b]) => (a < b ? -1 : 1))) {
          await db.outbox.add({ id: newId(), table, recordId: row.id, op: 'put', fields, base: {}, hlc, author });
          queued++;
        }
      });
    }
    await forgetCursor(db);
  });
  return queued;
}
