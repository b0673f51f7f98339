// How an edit meets a deletion. Deletion is an edit of the `deleted` field,
// but a plain last-writer-wins on that one field would let a deletion on one
// tablet silently hide an edit made on another that had not heard of it (or
// the other way round). So, for every record kind whose deletion means "this
// record goes to the bin":
//  - an edit of a deleted record, made without having seen the deletion,
//    brings the record back with the edit applied, and the deletion is filed
//    as a conflict for someone to decide ("restore");
//  - a deletion that had not seen an edit made on another device does not
//    apply: the record stays, the deletion is filed as a conflict ("keep");
//  - an edit of a record its device knew was deleted is refused (the app
//    does not offer it), code `record_deleted`.
// Either order ends the same way: the record alive with the edit, and the
// deletion in `conflicts`. Pure; the server runs it before the field merge.
import { hlcDeviceId, type Hlc } from './hlc';
import { QUIET_FIELDS, type Edit, type FieldState } from './merge';

/** Tables whose deleted flag is the row itself (a check-out, a dot taken back): last writer wins, no bin. */
export const FLAG_TABLES: ReadonlySet<string> = new Set(['attendance', 'votes']);

/** Fields that say who deleted a record: written with the deletion, not typed content. */
const DELETION_FIELDS: ReadonlySet<string> = new Set(['deleted', 'deletedBy']);

export type DeletionVerdict =
  /** Nothing to do with a deletion: merge field by field. */
  | { kind: 'merge' }
  /** The device knew the record was deleted and still edited it. */
  | { kind: 'refuse' }
  /** The record comes back with the edit; the deletion (made at `deletionClock`) is filed as a conflict. */
  | { kind: 'restore'; deletionClock: Hlc }
  /** The deletion does not apply: `unseen` fields were edited elsewhere without its device seeing them. */
  | { kind: 'keep'; unseen: string[] };

function contentFields(fields: Record<string, unknown>): string[] {
  return Object.keys(fields).filter((field) => !QUIET_FIELDS.has(field) && !DELETION_FIELDS.has(field));
}

/**
 * Whether `edit` changes a deleted record or deletes an edited one, and what follows.
 * `current` is the record as the server holds it (null for a new one).
 */
export function judgeDeletion(table: string, current: FieldState | null, edit: Edit): DeletionVerdict {
  if (!current || FLAG_TABLES.has(table)) return { kind: 'merge' };
  const deletionClock = current.clocks.deleted;
  const isDeleted = current.values.deleted === true;
  const deletes = edit.fields.deleted === true;
  const restores = edit.fields.deleted === false;

  if (isDeleted && deletionClock !== undefined && !restores && contentFields(edit.fields).length > 0) {
    // A device always sees its own writes; otherwise its base says whether it had the deletion.
    const seen = edit.base.deleted === deletionClock || hlcDeviceId(deletionClock) === hlcDeviceId(edit.hlc);
    return seen ? { kind: 'refuse' } : { kind: 'restore', deletionClock };
  }

  if (!isDeleted && deletes) {
    // Only a deletion that says what it had seen (new devices send every field's clock) is judged by it; from
    // such a device, a field its base does not name at all (set since, say a merge) was not seen either.
    const fullBase = contentFields(edit.base).length > 0;
    const unseen = contentFields(current.values).filter((field) => {
      const clock = current.clocks[field];
      if (clock === undefined || hlcDeviceId(clock) === hlcDeviceId(edit.hlc)) return false;
      if (!(field in edit.base)) return fullBase;
      return edit.base[field] !== clock;
    });
    if (unseen.length > 0) return { kind: 'keep', unseen };
  }
  return { kind: 'merge' };
}
