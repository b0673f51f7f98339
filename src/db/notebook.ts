// The named commands that change the device's data. Each runs in one Dexie
// transaction that writes the record and its outbox entry, stamped with the
// device's hybrid logical clock; a failure leaves neither.
import { Dexie } from 'dexie';
import {
  assignmentId, attendanceId, tieId, uuidv7, type Clocks, type EditableFields, type Hlc, type RandomBytes, type RecordTypes, type TableName,
} from '../../protocol';
import type { OutboxEntry, Stored, TalkaDatabase } from './database';
import type * as RecordChecksModule from './record-checks';
import { tickDeviceClock } from './meta';
import { readRows, recordRows, stateRow, rowState } from './record-rows';

type Patch<T extends TableName> = Partial<EditableFields<T>> & { deleted?: boolean };

export interface NotebookOptions {
  db: TalkaDatabase;
  deviceId: string;
  /** Who is writing: the signed-in user's id, or the device until someone signs in. */
  author?: () => string;
  now?: () => number;
  randomBytes?: RandomBytes;
}

type RecordChecks = typeof RecordChecksModule;
let recordChecks: RecordChecks | null = null;

/**
 * The record schemas (valibot and every table's), loaded on first use so the
 * first screen does not carry them; the app loads them just after it.
 */
export async function loadRecordChecks(): Promise<RecordChecks> {
  recordChecks ??= await import('./record-checks');
  return recordChecks;
}

function browserRandomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

export class Notebook {
  readonly db: TalkaDatabase;
  readonly deviceId: string;
  private readonly author: () => string;
  private readonly now: () => number;
  private readonly randomBytes: RandomBytes;

  constructor(options: NotebookOptions) {
    this.db = options.db;
    this.deviceId = options.deviceId;
    this.now = options.now ?? (() => Date.now());
    this.randomBytes = options.randomBytes ?? browserRandomBytes;
    this.author = options.author ?? (() => options.deviceId);
  }

  newId(): string {
    return uuidv7(this.now(), this.randomBytes);
  }

  /** Who the next change is written by (the signed-in user's id, or the device's): a consent names who recorded it. */
  writer(): string {
    return this.author();
  }

  /** Creates a record of `table` with the given fields; returns its id. */
  async create<T extends TableName>(table: T, fields: EditableFields<T>, id = this.newId()): Promise<string> {
    await this.write(table, id, fields, 'create');
    return id;
  }

  /** Changes some fields of an existing record. */
  async update<T extends TableName>(table: T, id: string, patch: Patch<T>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.write(table, id, patch, 'update');
  }

  /** Soft delete: an edit like any other, so it syncs and can be undone. */
  async remove(table: TableName, id: string): Promise<void> {
    await this.write(table, id, { deleted: true, deletedBy: this.author() }, 'update');
  }

  async restore(table: TableName, id: string): Promise<void> {
    await this.write(table, id, { deleted: false }, 'update');
  }

  /**
   * Deletes records together (a community and what is under it) in one
   * transaction, every deletion at one clock: the bin finds them by it, shows
   * them as one deletion and brings them back together (src/domain/deletion-scope.ts).
   */
  async removeTogether(records: readonly { table: TableName; id: string }[]): Promise<void> {
    await this.writeTogether(records, { deleted: true, deletedBy: this.author() });
  }

  /** Brings records deleted together back, in one transaction, at one clock. */
  async restoreTogether(records: readonly { table: TableName; id: string }[]): Promise<void> {
    await this.writeTogether(records, { deleted: false });
  }

  private async writeTogether(records: readonly { table: TableName; id: string }[], input: Record<string, unknown>): Promise<void> {
    if (records.length === 0) return;
    await loadRecordChecks();
    const tables = [...new Set(records.map((record) => record.table))].map((table) => recordRows(this.db, table));
    await this.db.transaction('rw', [...tables, this.db.outbox, this.db.meta], async () => {
      const hlc = await tickDeviceClock(this.db, this.deviceId, this.now());
      for (const record of records) await this.write(record.table, record.id, input, 'update', hlc);
    });
  }

  /** Checks a participant in; the row's id is derived so two tablets make the same one. */
  async checkIn(workshop: { id: string; communityId: string | null }, participantId: string): Promise<string> {
    const id = attendanceId(workshop.id, participantId);
    await this.db.transaction('rw', [this.db.attendance, this.db.outbox, this.db.meta], async () => {
      const existing = await this.db.attendance.get(id);
      if (existing && !existing.deleted) return;
      if (existing) {
        await this.write('attendance', id, { deleted: false, checkedInAt: this.now() }, 'update');
      } else {
        await this.write('attendance', id, {
          communityId: workshop.communityId, workshopId: workshop.id, participantId, checkedInAt: this.now(),
        }, 'create');
      }
    });
    return id;
  }

