// The outbox's side of sync: which changes go next, and what a push reply
// settles. Each function is one transaction, so an acknowledgement never
// removes a change it does not name and a refusal is never lost.
import { liveQuery } from 'dexie';
import { TABLES, isTableName, type Mutation, type Rejection } from '../../protocol';
import type { OutboxEntry, TalkaDatabase } from './database';
import { isHoldingAny, takeHeldServerStates } from './held-states';
import { forgetCursor, loadCursor, saveCursor } from './meta';

export interface PushBatchOptions {
  maxCount: number;
  maxBytes: number;
  /** Only changes written by these authors are sent (never another user's). */
  authors: ReadonlySet<string>;
  /** Start after this outbox position (the previous batch's `last`); from the oldest change when left out. */
  after?: number;
}

/** Changes as sent in one push: their ids and outbox positions, in the same order. */
export interface SentBatch {
  ids: readonly string[];
  seqs: readonly number[];
}

export interface PushBatch extends SentBatch {
  mutations: Mutation[];
  ids: string[];
  seqs: number[];
  /** The last outbox position read (skipped changes included): where the next batch starts. */
  last: number;
}

/** How many outbox entries one read fetches (IndexedDB getAll: one request, not one cursor step per entry). */
const READ_CHUNK = 500;

/** The next changes to send, oldest first, leaving out refused ones and other users'; each is a wire mutation. */
export async function takePushBatch(db: TalkaDatabase, options: PushBatchOptions): Promise<PushBatch> {
  const batch: PushBatch = { mutations: [], ids: [], seqs: [], last: options.after ?? -Infinity };
  let bytes = 0;
  for (;;) {
    const chunk = await db.outbox.where('seq').above(batch.last).limit(Math.min(READ_CHUNK, options.maxCount - batch.mutations.length)).toArray();
    if (chunk.length === 0) return batch;
    for (const entry of chunk) {
      const seq = entry.seq ?? batch.last;
      if (entry.rejection || (entry.author !== undefined && !options.authors.has(entry.author))) {
        batch.last = seq;
        continue;
      }
      const mutation = toMutation(entry);
      const size = JSON.stringify(mutation).length;
      if (batch.mutations.length > 0 && bytes + size > options.maxBytes) return batch;
      batch.mutations.push(mutation);
      batch.ids.push(mutation.id);
      batch.seqs.push(seq);
      batch.last = seq;
      bytes += size;
      if (batch.mutations.length >= options.maxCount) return batch;
    }
  }
}

function toMutation(entry: OutboxEntry): Mutation {
  return { id: entry.id, table: entry.table, recordId: entry.recordId, op: entry.op, fields: entry.fields, base: entry.base, hlc: entry.hlc };
}

/** The part of a batch that goes out when some of it was refused before sending (a photo whose image cannot be uploaded). */
export function narrowBatch(batch: SentBatch, keep: ReadonlySet<string>): SentBatch {
  const narrowed: { ids: string[]; seqs: number[] } = { ids: [], seqs: [] };
  batch.ids.forEach((id, index) => {
    const seq = batch.seqs[index];
    if (!keep.has(id) || seq === undefined) return;
    narrowed.ids.push(id);
    narrowed.seqs.push(seq);
  });
  return narrowed;
}

/** A pull cursor the push lets this device skip to, from the one it sent (protocol/messages.ts pulledThrough). */
export interface CursorMove {
  from: string | null;
  to: string;
}

/**
 * Settles a push reply in one transaction: every change sent that the server
 * did not refuse was applied, so it leaves the outbox — unless it was folded
 * into since it was sent (it then has a new id and stays); refused ones are
 * marked; held server values whose unsent changes are now settled are taken;
 * and the pull cursor moves where the server says this device is up to date.
 */
export async function settlePush(db: TalkaDatabase, sent: SentBatch, rejected: readonly Rejection[], cursorMove?: CursorMove): Promise<void> {
  const holding = await isHoldingAny(db);
  const scope = holding ? [db.outbox, db.meta, ...TABLES.map((table) => db.table(table))] : [db.outbox, db.meta];
  await db.transaction('rw', scope, async () => {
    // The server says everything up to `to` is what this device holds: no need to pull it back.
    if (cursorMove && (await loadCursor(db)) === cursorMove.from) await saveCursor(db, cursorMove.to);
    await removeApplied(db, sent, new Set(rejected.map((rejection) => rejection.id)));
    await markRefusals(db, rejected);
    if (holding) await takeHeldServerStates(db);
  });
}

/** Marks changes the server (or the photo upload before it) refused for good: kept and shown, never sent again as they are. */
export async function markRefused(db: TalkaDatabase, rejected: readonly Rejection[]): Promise<void> {
  await db.transaction('rw', db.outbox, () => markRefusals(db, rejected));
}

async function markRefusals(db: TalkaDatabase, rejected: readonly Rejection[]): Promise<void> {
  for (const rejection of rejected) {
    await db.outbox.where('id').equals(rejection.id).modify({ rejection: { code: rejection.code, message: rejection.message } });
  }
}

/** A batch applied whole goes in one range delete; otherwise entry by entry, by key. */
async function removeApplied(db: TalkaDatabase, sent: SentBatch, refused: ReadonlySet<string>): Promise<void> {
  if (sent.seqs.length === 0) return;
  const applied = new Map<number, string>();
  sent.seqs.forEach((seq, index) => {
    const id = sent.ids[index];
    if (id !== undefined && !refused.has(id)) applied.set(seq, id);
  });
  if (applied.size === 0) return;
  const positions = [...applied.keys()];
  const range = () => db.outbox.where('seq').between(Math.min(...positions), Math.max(...positions), true, true);
  const current = await range().toArray();
  const stillAsSent = current.filter((entry) => entry.seq !== undefined && applied.get(entry.seq) === entry.id);
  if (stillAsSent.length === current.length) await range().delete();
  else await db.outbox.bulkDelete(stillAsSent.flatMap((entry) => (entry.seq === undefined ? [] : [entry.seq])));
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
      await forgetCursor(db);
    }
  });
}
