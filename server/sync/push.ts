// POST /api/sync/push, the algorithm (docs/protocol.md, Push). Steps are numbered against
// the contract; the SQL lives in server/store.
import type { PushResponse, Rejection } from '../../protocol/messages';
import { mergeEdit, type LostValue } from '../../protocol/merge';
import { COMMUNITY_TABLES } from '../../protocol/records';
import type { AppliedMutationRow, OrganisationRow, PushTransaction, UserRow } from '../store/store';
import type { PushCommitter } from './group-commit';
import { checkMutation, checkNewRecord, reject, type CheckedMutation, type MutationCheck } from './check-mutation';
import { encodeCursor, type CursorPosition } from './cursor';
import { communityOf, parseStoredRecord, toStoredRecord, type WorkingRecord } from './record-state';
import type { ServerClock } from './server-clock';

export interface PushDeps {
  /** Runs the push's transaction (grouped with concurrent pushes, see group-commit.ts). */
  committer: Pick<PushCommitter, 'run'>;
  clock: ServerClock;
  now: () => number;
  /** A new record id (UUIDv7) for the conflicts the server files. */
  newId: () => string;
  /** Told, once a push has committed, how many mutations it applied and conflicts it filed (the metrics). */
  observe?: (counts: PushCounts) => void;
}

export interface PushCounts {
  applied: number;
  conflicts: number;
}

export interface PushCaller {
  user: UserRow;
  organisation: OrganisationRow;
}

export interface PushBatch {
  deviceId: string;
  mutations: readonly unknown[];
  /** The device's pull cursor when it sent the push (see pulledThrough in protocol/messages.ts). */
  since?: CursorPosition | null;
}

/** Who the conflict records the server files are by (their clocks carry the filing server's own id). */
const SERVER_AUTHOR = 'server';

const COMMUNITY_TABLE_SET: ReadonlySet<string> = new Set(COMMUNITY_TABLES);

/** Record ids a batch reads: the records it writes and the communities it names. */
function idsToLoad(checks: readonly CheckedMutation[]): string[] {
  const ids = new Set<string>();
  for (const check of checks) {
    if (!check.ok) continue;
    ids.add(check.mutation.recordId);
    const communityId = check.fields.communityId;
    if (typeof communityId === 'string') ids.add(communityId);
  }
  return [...ids];
}

/** The conflict record that keeps a losing value (docs/protocol.md, Conflicts), written by the server. */
function conflictRecord(id: string, orgId: string, target: WorkingRecord, lost: LostValue, clock: ServerClock, now: number): WorkingRecord {
  const values = {
    communityId: communityOf(target),
    table: target.table,
    recordId: target.id,
    field: lost.field,
    winnerValue: lost.winnerValue,
    winnerClock: lost.winnerClock,
    loserValue: lost.loserValue,
    loserClock: lost.loserClock,
    resolved: false,
    resolvedBy: '',
    createdAt: now,
    updatedAt: now,
    createdBy: SERVER_AUTHOR,
    deleted: false,
  };
  const stamp = clock.next();
  const clocks = Object.fromEntries(Object.keys(values).map((field) => [field, stamp]));
  return { id, orgId, table: 'conflicts', values, clocks, seq: 0, dirty: true };
}

/** The participant fields an erasure replaces (and `erased` itself, which is never undone). */
const ERASED_FIELDS: readonly string[] = ['name', 'household', 'phone', 'email', 'consentData', 'consentPhotos', 'consentDate', 'erased'];

function isErased(record: WorkingRecord): boolean {
  return record.table === 'participants' && record.values.erased === true;
}

/**
 * What became of one mutation: refused, or applied — `asSent` when the record
 * now holds exactly what the device sent over what it had (clock not clamped,
 * every field won, no conflict filed), so the device need not pull it back.
 */
type Outcome = { rejection: Rejection } | { rejection: null; asSent: boolean; conflicts: number };

