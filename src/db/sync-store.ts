// The database side of sync: each function is one transaction, so a cursor
// never moves ahead of the data it stands for and an acknowledgement never
// removes a change it does not name.
import * as v from 'valibot';
import { liveQuery, type Table } from 'dexie';
import {
  PATCH_SCHEMAS, TABLES, applyServerState, compareHlc, formatHlc, initialClock, isTableName, parseHlc, receive,
  type Clocks, type FieldState, type Fields, type Hlc, type Mutation, type PulledRecord, type Rejection, type TableName,
} from '../../protocol';
import type { OutboxEntry, TalkaDatabase } from './database';

const CURSOR_KEY = 'cursor';
const CLOCK_KEY = 'clock';
const LAST_SYNC_KEY = 'lastSyncAt';
/** Meta keys `held:<recordId>`: a pulled server state this device could not take yet (see takeHeldServerStates). */
const HELD_PREFIX = 'held:';

interface HeldServerState {
  table: string;
  fields: Fields;
  clocks: Clocks;
}

type Row = Record<string, unknown> & { id: string; clocks?: Clocks };

export interface PushBatchOptions {
  maxCount: number;
  maxBytes: number;
  /** Only changes written by these authors are sent (never another user's). */
  authors: ReadonlySet<string>;
  /** Start after this outbox position (the previous batch's `last`); from the oldest change when left out. */
  after?: number;
}

export interface PushBatch {
  mutations: Mutation[];
  /** Outbox positions of `mutations`, in the same order: settlePush removes by these. */
  seqs: number[];
  /** The last outbox position read (skipped changes included): where the next batch starts. */
  last: number;
}

/** How many outbox entries one read fetches (IndexedDB getAll: one request, not one cursor step per entry). */
const READ_CHUNK = 500;

/** The next changes to send, oldest first, leaving out refused ones and other users'; each is a wire mutation. */
export async function takePushBatch(db: TalkaDatabase, options: PushBatchOptions): Promise<PushBatch> {
  const batch: PushBatch = { mutations: [], seqs: [], last: options.after ?? -Infinity };
  let bytes = 0;
  for (;;) {
    const chunk = await db.outbox.where('seq').above(batch.last).limit(Math.min(READ_CHUNK, options.maxCount - batch.mutations.length)).toArray();
    if (chunk.length === 0) return batch;
    for (const entry of chunk) {
      if (entry.rejection || (entry.author !== undefined && !options.authors.has(entry.author))) {
        batch.last = entry.seq!;
        continue;
      }
      const mutation = toMutation(entry);
      const size = JSON.stringify(mutation).length;
      if (batch.mutations.length > 0 && bytes + size > options.maxBytes) return batch;
      batch.mutations.push(mutation);
      batch.seqs.push(entry.seq!);
      batch.last = entry.seq!;
      bytes += size;
      if (batch.mutations.length >= options.maxCount) return batch;
    }
  }
}

function toMutation(entry: OutboxEntry): Mutation {
  return { id: entry.id, table: entry.table, recordId: entry.recordId, op: entry.op, fields: entry.fields, base: entry.base, hlc: entry.hlc };
}

/** A pull cursor the push lets this device skip to, from the one it sent (protocol/messages.ts pulledThrough). */
export interface CursorMove {
  from: string | null;
  to: string;
}

/**
 * Removes acknowledged changes and marks refused ones, in one transaction,
 * and takes the held server values whose unsent changes are now settled.
 * With `sentSeqs` (the batch's outbox positions) the acknowledged entries are
 * found by key, and a batch acknowledged whole goes in one range delete; an
 * entry folded into since it was sent has a new id and stays.
 */
export async function settlePush(
  db: TalkaDatabase, acked: readonly string[], rejected: readonly Rejection[], sentSeqs?: readonly number[], cursorMove?: CursorMove,
): Promise<void> {
  const holding = (await db.meta.where('key').startsWith(HELD_PREFIX).count()) > 0;
  const scope = holding ? [db.outbox, db.meta, ...TABLES.map((table) => db.table(table))] : cursorMove ? [db.outbox, db.meta] : [db.outbox];
  await db.transaction('rw', scope, async () => {
    // The server says everything up to `to` is what this device holds: no need to pull it back.
    if (cursorMove && (await loadCursor(db)) === cursorMove.from) await db.meta.put({ key: CURSOR_KEY, value: cursorMove.to });
    if (acked.length > 0) {
      if (sentSeqs && sentSeqs.length > 0) await removeAcknowledged(db, new Set(acked), sentSeqs);
      // Keys first, then one bulk delete: a collection delete over a secondary index walks entry by entry.
      else await db.outbox.bulkDelete(await db.outbox.where('id').anyOf([...acked]).primaryKeys());
    }
    for (const rejection of rejected) {
      await db.outbox.where('id').equals(rejection.id).modify({ rejection: { code: rejection.code, message: rejection.message } });
    }
    if (holding) await takeHeldServerStates(db);
  });
}

