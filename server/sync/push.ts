// POST /api/sync/push, the algorithm (docs/protocol.md, Push). Steps are numbered against
// the contract; the SQL lives in server/store.
import { judgeDeletion } from '../../protocol/deletion';
import { ERASED_VALUES, PERSONAL_FIELDS, isErasure, isPersonalField } from '../../protocol/erasure';
import { hlcDeviceId, type Hlc } from '../../protocol/hlc';
import type { PushResponse, Rejection } from '../../protocol/messages';
import { mergeEdit, type Fields, type LostValue } from '../../protocol/merge';
import { COMMUNITY_TABLES } from '../../protocol/records';
import type { AppliedMutationRow, DeviceRow, OrganisationRow, PushTransaction, UserRow } from '../store/store';
import type { PushCommitter } from './group-commit';
import { checkMutation, checkNewRecord, reject, type CheckedMutation, type MutationCheck } from './check-mutation';
import { encodeCursor, type CursorPosition } from './cursor';
import { communityOf, parseStoredRecord, toStoredRecord, type WorkingRecord } from './record-state';
import { assignmentId, programmeIdFor } from '../../protocol/ids';
import { reachOf, VisibilityJudge, type Reach, type RecordSource } from './visibility';
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
  /** The device's name as its people set it, for the conflicts that name where a value was typed. */
  deviceLabel?: string;
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

/** Who made each value of a conflict, where the server knows it better than a clock's device does. */
interface ConflictAuthors {
  winnerBy?: string;
  winnerDevice?: string;
  loserBy?: string;
}