/** Runs one mutation against the batch's working state. */
function applyMutation(
  check: MutationCheck,
  records: Map<string, WorkingRecord>,
  orgId: string,
  deps: PushDeps,
  nextSeq: () => number,
  now: number,
): Outcome {
  const { mutation, table, fields } = check;
  const refuse = (rejection: Rejection): Outcome => ({ rejection });
  const existing = records.get(mutation.recordId);

  // 4c. Records of another organisation are refused, never overwritten, even by a guessed id.
  if (existing && existing.orgId !== orgId) {
    return refuse(reject(mutation.id, 'forbidden', `Record ${mutation.recordId} belongs to another organisation`));
  }
  if (existing && existing.table !== table) {
    return refuse(reject(mutation.id, 'table_mismatch', `Record ${mutation.recordId} is a ${existing.table} record, not ${table}`));
  }
  // 4d. A record the server has not seen must arrive whole.
  if (!existing) {
    const incomplete = checkNewRecord(table, mutation.recordId, fields);
    if (incomplete) return refuse({ ...incomplete, id: mutation.id });
  }
  // 4d'. Erasure on request is final: no device (one offline since, say) writes a person's data back.
  if (existing && isErased(existing) && ERASED_FIELDS.some((field) => field in fields)) {
    return refuse(reject(mutation.id, 'erased', `Participant ${mutation.recordId} was erased on request; their personal data cannot be written again`));
  }
  // 4e. A community named must be one of the caller's (stored, or created earlier in this batch).
  const communityId = fields.communityId;
  if ((COMMUNITY_TABLE_SET.has(table) || table === 'conflicts') && typeof communityId === 'string') {
    const community = records.get(communityId);
    if (!community || community.orgId !== orgId || community.table !== 'communities') {
      return refuse(reject(mutation.id, 'unknown_community', `communityId: no community ${communityId} in this organisation`));
    }
  }

  // 4f. Clamp a clock from a device whose calendar runs ahead, and advance the server's clock past it.
  const hlc = deps.clock.accept(mutation.hlc);
  // 4g. Per field, the later clock wins; a concurrent edit's losing value is returned in `lost`.
  const current = existing ? { values: existing.values, clocks: existing.clocks } : null;
  const merged = mergeEdit(current, { fields, hlc, base: mutation.base });
  const record: WorkingRecord = existing ?? { id: mutation.recordId, orgId, table, values: {}, clocks: {}, seq: 0, dirty: false };
  // A mutation that lost a field still moves the record in server order, so its device pulls the winner
  // back even if that device had held on to its own value while its push was in flight.
  const lostField = Object.keys(fields).some((field) => !merged.changed.includes(field) && merged.state.clocks[field] !== hlc);
  if (merged.changed.length > 0 || (existing && lostField)) {
    record.values = merged.state.values;
    record.clocks = merged.state.clocks;
    record.seq = nextSeq();
    record.dirty = true;
    records.set(record.id, record);
  }
  const asSent = hlc === mutation.hlc && !lostField && merged.lost.length === 0
    && Object.keys(fields).every((field) => merged.state.clocks[field] === hlc);
  // 4h. No typed value is discarded silently: each lost value becomes a conflict record.
  // (Two coordinators resolving one conflict differently settle by clock alone.)
  let conflicts = 0;
  if (table !== 'conflicts') {
    for (const lost of merged.lost) {
      // An erasure keeps no copy of what it replaced, not even as a conflict.
      if (isErased(record) && ERASED_FIELDS.includes(lost.field)) continue;
      const conflict = conflictRecord(deps.newId(), orgId, record, lost, deps.clock, now);
      conflict.seq = nextSeq();
      records.set(conflict.id, conflict);
      conflicts++;
    }
  }
  return { rejection: null, asSent, conflicts };
}

