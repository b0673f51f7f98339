// What the server lets this device's user see changed (an assignment given
// or taken away): the device forgets every record it holds and pulls again
// from the start, so records of a community no longer assigned leave it and
// those of a new one arrive. A record with unsent changes stays as it is, and
// its changes in the outbox are still pushed (the server refuses, and the
// device shows, what is no longer theirs): the pull merges it as always.
import { TABLES } from '../../protocol';
import type { TalkaDatabase } from './database';
import { forgetHeldStates } from './held-states';
import { forgetCursor, loadScope, saveScope } from './meta';

/**
 * Takes the scope a pull reply named. Returns true when it differs from the one this device pulled
 * under: the records are gone then and the pull must start again from the beginning.
 */
export async function takeScope(db: TalkaDatabase, scope: string): Promise<boolean> {
  const tables = TABLES.map((table) => db.table(table));
  return db.transaction('rw', [...tables, db.meta, db.outbox], async () => {
    const known = await loadScope(db);
    if (known === scope) return false;
    await saveScope(db, scope);
    if (known === null) return false;
    const unsent = new Set((await db.outbox.orderBy('recordId').uniqueKeys()).map(String));
    await Promise.all(tables.map((table) => table.filter((row: { id: string }) => !unsent.has(row.id)).delete()));
    await forgetHeldStates(db, unsent);
    await forgetCursor(db);
    return true;
  });
}