  /**
   * Records a person's answers to the consent text at the door and checks them in, in one transaction:
   * the answers, the day, the text's version and who recorded them (docs/protocol.md, Records).
   */
  async checkInWithConsent(
    workshop: { id: string; communityId: string | null }, participantId: string,
    consent: { consentData: boolean; consentPhotos: boolean; consentDate: string; consentVersion: string },
  ): Promise<string> {
    return this.db.transaction('rw', [this.db.participants, this.db.attendance, this.db.outbox, this.db.meta], async () => {
      await this.write('participants', participantId, { ...consent, consentBy: this.author() }, 'update');
      return this.checkIn(workshop, participantId);
    });
  }

  /** Checks out a person: the check-ins of every record that stands for them (merged ones too), in one transaction. */
  async checkOut(workshopId: string, ...participantIds: string[]): Promise<void> {
    await this.db.transaction('rw', [this.db.attendance, this.db.outbox, this.db.meta], async () => {
      for (const participantId of participantIds) {
        const id = attendanceId(workshopId, participantId);
        const existing = await this.db.attendance.get(id);
        if (existing && !existing.deleted) await this.remove('attendance', id);
      }
    });
  }

  /** Adds a walk-in and checks them in, both in one transaction. */
  async addWalkIn(workshop: { id: string; communityId: string | null }, fields: EditableFields<'participants'>): Promise<string> {
    return this.db.transaction('rw', [this.db.participants, this.db.attendance, this.db.outbox, this.db.meta], async () => {
      const participantId = await this.create('participants', fields);
      await this.checkIn(workshop, participantId);
      return participantId;
    });
  }

  /** One dot on a need; votes are append-only rows so counts merge without conflict. */
  async castVote(workshop: { id: string; communityId: string | null }, needId: string, participantId: string | null): Promise<string> {
    return this.create('votes', {
      communityId: workshop.communityId, workshopId: workshop.id, needId, participantId, castAt: this.now(),
    });
  }

  async takeBackVote(voteId: string): Promise<void> {
    await this.remove('votes', voteId);
  }

  /**
   * Merges one person into another (docs/protocol.md, People and merges): the values chosen side by
   * side are written to the person who stays, the other is marked `mergedInto` and stays readable, and
   * their home community becomes a tie of the one who stays. Their check-ins, dots and ties keep their
   * id and count for the survivor wherever people are counted. One transaction, ordinary synced edits.
   */
  async mergePeople(survivorId: string, mergedId: string, chosen: Partial<EditableFields<'participants'>>): Promise<void> {
    if (survivorId === mergedId) throw new Error('A person cannot be merged into themselves');
    const { participants, ties, outbox, meta } = this.db;
    await this.db.transaction('rw', [participants, ties, outbox, meta], async () => {
      const [survivor, merged] = await participants.bulkGet([survivorId, mergedId]);
      if (!survivor || !merged) throw new Error('Both people must be on this device to merge them');
      const current = new Map<string, unknown>(Object.entries(survivor));
      const changed = Object.fromEntries(Object.entries(chosen).filter(([field, value]) => current.get(field) !== value));
      if (Object.keys(changed).length > 0) await this.write('participants', survivorId, changed, 'update');
      await this.write('participants', mergedId, { mergedInto: survivorId }, 'update');
      const home = merged.communityId;
      if (home && home !== survivor.communityId) {
        const id = tieId(survivorId, home);
        const tie = await ties.get(id);
        if (!tie) await this.write('ties', id, { participantId: survivorId, communityId: home }, 'create');
        else if (tie.deleted) await this.write('ties', id, { deleted: false }, 'update');
      }
    });
  }

  /** Undoes a merge: the person counts as themselves again; the values chosen for the survivor stay. */
  async undoMerge(mergedId: string): Promise<void> {
    await this.write('participants', mergedId, { mergedInto: null }, 'update');
  }

  /** Assigns a user to a community, or takes the assignment away (a coordinator's, enforced by the server). */
  async setAssignment(userId: string, communityId: string, assigned: boolean): Promise<void> {
    const id = assignmentId(userId, { communityId });
    await this.db.transaction('rw', [this.db.assignments, this.db.outbox, this.db.meta], async () => {
      const existing = await this.db.assignments.get(id);
      if (!existing) {
        if (assigned) await this.write('assignments', id, { userId, communityId, workshopId: null }, 'create');
      } else if (existing.deleted === assigned) {
        await this.write('assignments', id, assigned ? { deleted: false } : { deleted: true, deletedBy: this.author() }, 'update');
      }
    });
  }

