// Runs in Chromium (bundled by db-bench.ts): times the app's own sync-store
// functions (takePushBatch, settlePush, applyPullPage) on a TalkaDatabase
// holding N needs, step by step, next to variants that batch their IndexedDB
// requests, so "where does the time go" has numbers behind it. Nothing here is
// used by the app.
import * as v from 'valibot';
import { liveQuery, type Table } from 'dexie';
import {
  PATCH_SCHEMAS, applyServerState, formatHlc, initialClock, isTableName, parseHlc, receive, tick, uuidv7,
  type Change, type ClockState, type Clocks, type Mutation,
} from '../../protocol';
import { TalkaDatabase, type OutboxEntry } from '../../src/db/database';
import { applyPullPage, settlePush, takePushBatch } from '../../src/db/sync-store';
import { gzipBody } from '../../src/sync/http-transport';

type Row = Record<string, unknown> & { id: string; clocks: Clocks };

const now = () => performance.now();
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

interface Generated {
  rows: Row[];
  entries: OutboxEntry[];
  changes: Change[];
}

/** N needs as Notebook.create writes them, their outbox entries, and the pull changes a server would send for them. */
function generate(count: number, deviceId: string, author: string): Generated {
  const communityId = uuidv7(Date.now(), random);
  let clock: ClockState = initialClock(deviceId);
  const rows: Row[] = [];
  const entries: OutboxEntry[] = [];
  const changes: Change[] = [];
  for (let i = 0; i < count; i++) {
    const at = Date.now();
    const id = uuidv7(at, random);
    clock = tick(clock, at);
    const hlc = formatHlc(clock);
    const fields: Record<string, unknown> = {
      createdAt: at, updatedAt: at, createdBy: author, deleted: false, communityId, workshopId: null,
      title: `Ielu apgaismojums pie skolas (${i + 1})`, description: 'Vakaros ceļš līdz pieturai ir tumšs.',
      category: 'safety', status: 'raised', owner: 'Ilze Kalniņa',
    };
    const clocks: Clocks = {};
    const base: Record<string, null> = {};
    for (const field of Object.keys(fields)) {
      clocks[field] = hlc;
      base[field] = null;
    }
    rows.push({ ...fields, id, clocks });
    entries.push({ id: uuidv7(at, random), table: 'needs', recordId: id, op: 'put', fields, base, hlc, author });
    changes.push({ table: 'needs', recordId: id, fields, clocks, seq: i + 2 });
  }
  return { rows, entries, changes };
}

async function freshDb(name: string): Promise<TalkaDatabase> {
  await TalkaDatabase.delete(name);
  const db = new TalkaDatabase(name);
  await db.open();
  return db;
}

// ── Variants that batch their requests (same results, fewer round trips) ──

/** takePushBatch with one getAll per step instead of one cursor step per entry. */
async function takePushBatchBulk(db: TalkaDatabase, maxCount: number, maxBytes: number, authors: ReadonlySet<string>): Promise<{ mutations: Mutation[]; seqs: number[] }> {
  const mutations: Mutation[] = [];
  const seqs: number[] = [];
  let bytes = 0;
  let after = -Infinity;
  for (;;) {
    const chunk = await db.outbox.where('seq').above(after).limit(maxCount - mutations.length).toArray();
    if (chunk.length === 0) return { mutations, seqs };
    for (const entry of chunk) {
      after = entry.seq!;
      if (entry.rejection) continue;
      if (entry.author !== undefined && !authors.has(entry.author)) continue;
      const mutation = { id: entry.id, table: entry.table, recordId: entry.recordId, op: entry.op, fields: entry.fields, base: entry.base, hlc: entry.hlc };
      const size = JSON.stringify(mutation).length;
      if (mutations.length > 0 && bytes + size > maxBytes) return { mutations, seqs };
      mutations.push(mutation);
      seqs.push(entry.seq!);
      bytes += size;
    }
    if (mutations.length >= maxCount) return { mutations, seqs };
  }
}

/** settlePush by primary key: the entries sent are read back by seq and removed if their id is still the one acknowledged. */
async function settlePushBySeq(db: TalkaDatabase, seqs: readonly number[], acked: readonly string[]): Promise<void> {
  const ackedIds = new Set(acked);
  await db.transaction('rw', db.outbox, async () => {
    const current = await db.outbox.bulkGet([...seqs]);
    const gone = current.filter((entry): entry is OutboxEntry => entry !== undefined && ackedIds.has(entry.id)).map((entry) => entry.seq!);
    await db.outbox.bulkDelete(gone);
  });
}