/** The conflict record that keeps a losing value (docs/protocol.md, Conflicts), written by the server. */
function conflictRecord(
  id: string, orgId: string, target: WorkingRecord, lost: LostValue, clock: ServerClock, now: number, authors: ConflictAuthors = {},
): WorkingRecord {
  const values: Fields = {
    ...authors,
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

function isErased(record: WorkingRecord): boolean {
  return record.table === 'participants' && record.values.erased === true;
}

/** Writes `fields` over the record whatever clocks its fields hold: the server's decision, stamped with its own later clock. */
function overrule(record: WorkingRecord, fields: Fields, clock: Hlc): void {
  record.values = { ...record.values, ...fields };
  record.clocks = { ...record.clocks, ...Object.fromEntries(Object.keys(fields).map((field) => [field, clock])) };
}

/** Batch-wide state the mutations share: the records, the next seq, and the conflicts filed so far. */
interface BatchState {
  records: Map<string, WorkingRecord>;
  orgId: string;
  caller: PushCaller;
  deps: PushDeps;
  tx: PushTransaction;
  nextSeq: () => number;
  now: number;
  /** The pushing device, as conflicts name it. */
  device: DeviceRow;
  /** What the caller may see and so write (visibility.ts). */
  reach: Reach;
  judge: VisibilityJudge;
  /** Every mutation of the batch as the record it would make, so a person is reached by a check-in later in the batch. */
  intended: Map<string, WorkingRecord>;
  /** People whose reach changed (a new tie or check-in): written again so devices that now see them get them. */
  reachedPeople: Set<string>;
  /** Events whose communities changed, with the community their rows were filed under: their rows are written again. */
  movedEvents: Map<string, string | null>;
  /** Conflicts filed in this batch: named after it (nameConflicts). */
  filed: WorkingRecord[];
}

/** Who made the latest of the edits a deletion had not seen (the record stays for them), as the devices table knows them. */
async function unseenEditor(state: BatchState, clocks: readonly (string | undefined)[]): Promise<ConflictAuthors> {
  const latest = clocks.filter((clock): clock is string => clock !== undefined).sort().at(-1);
  if (latest === undefined) return {};
  const deviceId = hlcDeviceId(latest);
  const device = deviceId === state.device.deviceId ? state.device : (await state.tx.findDevices(state.orgId, [deviceId])).get(deviceId);
  if (!device) return {};
  return { winnerBy: device.userId, ...(device.label !== '' ? { winnerDevice: device.label } : {}) };
}

function fileConflict(state: BatchState, target: WorkingRecord, lost: LostValue, authors: ConflictAuthors = {}): void {
  const conflict = conflictRecord(state.deps.newId(), state.orgId, target, lost, state.deps.clock, state.now, authors);
  conflict.seq = state.nextSeq();
  state.records.set(conflict.id, conflict);
  state.filed.push(conflict);
}

function touch(state: BatchState, record: WorkingRecord): void {
  record.seq = state.nextSeq();
  record.dirty = true;
  state.records.set(record.id, record);
}

/**
 * An erasure, applied over any clock: every personal field blanked and
 * `erased` set at a fresh server clock, whatever later clock a field held,
 * and every conflict that kept the person's values scrubbed and resolved.
 */
async function applyErasure(state: BatchState, record: WorkingRecord, fields: Fields): Promise<void> {
  const clock = state.deps.clock.next();
  const erasedBy = typeof fields.erasedBy === 'string' ? fields.erasedBy : state.caller.user.id;
  const erasedAt = typeof fields.erasedAt === 'number' ? fields.erasedAt : state.now;
  overrule(record, { ...ERASED_VALUES, erased: true, erasedAt, erasedBy, updatedAt: state.now }, clock);
  touch(state, record);
  const stored = await state.tx.findRecordsInCommunity(state.orgId, 'conflicts', communityOf(record));
  const kept = [...stored.map(parseStoredRecord), ...state.filed].filter((conflict) => conflict.values.recordId === record.id
    && conflict.values.table === 'participants' && typeof conflict.values.field === 'string' && isPersonalField(conflict.values.field));
  for (const conflict of kept) {
    const current = state.records.get(conflict.id) ?? conflict;
    overrule(current, { winnerValue: '', loserValue: '', resolved: true, resolvedBy: erasedBy, updatedAt: state.now }, clock);
    touch(state, current);
  }
}

/**
 * What became of one mutation: refused, or applied — `asSent` when the record
 * now holds exactly what the device sent over what it had (clock not clamped,
 * every field won, no conflict filed), so the device need not pull it back.
 */
type Outcome = { rejection: Rejection } | { rejection: null; asSent: boolean; conflicts: number };

/** Runs one mutation against the batch's working state. */
async function applyMutation(check: MutationCheck, state: BatchState): Promise<Outcome> {
  const { mutation, table, fields } = check;
  const { records, orgId, deps } = state;
  const role = state.caller.user.role;
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
  // 4d'. Deleting or restoring a community, and erasing a person, are a coordinator's, whatever the app shows.
  if (role !== 'coordinator' && existing && table === 'communities' && 'deleted' in fields && fields.deleted !== existing.values.deleted) {
    return refuse(reject(mutation.id, 'forbidden', 'Only a coordinator may delete or restore a community'));
  }
  const erasure = isErasure(table, fields);
  if (erasure && role !== 'coordinator') {
    return refuse(reject(mutation.id, 'forbidden', 'Only a coordinator may erase a person\'s data'));
  }
  // 4d'''. Merging people (or undoing a merge) is a coordinator's decision (docs/protocol.md, People and merges).
  if (table === 'participants' && 'mergedInto' in fields && role !== 'coordinator' && (existing?.values.mergedInto ?? null) !== fields.mergedInto) {
    return refuse(reject(mutation.id, 'forbidden', 'Only a coordinator may merge people or undo a merge'));
  }
  // 4d''. Erasure on request is final: no device (one offline since, say) writes a person's data back.
  if (!erasure && existing && isErased(existing) && ('erased' in fields || PERSONAL_FIELDS.some((field) => field in fields))) {
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

  // 4e'. A facilitator or mentor writes only what their assignments reach, before and after the change.
  // A community they create is theirs: the server assigns them to it in the same batch.
  if (!state.reach.all) {
    if (!existing && table === 'communities' && !records.has(mutation.recordId)) assignCreator(state, mutation.recordId);
    const after: WorkingRecord = { ...(existing ?? { id: mutation.recordId, orgId, table, clocks: {}, seq: 0, dirty: false }), values: { ...existing?.values, ...fields } };
    const extra = new Map([...state.intended, ...records]);
    const before = existing ? await state.judge.visibleIds([existing], extra) : new Set([mutation.recordId]);
    const now = await state.judge.visibleIds([after], extra);
    if (!before.has(mutation.recordId) || !now.has(mutation.recordId)) {
      return refuse(reject(mutation.id, 'forbidden', `${table} ${mutation.recordId} is outside the communities and events you are assigned to`));
    }
    // A new check-in, dot or tie names a person the caller sees already (or makes in this batch): an id
    // guessed or remembered from before an assignment was taken away does not reach anyone.
    const personId = after.values.participantId;
    if (!existing && (table === 'attendance' || table === 'ties' || table === 'votes') && typeof personId === 'string') {
      const person = await ownRecord(state, personId);
      const withoutThis = new Map([...extra].filter(([id]) => id !== mutation.recordId));
      if (person && person.table === 'participants' && !(await state.judge.visibleIds([person], withoutThis)).has(personId)) {
        return refuse(reject(mutation.id, 'forbidden', `participantId: person ${personId} is outside the communities and events you are assigned to`));
      }
    }
  }
  if (!existing && (table === 'ties' || table === 'attendance') && typeof fields.participantId === 'string') state.reachedPeople.add(fields.participantId);
  if (existing && table === 'workshops' && ('communityId' in fields || 'communityIds' in fields)) {
    const filedUnder = typeof existing.values.communityId === 'string' ? existing.values.communityId : null;
    if (!state.movedEvents.has(existing.id)) state.movedEvents.set(existing.id, filedUnder);
  }

  // 4e''''. A grant within the programme's limit for the community's maturity at entry, as the enrolment form has it.
  if (table === 'enrolments' && ('grantCents' in fields || 'maturity' in fields || 'programmeId' in fields)) {
    const limit = await grantOverLimit(state, { ...existing?.values, ...fields });
    if (limit !== null) {
      return refuse(reject(mutation.id, 'over_grant_limit', `grantCents: above the programme's limit of ${String(limit)} cents for the community's maturity`));
    }
  }

  // 4e'''. An app from before programmes names an event's programme in free text: the event joins the
  // programme the upgrade made of that name (migration 0008), so nothing it typed offline falls out of a report.
  const joined = await joinTypedProgramme(state, table, existing, fields);

  // 4f. Clamp a clock from a device whose calendar runs ahead, and advance the server's clock past it.
  const hlc = deps.clock.accept(mutation.hlc);
  const record: WorkingRecord = existing ?? { id: mutation.recordId, orgId, table, values: {}, clocks: {}, seq: 0, dirty: false };
  if (erasure && existing) {
    await applyErasure(state, record, fields);
    return { rejection: null, asSent: false, conflicts: 0 };
  }

  // 4g. An edit meets a deletion (protocol/deletion.ts): neither hides the other unseen.
  const current = existing ? { values: existing.values, clocks: existing.clocks } : null;
  const verdict = judgeDeletion(table, current, { fields, hlc, base: mutation.base });
  if (verdict.kind === 'refuse') {
    return refuse(reject(mutation.id, 'record_deleted', `${table} ${mutation.recordId} is in the bin; restore it before editing it`));
  }
  // A deletion that does not apply still merges what it carries besides (its author stays as the record's last deleter).
  const { deleted: _deleted, ...withoutDeletion } = fields;
  const merging = verdict.kind === 'keep' ? withoutDeletion : fields;

  // 4h. Per field, the later clock wins; a concurrent edit's losing value is returned in `lost`.
  const merged = mergeEdit(current, { fields: merging, hlc, base: mutation.base });
  // A mutation that lost a field still moves the record in server order, so its device pulls the winner
  // back even if that device had held on to its own value while its push was in flight.
  const lostField = Object.keys(fields).some((field) => !merged.changed.includes(field) && merged.state.clocks[field] !== hlc);
  if (merged.changed.length > 0 || (existing && lostField) || verdict.kind !== 'merge') {
    record.values = merged.state.values;
    record.clocks = merged.state.clocks;
    touch(state, record);
  }
  let conflicts = 0;
  if (verdict.kind === 'restore' || verdict.kind === 'keep') {
    // The record stays (or comes back) with the edit, at a clock later than the deletion on every device; the deletion is kept as a conflict.
    const deleter = typeof existing?.values.deletedBy === 'string' ? existing.values.deletedBy : undefined;
    const resolution = deps.clock.next();
    overrule(record, { deleted: false }, resolution);
    const deletionClock = verdict.kind === 'restore' ? verdict.deletionClock : hlc;
    const here = state.device.label === '' ? {} : { device: state.device.label };
    const authors: ConflictAuthors = verdict.kind === 'restore'
      ? { winnerBy: state.caller.user.id, ...(here.device ? { winnerDevice: here.device } : {}), ...(deleter ? { loserBy: deleter } : {}) }
      : { loserBy: state.caller.user.id, ...(await unseenEditor(state, verdict.unseen.map((field) => existing?.clocks[field]))) };
    fileConflict(state, record, { field: 'deleted', winnerValue: false, winnerClock: resolution, loserValue: true, loserClock: deletionClock }, authors);
    conflicts++;
  }
  const asSent = verdict.kind === 'merge' && hlc === mutation.hlc && !lostField && merged.lost.length === 0 && !joined
    && Object.keys(fields).every((field) => merged.state.clocks[field] === hlc);
  // 4i. No typed value is discarded silently: each lost value becomes a conflict record.
  // (Two coordinators resolving one conflict differently settle by clock alone.)
  if (table !== 'conflicts') {
    for (const lost of merged.lost) {
      // An erasure keeps no copy of what it replaced, not even as a conflict.
      if (isErased(record) && (isPersonalField(lost.field) || lost.field === 'erased')) continue;
      fileConflict(state, record, lost);
      conflicts++;
    }
  }
  return { rejection: null, asSent, conflicts };
}

/** A record of the caller's organisation, as this batch has it, or as stored. */
async function ownRecord(state: BatchState, id: string): Promise<WorkingRecord | undefined> {
  return state.records.get(id) ?? state.intended.get(id)
    ?? (await state.tx.findRecords([id])).map(parseStoredRecord).find((record) => record.orgId === state.orgId);
}

/**
 * The programme's grant limit an enrolment's grant is above (for its maturity at entry), or null when it is
 * within it — or when the programme is not known here, as references are not checked.
 */
async function grantOverLimit(state: BatchState, enrolment: Fields): Promise<number | null> {
  if (typeof enrolment.programmeId !== 'string' || typeof enrolment.grantCents !== 'number') return null;
  const programme = await ownRecord(state, enrolment.programmeId);
  if (!programme || programme.table !== 'programmes') return null;
  const limit = enrolment.maturity === 'active' ? programme.values.grantLimitActiveCents : programme.values.grantLimitEmergingCents;
  return typeof limit === 'number' && enrolment.grantCents > limit ? limit : null;
}

/**
 * Sets `programmeId` on an event whose free-text `programme` (sent by an app from before programmes, which
 * never sends `programmeId`) names a programme of the organisation made by the upgrade, and the event has none yet.
 */
async function joinTypedProgramme(state: BatchState, table: string, existing: WorkingRecord | undefined, fields: Fields): Promise<boolean> {
  const typed = fields.programme;
  if (table !== 'workshops' || 'programmeId' in fields || typeof typed !== 'string' || typed.trim() === '') return false;
  if (typeof existing?.values.programmeId === 'string') return false;
  const id = programmeIdFor(state.orgId, typed);
  const programme = await ownRecord(state, id);
  if (!programme || programme.table !== 'programmes' || programme.values.deleted === true) return false;
  fields.programmeId = id;
  return true;
}

/** Assigns the caller to a community they are creating, as a record the server writes at its own clock. */
function assignCreator(state: BatchState, communityId: string): void {
  const reach = state.reach;
  if (reach.all) return;
  const userId = state.caller.user.id;
  const id = assignmentId(userId, { communityId });
  const record: WorkingRecord = state.records.get(id) ?? { id, orgId: state.orgId, table: 'assignments', values: {}, clocks: {}, seq: 0, dirty: false };
  const fields = { createdAt: state.now, updatedAt: state.now, createdBy: userId, deleted: false, userId, communityId, workshopId: null };
  overrule(record, fields, state.deps.clock.next());
  touch(state, record);
  reach.communities.add(communityId);
}

/** Each good mutation of a batch as the record it would make on its own (for judging reach within the batch). */
function intendedRecords(checks: readonly CheckedMutation[], orgId: string): Map<string, WorkingRecord> {
  const intended = new Map<string, WorkingRecord>();
  for (const check of checks) {
    if (!check.ok) continue;
    const { mutation, table, fields } = check;
    const known = intended.get(mutation.recordId);
    intended.set(mutation.recordId, { id: mutation.recordId, orgId, table, values: { ...known?.values, ...fields }, clocks: {}, seq: 0, dirty: false });
  }
  return intended;
}

/**
 * Writes again, with fresh seqs, the records whose reach a batch changed: a person newly tied to a
 * community or checked in at an event, and the check-ins, dots and people of an event whose
 * communities changed, so the devices that now see them pull them.
 */
async function rewriteReached(state: BatchState): Promise<void> {
  const { tx, orgId, records } = state;
  const people = new Set(state.reachedPeople);
  for (const [eventId, filedUnder] of state.movedEvents) {
    for (const table of ['attendance', 'votes'] as const) {
      for (const stored of await tx.findRecordsInCommunity(orgId, table, filedUnder)) {
        const row = records.get(stored.id) ?? parseStoredRecord(stored);
        if (row.values.workshopId !== eventId) continue;
        if (!row.dirty) touch(state, row);
        if (typeof row.values.participantId === 'string') people.add(row.values.participantId);
      }
    }
  }
  const unread = [...people].filter((id) => !records.has(id));
  const stored = unread.length > 0 ? await tx.findRecords(unread) : [];
  for (const person of stored.map(parseStoredRecord)) if (person.orgId === orgId) records.set(person.id, person);
  for (const id of people) {
    const person = records.get(id);
    if (person && person.table === 'participants' && !person.dirty) touch(state, person);
  }
}

/**
 * Names the people behind the conflicts a batch filed: each clock's device,
 * as the devices table knows it (this batch's device is the caller, with the
 * label it sent). Values already named (a deletion's author) stay.
 */
async function nameConflicts(state: BatchState): Promise<void> {
  const { device } = state;
  if (state.filed.length === 0) return;
  const clockDevice = (value: unknown) => (typeof value === 'string' ? hlcDeviceId(value) : '');
  const ids = new Set(state.filed.flatMap((conflict) => [clockDevice(conflict.values.winnerClock), clockDevice(conflict.values.loserClock)]));
  ids.delete(device.deviceId);
  const known = ids.size > 0 ? await state.tx.findDevices(state.orgId, [...ids]) : new Map<string, DeviceRow>();
  known.set(device.deviceId, device);
  for (const conflict of state.filed) {
    for (const side of ['winner', 'loser'] as const) {
      const writer = known.get(clockDevice(conflict.values[`${side}Clock`]));
      if (!writer) continue;
      const names: Fields = {};
      if (typeof conflict.values[`${side}By`] !== 'string') names[`${side}By`] = writer.userId;
      if (writer.label !== '') names[`${side}Device`] = writer.label;
      const clock = conflict.clocks.winnerClock ?? state.deps.clock.next();
      overrule(conflict, names, clock);
    }
  }
}

/**
 * Applies a push batch for the caller, in order, in one database transaction:
 *  1. check each mutation alone (shape, table, role, field types) — outside the transaction;
 *  2. lock the organisation's change log, so its seqs commit in the order they are handed out;
 *  3. load the applied mutation ids and the records the batch touches, in two queries;
 *  4. per mutation: (a) failed step 1 → rejected alone, the rest go on; (b) applied before →
 *     acknowledged again, nothing changes (exactly once; for how long, see retention.ts); (c) another organisation's record →
 *     forbidden; (d) a new record must be whole, a community's deletion and a person's erasure a coordinator's,
 *     an erased person's data never written again; (e) its community must be the caller's; (f) clamp its clock
 *     (an erasure then applies over any clock); (g) an edit meeting a deletion (protocol/deletion.ts);
 *     (h) merge per field by clock; (i) file lost values as conflicts; (j) remember it applied;
 *  5. name the people behind the conflicts filed, remember the device; write changed records with fresh seqs,
 *     the applied ids and the new head;
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
    const device: DeviceRow = { orgId, deviceId: batch.deviceId, userId: caller.user.id, label: batch.deviceLabel ?? '', lastPushAt: now };
    const source: RecordSource = {
      byIds: async (ids) => (await tx.findRecords(ids)).filter((record) => record.orgId === orgId),
      byRef: (table, refs) => tx.findRecordsByRef(orgId, table, refs),
    };
    const reach = await reachOf(caller.user, source);
    const state: BatchState = {
      records, orgId, caller, deps, tx, nextSeq, now, device, filed: [], reach, judge: new VisibilityJudge(reach, source),
      intended: intendedRecords(checks, orgId), reachedPeople: new Set(), movedEvents: new Map(),
    };
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
      // 4c–i.
      const outcome = await applyMutation(check, state);
      if (outcome.rejection) {
        rejected.push(outcome.rejection);
        allAsSent = false;
        continue;
      }
      if (!outcome.asSent) allAsSent = false;
      conflicts += outcome.conflicts;
      // 4j.
      applied.set(id, orgId);
      appliedRows.push({ id, orgId, deviceId: batch.deviceId, userId: caller.user.id, appliedAt: now });
      acked.push(id);
    }

    // 5.
    await rewriteReached(state);
    await nameConflicts(state);
    await tx.saveDevice(state.device);
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

