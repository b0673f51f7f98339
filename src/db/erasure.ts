// What a device holds of an erased person besides their record: unsent
// changes that carry their personal data (the server would refuse them, and
// they must not stay on the device either) and conflicts that kept their
// values. Run inside the transaction that erases or pulls the erasure.
import { PERSONAL_FIELDS, isPersonalField } from '../../protocol';
import { erasurePatch } from '../domain/export-participant';
import type { TalkaDatabase } from './database';
import type { Notebook } from './notebook';

/** Strips personal fields from unsent changes to these people, dropping changes left empty; keeps `keep` (the erasure itself). */
export async function forgetUnsentPersonalData(db: TalkaDatabase, personIds: readonly string[], keep?: string): Promise<void> {
  if (personIds.length === 0) return;
  const entries = await db.outbox.where('recordId').anyOf([...personIds]).toArray();
  for (const entry of entries) {
    if (entry.id === keep || entry.table !== 'participants' || entry.seq === undefined) continue;
    const personal = Object.keys(entry.fields).filter(isPersonalField);
    if (personal.length === 0) continue;
    const fields = { ...entry.fields };
    const base = { ...entry.base };
    for (const field of personal) {
      delete fields[field];
      delete base[field];
    }
    const left = Object.keys(fields).filter((field) => field !== 'updatedAt');
    if (left.length === 0) await db.outbox.delete(entry.seq);
    else await db.outbox.put({ ...entry, fields, base });
  }
}

/**
 * Blanks, on this device, the values conflicts kept of these people's personal
 * fields and marks them resolved by the eraser, as the server does when the
 * erasure reaches it (its scrubbed copies come back with the next pull).
 */
export async function forgetConflictedPersonalData(db: TalkaDatabase, personIds: readonly string[], resolvedBy: string): Promise<void> {
  if (personIds.length === 0) return;
  const conflicts = await db.conflicts.where('recordId').anyOf([...personIds]).toArray();
  const personal: ReadonlySet<string> = new Set(PERSONAL_FIELDS);
  const scrubbed = conflicts
    .filter((conflict) => conflict.table === 'participants' && personal.has(conflict.field) && (conflict.winnerValue !== '' || conflict.loserValue !== ''))
    .map((conflict) => ({ ...conflict, winnerValue: '', loserValue: '', resolved: true, resolvedBy }));
  if (scrubbed.length > 0) await db.conflicts.bulkPut(scrubbed);
}

/**
 * Erases a participant on request (a coordinator's operation; the server
 * refuses it from anyone else): personal fields replaced, consent withdrawn,
 * when and by whom recorded, as one synced change that the server applies
 * over any clock. On this device their unsent changes lose the personal data
 * they carried and conflicts their kept values, in the same transaction.
 * Attendance and votes point at the record by id and stay, as anonymous counts.
 */
export async function eraseParticipant(notebook: Notebook, participantId: string, erasedBy: string, now = Date.now()): Promise<void> {
  const { db } = notebook;
  await db.transaction('rw', [db.participants, db.conflicts, db.outbox, db.meta], async () => {
    const participant = await db.participants.get(participantId);
    if (!participant) throw new Error(`No participant ${participantId}`);
    // The person is every record merged into them too (protocol/people-merge.ts): each is erased.
    const records = await recordsOfPerson(db, participantId);
    await forgetUnsentPersonalData(db, records);
    for (const id of records) await notebook.update('participants', id, erasurePatch(erasedBy, now));
    await forgetConflictedPersonalData(db, records, erasedBy);
  });
}

/** The person's own record and every record that resolves to them through merges (chains included). */
async function recordsOfPerson(db: Notebook['db'], personId: string): Promise<string[]> {
  const found = new Set([personId]);
  let frontier = [personId];
  while (frontier.length > 0) {
    const merged = await db.participants.where('mergedInto').anyOf(frontier).toArray();
    frontier = merged.map((person) => person.id).filter((id) => !found.has(id));
    for (const id of frontier) found.add(id);
  }
  return [...found];
}