/** settlePush by primary key range: one read of the sent range, then one range delete when every entry in it was acknowledged. */
async function settlePushByRange(db: TalkaDatabase, seqs: readonly number[], acked: readonly string[]): Promise<void> {
  if (seqs.length === 0) return;
  const ackedIds = new Set(acked);
  const low = Math.min(...seqs);
  const high = Math.max(...seqs);
  await db.transaction('rw', db.outbox, async () => {
    const range = () => db.outbox.where('seq').between(low, high, true, true);
    const current = await range().toArray();
    if (current.every((entry) => ackedIds.has(entry.id))) await range().delete();
    else await db.outbox.bulkDelete(current.filter((entry) => ackedIds.has(entry.id)).map((entry) => entry.seq!));
  });
}

/** applyPullPage with bulkGet/bulkPut per table instead of one awaited get and put per change. */
async function applyPullPageBulk(db: TalkaDatabase, deviceId: string, changes: readonly Change[], cursor: string, at: number): Promise<number> {
  const tables = ['communities', 'workshops', 'participants', 'attendance', 'needs', 'votes', 'resources', 'actions', 'swot', 'photos', 'conflicts'].map((t) => db.table(t));
  let applied = 0;
  await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    const ids = [...new Set(changes.map((change) => change.recordId))];
    const pending = new Map<string, Set<string>>();
    for (const entry of await db.outbox.where('recordId').anyOf(ids).toArray()) {
      const fields = pending.get(entry.recordId) ?? new Set<string>();
      for (const field of Object.keys(entry.fields)) fields.add(field);
      pending.set(entry.recordId, fields);
    }
    const saved = await db.meta.get('clock');
    let clock = (typeof saved?.value === 'string' ? parseHlc(saved.value) : null) ?? initialClock(deviceId);
    clock = { ...clock, deviceId };
    const byTable = new Map<string, Change[]>();
    for (const change of changes) {
      if (!isTableName(change.table)) continue;
      const { id: _ignored, ...fields } = change.fields;
      if (!v.safeParse(PATCH_SCHEMAS[change.table], fields).success) continue;
      const list = byTable.get(change.table) ?? [];
      list.push({ ...change, fields });
      byTable.set(change.table, list);
    }
    for (const [table, list] of byTable) {
      const rows: Table<Row, string> = db.table(table);
      const locals = new Map<string, Row>();
      (await rows.bulkGet(list.map((change) => change.recordId))).forEach((row) => { if (row) locals.set(row.id, row); });
      const out = new Map<string, Row>();
      for (const change of list) {
        const local = out.get(change.recordId) ?? locals.get(change.recordId);
        const localState = local ? { values: withoutBookkeeping(local), clocks: local.clocks ?? {} } : null;
        const merged = applyServerState(localState, { values: change.fields, clocks: change.clocks }, pending.get(change.recordId) ?? new Set());
        out.set(change.recordId, { ...merged.values, id: change.recordId, clocks: merged.clocks });
        for (const seen of Object.values(change.clocks)) clock = receive(clock, seen, at);
        applied++;
      }
      await rows.bulkPut([...out.values()]);
    }
    await db.meta.bulkPut([{ key: 'clock', value: formatHlc(clock) }, { key: 'cursor', value: cursor }]);
  });
  return applied;
}

function withoutBookkeeping(row: Row): Record<string, unknown> {
  const { id: _id, clocks: _clocks, ...values } = row;
  return values;
}

// ── The benchmark ──────────────────────────────────────────────────────────

export type PushVariant = 'app' | 'appWithSyncBar' | 'bulk' | 'range';

export interface BenchResult {
  records: number;
  push: Record<PushVariant, Record<string, number>>;
  pull: Record<string, number>;
  pullBulk: Record<string, number>;
  commitMs: { strict: number; relaxed: number };
}

/**
 * Sends the whole outbox in batches of 1000 (no network: each batch is read,
 * turned into the gzipped body and settled as if all were acknowledged).
 * 'app' uses the app's functions; 'appWithSyncBar' too, while a live query
 * like the sync bar's (countPending, listRejectedChanges, loadLastSync) and
 * the engine's outbox counter are subscribed, as they are in the app; 'bulk'
 * and 'range' read with getAll and settle by primary key.
 */