/**
 * Applies a push batch for the caller, in order, in one database transaction:
 *  1. check each mutation alone (shape, table, role, field types) — outside the transaction;
 *  2. lock the organisation's change log, so its seqs commit in the order they are handed out;
 *  3. load the applied mutation ids and the records the batch touches, in two queries;
 *  4. per mutation: (a) failed step 1 → rejected alone, the rest go on; (b) applied before →
 *     acknowledged again, nothing changes (exactly once; for how long, see retention.ts); (c) another organisation's record →
 *     forbidden; (d) a new record must be whole; (e) its community must be the caller's;
 *     (f) clamp its clock; (g) merge per field by clock; (h) file lost values as conflicts;
 *     (i) remember it applied;
 *  5. write changed records with fresh seqs, the applied ids and the new head;
 *  6. reply { acked, rejected, cursor }, and pulledThrough when the device had pulled up to
 *     the head before this push and every mutation went in as sent (protocol/messages.ts).
 */
export async function applyPush(deps: PushDeps, caller: PushCaller, batch: PushBatch): Promise<PushResponse> {
  const orgId = caller.organisation.id;
  // 1.
  const checks = batch.mutations.map((raw) => checkMutation(raw, caller.user.role));

  const { reply, counts } = await deps.committer.run(orgId, async (tx: PushTransaction) => {
    const now = deps.now();
    // 2.
    const head = await tx.lockHead(orgId);
    let seq = head.seq;
    const nextSeq = () => ++seq;
    // 3.
    const mutationIds = checks.flatMap((check) => (check.ok ? [check.mutation.id] : []));
    const applied = mutationIds.length > 0 ? await tx.findAppliedMutations(mutationIds) : new Map<string, string>();
    const toLoad = idsToLoad(checks);
    const stored = toLoad.length > 0 ? await tx.findRecords(toLoad) : [];
    const records = new Map(stored.map((record) => [record.id, parseStoredRecord(record)]));

    // 4.
    const acked: string[] = [];
    const rejected: Rejection[] = [];
    const appliedRows: AppliedMutationRow[] = [];
    let allAsSent = batch.since?.instanceId === head.instanceId && batch.since.seq === head.seq;
    let conflicts = 0;
    for (const check of checks) {
      // 4a.
      if (!check.ok) {
        rejected.push({ id: check.id, code: check.code, message: check.message });
        allAsSent = false;
        continue;
      }
      const id = check.mutation.id;
      const appliedBy = applied.get(id);
      // 4b. Exactly once: a replayed mutation is acknowledged and changes nothing.
      if (appliedBy === orgId) {
        acked.push(id);
        allAsSent = false;
        continue;
      }
      if (appliedBy !== undefined) {
        rejected.push({ id, code: 'forbidden', message: `Mutation id ${id} is used by another organisation` });
        allAsSent = false;
        continue;
      }
      // 4c–h.
      const outcome = applyMutation(check, records, orgId, deps, nextSeq, now);
      if (outcome.rejection) {
        rejected.push(outcome.rejection);
        allAsSent = false;
        continue;
      }
      if (!outcome.asSent) allAsSent = false;
      conflicts += outcome.conflicts;
      // 4i.
      applied.set(id, orgId);
      appliedRows.push({ id, orgId, deviceId: batch.deviceId, userId: caller.user.id, appliedAt: now });
      acked.push(id);
    }

    // 5.
    const changed = [...records.values()].filter((record) => record.dirty).map((record) => toStoredRecord(record, now));
    if (changed.length > 0) await tx.saveRecords(changed);
    if (appliedRows.length > 0) await tx.saveAppliedMutations(appliedRows);
    if (seq !== head.seq) await tx.advanceHead(orgId, seq);

    // 6.
    const cursor = encodeCursor({ instanceId: head.instanceId, seq });
    const reply: PushResponse = allAsSent && seq !== head.seq ? { acked, rejected, cursor, pulledThrough: cursor } : { acked, rejected, cursor };
    return { reply, counts: { applied: appliedRows.length, conflicts } };
  });
  deps.observe?.(counts);
  return reply;
}

