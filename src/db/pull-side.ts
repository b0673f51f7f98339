// The pull's side of sync: a page of the server's records applied in one
// transaction with the cursor that follows it, so the cursor never moves
// ahead of the data it stands for.
import * as v from 'valibot';
import { PATCH_SCHEMAS, TABLES, applyServerState, isErasure, isTableName, type PulledRecord, type TableName } from '../../protocol';
import type { MetaEntry, TalkaDatabase } from './database';
import { forgetUnsentPersonalData } from './erasure';
import { heldEntry, heldKey, laterFields, pendingFieldsOf, sameClocks } from './held-states';
import { advanceDeviceClock, saveCursor } from './meta';
import { asRecordRow, recordRows, rowState, stateRow, type RecordRow } from './record-rows';

/**
 * Applies one pulled page and moves the cursor, in one transaction: the
 * server's state taken field by field, except fields this device changed and
 * has not had acknowledged (held-states.ts); the device clock moved past
 * every clock seen. Returns how many changes were applied (malformed ones are
 * skipped).
 */
export async function applyPullPage(db: TalkaDatabase, deviceId: string, changes: readonly PulledRecord[], cursor: string, now: number): Promise<number> {
  const tables = TABLES.map((table) => db.table(table));
  let applied = 0;
  await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    // An erasure made elsewhere also takes the person's data out of this device's unsent changes (the server would refuse them).
    const erased = changes.filter((change) => isErasure(change.table, change.fields)).map((change) => change.recordId);
    await forgetUnsentPersonalData(db, erased);
    const pending = await pendingFieldsOf(db, changes.map((change) => change.recordId));
    const held: MetaEntry[] = [];
    const released: string[] = [];
    const seenClocks = new Set<string>();
    // One bulk read and one bulk write per table: a page of thousands applies in one pass, not one await per record.
    for (const [table, group] of groupByTable(changes)) {
      const rows = recordRows(db, table);
      const locals = await readExisting(db, table, group.map((change) => change.recordId));
      const writes: RecordRow[] = [];
      group.forEach((change, index) => {
        const { id: _ignored, ...fields } = change.fields;
        if (!v.safeParse(PATCH_SCHEMAS[table], fields).success) return;
        const local = locals[index];
        const localState = local ? rowState(local) : null;
        const serverState = { values: fields, clocks: change.clocks };
        const pendingHere = pending.get(change.recordId) ?? new Set<string>();
        const merged = applyServerState(localState, serverState, pendingHere);
        if (pendingHere.size > 0) {
          // An unsent value kept here that the server's later one will beat: held until the push settles.
          const losing = Object.keys(laterFields(localState, serverState).values).some((field) => pendingHere.has(field));
          if (losing) held.push(heldEntry(table, change.recordId, serverState));
          else released.push(heldKey(change.recordId));
        }
        for (const seen of Object.values(change.clocks)) seenClocks.add(seen);
        applied++;
        // The device's own pushed records come back unchanged: nothing to write.
        if (local && sameClocks(local.clocks, merged.clocks)) return;
        writes.push(stateRow(change.recordId, merged));
      });
      if (writes.length > 0) await rows.bulkPut(writes);
    }
    if (held.length > 0) await db.meta.bulkPut(held);
    if (released.length > 0) await db.meta.bulkDelete(released);
    await advanceDeviceClock(db, deviceId, seenClocks, now);
    await saveCursor(db, cursor);
  });
  return applied;
}

/**
 * The stored rows with these ids, in their order (undefined where none). The
 * keys present in the page's id range come first, in one request: onto a
 * fresh device (or a table that lacks them) no row is read one by one.
 */
async function readExisting(db: TalkaDatabase, table: TableName, ids: readonly string[]): Promise<(RecordRow | undefined)[]> {
  const [first] = ids;
  if (first === undefined) return [];
  let low = first;
  let high = first;
  for (const id of ids) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  const rows = recordRows(db, table);
  const present = new Set(await rows.where(':id').between(low, high, true, true).primaryKeys());
  const found = await rows.bulkGet(ids.filter((id) => present.has(id)));
  const byId = new Map<string, RecordRow>();
  for (const value of found) {
    const row = asRecordRow(value);
    if (row) byId.set(row.id, row);
  }
  return ids.map((id) => byId.get(id));
}

function groupByTable(changes: readonly PulledRecord[]): Map<TableName, PulledRecord[]> {
  const groups = new Map<TableName, PulledRecord[]>();
  for (const change of changes) {
    if (!isTableName(change.table)) continue;
    const group = groups.get(change.table) ?? [];
    group.push(change);
    groups.set(change.table, group);
  }
  return groups;
}