async function pushPath(data: Generated, variant: PushVariant): Promise<Record<string, number>> {
  const db = await freshDb(`bench-push-${variant}`);
  await db.needs.bulkPut(data.rows as never[]);
  await db.outbox.bulkAdd(data.entries.map((entry) => ({ ...entry })));
  const authors = new Set([data.entries[0]!.author!]);
  const maxBytes = Math.floor(2 * 1024 * 1024 * 0.75);
  const out = { read: 0, jsonGzip: 0, settle: 0, total: 0, batches: 0, listWholeOutbox: 0, liveQueryRuns: 0 };
  const subscriptions: { unsubscribe(): void }[] = [];
  if (variant === 'appWithSyncBar') {
    subscriptions.push(liveQuery(async () => {
      const [pending, all, lastSync] = await Promise.all([
        db.outbox.count(), db.outbox.orderBy('seq').toArray(), db.meta.get('lastSyncAt'),
      ]);
      return { pending, refused: all.filter((entry) => entry.rejection !== undefined).length, lastSync };
    }).subscribe({ next: () => { out.liveQueryRuns++; } }));
    subscriptions.push(liveQuery(() => db.outbox.count()).subscribe({ next: () => {} }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    out.liveQueryRuns = 0;
  }
  const started = now();
  for (;;) {
    let t = now();
    let mutations: Mutation[];
    let seqs: number[] = [];
    if (variant === 'bulk' || variant === 'range') ({ mutations, seqs } = await takePushBatchBulk(db, 1000, maxBytes, authors));
    else mutations = await takePushBatch(db, { maxCount: 1000, maxBytes, authors });
    out.read += now() - t;
    if (mutations.length === 0) break;
    t = now();
    await gzipBody(JSON.stringify({ protocol: 1, deviceId: 'bench', mutations }));
    out.jsonGzip += now() - t;
    t = now();
    const acked = mutations.map((m) => m.id);
    if (variant === 'bulk') await settlePushBySeq(db, seqs, acked);
    else if (variant === 'range') await settlePushByRange(db, seqs, acked);
    else await settlePush(db, acked, []);
    out.settle += now() - t;
    out.batches++;
    if (variant === 'app') {
      // What the sync bar's live query (listRejectedChanges) reads after every change to the outbox, timed on its own.
      t = now();
      (await db.outbox.orderBy('seq').toArray()).filter((entry) => entry.rejection !== undefined);
      out.listWholeOutbox += now() - t;
    }
  }
  out.total = now() - started - out.listWholeOutbox;
  for (const subscription of subscriptions) subscription.unsubscribe();
  db.close();
  return out;
}

async function pullPath(data: Generated, bulk: boolean): Promise<Record<string, number>> {
  const db = await freshDb(bulk ? 'bench-pull-bulk' : 'bench-pull');
  const apply = bulk ? applyPullPageBulk : applyPullPage;
  const out = { freshDevice: 0, echo: 0, pages: 0, validateOnly: 0 };
  const pages: Change[][] = [];
  for (let i = 0; i < data.changes.length; i += 1000) pages.push(data.changes.slice(i, i + 1000));
  let t = now();
  for (const page of pages) await apply(db, 'benchdevice', page, 'cursor', Date.now());
  out.freshDevice = now() - t;
  out.pages = pages.length;
  // The same pages again onto rows that are already there: what the pushing device does right after its push.
  t = now();
  for (const page of pages) await apply(db, 'benchdevice', page, 'cursor', Date.now());
  out.echo = now() - t;
  t = now();
  for (const change of data.changes) v.safeParse(PATCH_SCHEMAS.needs, change.fields);
  out.validateOnly = now() - t;
  if ((await db.needs.count()) !== data.changes.length) throw new Error('pull bench: wrong count');
  db.close();
  return out;
}

/** Median time of a one-record readwrite transaction until `complete`, raw IndexedDB. */
async function commitTime(durability: 'strict' | 'relaxed'): Promise<number> {
  const name = `bench-commit-${durability}`;
  await new Promise((resolve) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = resolve; });
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => r.result.createObjectStore('s');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t = now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('s', 'readwrite', { durability });
      tx.objectStore('s').put({ i }, i);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    times.push(now() - t);
  }
  db.close();
  return times.sort((a, b) => a - b)[10]!;
}

async function run(count: number): Promise<BenchResult> {
  const data = generate(count, 'benchdevice', '00000000-0000-4000-8000-000000000001');
  return {
    records: count,
    push: {
      app: await pushPath(data, 'app'),
      appWithSyncBar: await pushPath(data, 'appWithSyncBar'),
      bulk: await pushPath(data, 'bulk'),
      range: await pushPath(data, 'range'),
    },
    pull: await pullPath(data, false),
    pullBulk: await pullPath(data, true),
    commitMs: { strict: await commitTime('strict'), relaxed: await commitTime('relaxed') },
  };
}

(globalThis as { talkaBench?: (count: number) => Promise<BenchResult> }).talkaBench = run;