async function removeAcknowledged(db: TalkaDatabase, acked: ReadonlySet<string>, sentSeqs: readonly number[]): Promise<void> {
  let low = Infinity;
  let high = -Infinity;
  for (const seq of sentSeqs) {
    if (seq < low) low = seq;
    if (seq > high) high = seq;
  }
  const range = () => db.outbox.where('seq').between(low, high, true, true);
  const current = await range().toArray();
  if (current.every((entry) => acked.has(entry.id))) await range().delete();
  else await db.outbox.bulkDelete(current.filter((entry) => acked.has(entry.id)).map((entry) => entry.seq!));
}

/**
 * A pull keeps the local value of a field with an unsent change. When the
 * server's clock for that field is already later, that change will lose when
 * it is pushed, and a push that changes nothing on the server gives the
 * device no reason to pull the record again: it would show its own value for
 * good while everyone else shows the winner (found by
 * tests/integration/convergence.property.test.ts). So the pull holds the
 * server's state back (applyPullPage), and once the field has no unsent
 * change left, the device takes the server's value of each field whose clock
 * is still later than its own; a field edited again since has a later clock
 * and stays. Taking the server's value at pull time instead would take an
 * unsent value off the screen, and an edit made over it would fold it away
 * unsent (notebook.ts), never reaching the server's conflicts.
 */
async function takeHeldServerStates(db: TalkaDatabase): Promise<void> {
  const entries = await db.meta.where('key').startsWith(HELD_PREFIX).toArray();
  for (const entry of entries) {
    const recordId = entry.key.slice(HELD_PREFIX.length);
    const held = entry.value as HeldServerState;
    const local = isTableName(held.table) ? ((await db.table(held.table).get(recordId)) as Row | undefined) : undefined;
    if (!local) {
      await db.meta.delete(entry.key);
      continue;
    }
    const localState = { values: withoutBookkeeping(local), clocks: local.clocks ?? {} };
    const later = laterFields(localState, { values: held.fields, clocks: held.clocks });
    const pending = (await pendingFieldsOf(db, [recordId])).get(recordId) ?? new Set<string>();
    const merged = applyServerState(localState, later, pending);
    if (!sameClocks(localState.clocks, merged.clocks)) await db.table(held.table).put({ ...merged.values, id: recordId, clocks: merged.clocks });
    if (!Object.keys(later.values).some((field) => pending.has(field))) await db.meta.delete(entry.key);
  }
}

/** The fields of `server` whose clock is later than the local one. */
function laterFields(local: FieldState | null, server: FieldState): FieldState {
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

export async function loadCursor(db: TalkaDatabase): Promise<string | null> {
  const entry = await db.meta.get(CURSOR_KEY);
  return typeof entry?.value === 'string' ? entry.value : null;
}

export async function loadLastSync(db: TalkaDatabase): Promise<number | null> {
  const entry = await db.meta.get(LAST_SYNC_KEY);
  return typeof entry?.value === 'number' ? entry.value : null;
}

export async function saveLastSync(db: TalkaDatabase, at: number): Promise<void> {
  await db.meta.put({ key: LAST_SYNC_KEY, value: at });
}

/**
 * Applies one pulled page and moves the cursor, in one transaction: the
 * server's state taken field by field, except fields this device changed and
 * has not had acknowledged; the device clock moved past every clock seen.
 * Returns how many changes were applied (malformed ones are skipped).
 */
export async function applyPullPage(db: TalkaDatabase, deviceId: string, changes: readonly PulledRecord[], cursor: string, now: number): Promise<number> {
  const tables = TABLES.map((table) => db.table(table));
  let applied = 0;
  await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    const pending = await pendingFieldsOf(db, changes.map((change) => change.recordId));
    const savedClock = await db.meta.get(CLOCK_KEY);
    let clock = (typeof savedClock?.value === 'string' ? parseHlc(savedClock.value) : null) ?? initialClock(deviceId);
    clock = { ...clock, deviceId };
    const held: { key: string; value: HeldServerState }[] = [];
    const released: string[] = [];
    // A record's fields mostly share one clock: each distinct clock moves the device clock once.
    const seenClocks = new Set<string>();
    // One bulk read and one bulk write per table: a page of thousands applies in one pass, not one await per record.
    for (const [table, group] of groupByTable(changes)) {
      const rows: Table<Row, string> = db.table(table);
      const locals = await readExisting(rows, group.map((change) => change.recordId));
      const writes: Row[] = [];
      group.forEach((change, index) => {
        const { id: _ignored, ...fields } = change.fields;
        if (!v.safeParse(PATCH_SCHEMAS[table], fields).success) return;
        const local = locals[index];
        const localState = local ? { values: withoutBookkeeping(local), clocks: local.clocks ?? {} } : null;
        const serverState = { values: fields, clocks: change.clocks };
        const pendingHere = pending.get(change.recordId) ?? new Set<string>();
        const merged = applyServerState(localState, serverState, pendingHere);
        if (pendingHere.size > 0) {
          // An unsent value kept here that the server's later one will beat: held until the push settles (takeHeldServerStates).
          const losing = Object.keys(laterFields(localState, serverState).values).some((field) => pendingHere.has(field));
          if (losing) held.push({ key: HELD_PREFIX + change.recordId, value: { table, fields, clocks: change.clocks } satisfies HeldServerState });
          else released.push(HELD_PREFIX + change.recordId);
        }
        for (const seen of Object.values(change.clocks)) {
          if (seenClocks.has(seen)) continue;
          seenClocks.add(seen);
          clock = receive(clock, seen, now);
        }
        applied++;
        // The device's own pushed records come back unchanged: nothing to write.
        if (local && sameClocks(local.clocks ?? {}, merged.clocks)) return;
        writes.push({ ...merged.values, id: change.recordId, clocks: merged.clocks });
      });
      if (writes.length > 0) await rows.bulkPut(writes);
    }
    if (held.length > 0) await db.meta.bulkPut(held);
    if (released.length > 0) await db.meta.bulkDelete(released);
    await db.meta.put({ key: CLOCK_KEY, value: formatHlc(clock) });
    await db.meta.put({ key: CURSOR_KEY, value: cursor });
  });
  return applied;
}