  /**
   * A coordinator's decision on a conflict: the chosen (or merged) value is
   * written to the record and the conflict marked resolved, together, as
   * ordinary synced edits.
   */
  async resolveConflict(conflictId: string, value: unknown, resolvedBy: string): Promise<void> {
    const conflict = await this.db.conflicts.get(conflictId);
    if (!conflict) throw new Error(`No conflict ${conflictId}`);
    const { table: target, recordId, field } = conflict;
    const { isTableName } = await loadRecordChecks();
    if (!isTableName(target)) throw new Error(`Unknown table ${target}`);
    await this.db.transaction('rw', [this.db.table(target), this.db.conflicts, this.db.outbox, this.db.meta], async () => {
      if (await this.db.table(target).get(recordId)) await this.write(target, recordId, { [field]: value }, 'update');
      await this.write('conflicts', conflictId, { resolved: true, resolvedBy }, 'update');
    });
  }

  /** `sharedClock`: the clock of a write made together with others (writeTogether); otherwise the next of the device's. */
  private async write(table: TableName, id: string, input: Record<string, unknown>, mode: 'create' | 'update', sharedClock?: Hlc): Promise<void> {
    // Loaded already but for the first write; then Dexie.waitFor keeps a caller's transaction open meanwhile.
    const { checkNew, checkPatch } = recordChecks ?? await Dexie.waitFor(loadRecordChecks());
    const rows = recordRows(this.db, table);
    // Independent reads go out together, and so do the writes: IndexedDB keeps their order within the transaction.
    await this.db.transaction('rw', [rows, this.db.outbox, this.db.meta], async () => {
      const now = this.now();
      const [[existing], hlc, newest, newestSeq] = await Promise.all([
        readRows(rows, [id]),
        sharedClock ?? tickDeviceClock(this.db, this.deviceId, now),
        this.db.outbox.where('recordId').equals(id).last(),
        this.db.outbox.orderBy('seq').lastKey(),
      ]);
      if (mode === 'update' && !existing) throw new Error(`No ${table} record ${id}`);
      if (mode === 'create' && existing) throw new Error(`${table} record ${id} exists already`);
      const fields = mode === 'create'
        ? checkNew(table, id, { ...input, createdAt: now, updatedAt: now, createdBy: this.author(), deleted: false })
        : checkPatch(table, { ...input, updatedAt: now });

      const base: Record<string, Hlc | null> = {};
      // Every change says which deletion state it had seen, and a deletion what it had seen of every field:
      // the server tells an edit or a deletion made in the know from one that would hide the other (protocol/deletion.ts).
      const seenFields = fields.deleted === true && existing ? Object.keys(existing.clocks) : ['deleted'];
      for (const field of new Set([...seenFields, ...Object.keys(fields)])) base[field] = existing?.clocks[field] ?? null;
      const entry: OutboxEntry = { id: this.newId(), table, recordId: id, op: 'put', fields, base, hlc, author: this.author() };
      const queued = foldable(newest, newestSeq, entry) ? folded(newest, entry) : entry;
      // Every field the queued change carries is at its clock here too, as it will be on the server.
      const clocks: Clocks = { ...(existing?.clocks ?? {}) };
      for (const field of Object.keys(queued.fields)) clocks[field] = hlc;
      const values = existing ? rowState(existing).values : {};
      await Promise.all([
        rows.put(stateRow(id, { values: { ...values, ...fields }, clocks })),
        queued === entry ? this.db.outbox.add(entry) : this.db.outbox.put(queued),
      ]);
    });
  }

}

export type { Stored };
export type StoredRecord<T extends TableName> = Stored<RecordTypes[T]>;

/**
 * Whether a change folds into the record's newest unsent entry (typing notes
 * would otherwise queue one entry a keystroke): that entry is the last in the
 * outbox, not refused, of the same table and author.
 */
function foldable(newest: OutboxEntry | undefined, newestSeq: unknown, entry: OutboxEntry): newest is OutboxEntry {
  return newest !== undefined && !newest.rejection && newest.table === entry.table && newest.author === entry.author && newestSeq === newest.seq;
}

/**
 * The newest entry with the change folded in, under the change's id and
 * clock: an acknowledgement of the older version in flight cannot remove the
 * newer one.
 */
function folded(newest: OutboxEntry, entry: OutboxEntry): OutboxEntry {
  return { ...newest, id: entry.id, fields: { ...newest.fields, ...entry.fields }, base: { ...entry.base, ...newest.base }, hlc: entry.hlc };
}
