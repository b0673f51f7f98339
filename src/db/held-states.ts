// A pull keeps the local value of a field with an unsent change. When the
// server's clock for that field is already later, that change will lose when
// it is pushed, and a push that changes nothing on the server gives the device
// no reason to pull the record again: it would show its own value for good
// while everyone else shows the winner (found by the convergence property
// test). So the pull holds the server's state back here (`held:<recordId>` in
// meta), and once the field has no unsent change left (a push settled), the
// device takes the server's value of each field whose clock is still later
// than its own; a field edited again since has a later clock and stays.
// Taking the server's value at pull time instead would take an unsent value
// off the screen, and an edit made over it would fold it away unsent
// (notebook.ts), never reaching the server's conflicts.
import * as v from 'valibot';
import { applyServerState, compareHlc, isHlc, isTableName, type FieldState, type TableName } from '../../protocol';
import type { MetaEntry, TalkaDatabase } from './database';
import { readRows, recordRows, rowState, stateRow } from './record-rows';

const HELD_PREFIX = 'held:';

const heldStateSchema = v.object({
  table: v.string(),
  fields: v.record(v.string(), v.unknown()),
  clocks: v.record(v.string(), v.pipe(v.string(), v.check(isHlc))),
});
type HeldState = v.InferOutput<typeof heldStateSchema>;

/** A pulled server state to hold back for `recordId`. */
export function heldEntry(table: TableName, recordId: string, server: FieldState): MetaEntry {
  const value: HeldState = { table, fields: server.values, clocks: server.clocks };
  return { key: HELD_PREFIX + recordId, value };
}

export function heldKey(recordId: string): string {
  return HELD_PREFIX + recordId;
}

/** Drops every held server state (the records they stand for are gone), except those of `keep`. */
export async function forgetHeldStates(db: TalkaDatabase, keep: ReadonlySet<string> = new Set()): Promise<void> {
  await db.meta.where('key').startsWith(HELD_PREFIX).filter((entry) => !keep.has(entry.key.slice(HELD_PREFIX.length))).delete();
}

export async function isHoldingAny(db: TalkaDatabase): Promise<boolean> {
  return (await db.meta.where('key').startsWith(HELD_PREFIX).count()) > 0;
}

/** The fields of `server` whose clock is later than the local one. */
export function laterFields(local: FieldState | null, server: FieldState): FieldState {
  const later: FieldState = { values: {}, clocks: {} };
  for (const [field, value] of Object.entries(server.values)) {
    const serverClock = server.clocks[field];
    const localClock = local?.clocks[field];
    if (serverClock === undefined || (localClock !== undefined && compareHlc(serverClock, localClock) <= 0)) continue;
    later.values[field] = value;
    later.clocks[field] = serverClock;
  }
  return later;
}

/** Per record, the fields this device changed and has not had acknowledged. */
export async function pendingFieldsOf(db: TalkaDatabase, recordIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const pending = new Map<string, Set<string>>();
  if (recordIds.length === 0) return pending;
  const entries = await db.outbox.where('recordId').anyOf([...new Set(recordIds)]).toArray();
  for (const entry of entries) {
    const fields = pending.get(entry.recordId) ?? new Set<string>();
    for (const field of Object.keys(entry.fields)) fields.add(field);
    pending.set(entry.recordId, fields);
  }
  return pending;
}

/** Takes the held server values whose unsent changes are now settled. Runs inside the settling transaction. */
export async function takeHeldServerStates(db: TalkaDatabase): Promise<void> {
  const entries = await db.meta.where('key').startsWith(HELD_PREFIX).toArray();
  for (const entry of entries) {
    const recordId = entry.key.slice(HELD_PREFIX.length);
    const held = v.safeParse(heldStateSchema, entry.value);
    const table = held.success && isTableName(held.output.table) ? held.output.table : null;
    const [local] = table ? await readRows(recordRows(db, table), [recordId]) : [];
    if (!held.success || !table || !local) {
      await db.meta.delete(entry.key);
      continue;
    }
    const localState = rowState(local);
    const later = laterFields(localState, { values: held.output.fields, clocks: held.output.clocks });
    const pending = (await pendingFieldsOf(db, [recordId])).get(recordId) ?? new Set<string>();
    const merged = applyServerState(localState, later, pending);
    if (!sameClocks(localState.clocks, merged.clocks)) await recordRows(db, table).put(stateRow(recordId, merged));
    if (!Object.keys(later.values).some((field) => pending.has(field))) await db.meta.delete(entry.key);
  }
}

export function sameClocks(a: FieldState['clocks'], b: FieldState['clocks']): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}