/**
 * The stored rows with these ids, in their order (undefined where none). The
 * keys present in the page's id range come first, in one request: onto a
 * fresh device (or a table that lacks them) no row is read one by one.
 */
async function readExisting(rows: Table<Row, string>, ids: readonly string[]): Promise<(Row | undefined)[]> {
  if (ids.length === 0) return [];
  let low = ids[0]!;
  let high = ids[0]!;
  for (const id of ids) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  const present = new Set(await rows.where(':id').between(low, high, true, true).primaryKeys());
  const found = await rows.bulkGet(ids.filter((id) => present.has(id)));
  const byId = new Map(found.flatMap((row) => (row ? [[row.id, row] as const] : [])));
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

function sameClocks(a: Clocks, b: Clocks): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}

function withoutBookkeeping(row: Row): Record<string, unknown> {
  const { id: _id, clocks: _clocks, ...values } = row;
  return values;
}

async function pendingFieldsOf(db: TalkaDatabase, recordIds: readonly string[]): Promise<Map<string, Set<string>>> {
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

/**
 * After the server lost history (restored from a backup), queue every record
 * this device holds again, one mutation per distinct field clock, and start
 * pulling from the beginning. The server merges by clock, so what it still
 * has is untouched and what it lost comes back.
 */
export async function requeueEverything(db: TalkaDatabase, newId: () => string, author: string): Promise<number> {
  const tables = TABLES.filter((table) => table !== 'conflicts').map((table) => db.table(table));
  let queued = 0;
  await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    for (const table of tables) {
      await (table as Table<Row, string>).each(async (row) => {
        const byClock = new Map<Hlc, Record<string, unknown>>();
        for (const [field, clock] of Object.entries(row.clocks ?? {})) {
          const fields = byClock.get(clock) ?? {};
          fields[field] = row[field];
          byClock.set(clock, fields);
        }
        for (const [hlc, fields] of [...byClock].sort(([a], [b]) => (a < b ? -1 : 1))) {
          await db.outbox.add({ id: newId(), table: table.name, recordId: row.id, op: 'put', fields, base: {}, hlc, author });
          queued++;
        }
      });
    }
    await db.meta.delete(CURSOR_KEY);
  });
  return queued;
}

/** Calls back with the number of changes waiting whenever the outbox changes, in any tab. */
export function watchOutbox(db: TalkaDatabase, onCount: (count: number) => void): () => void {
  const subscription = liveQuery(() => db.outbox.count()).subscribe({ next: onCount, error: () => {} });
  return () => subscription.unsubscribe();
}

/** Sends a refused change again (after whatever made the server refuse it was put right). */
export async function retryChange(db: TalkaDatabase, entryId: string): Promise<void> {
  await db.outbox.where('id').equals(entryId).modify((entry) => {
    delete entry.rejection;
  });
}

/**
 * Drops a refused change. A record the server never accepted is removed from
 * this device; otherwise the next sync pulls from the start, so the server's
 * values replace what was refused.
 */
export async function discardChange(db: TalkaDatabase, entryId: string): Promise<void> {
  const tables = TABLES.map((table) => db.table(table));
  await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    const entry = await db.outbox.where('id').equals(entryId).first();
    if (!entry) return;
    await db.outbox.where('id').equals(entryId).delete();
    const wasCreate = Object.values(entry.base).every((clock) => clock === null) && 'createdAt' in entry.fields;
    const othersForRecord = await db.outbox.where('recordId').equals(entry.recordId).count();
    if (wasCreate && othersForRecord === 0 && isTableName(entry.table)) {
      await db.table(entry.table).delete(entry.recordId);
    } else {
      await db.meta.delete(CURSOR_KEY);
    }
  });
}
