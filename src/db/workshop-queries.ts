// Reads of the workshop and check-in screens, beside the shared ones in queries.ts.
import { resolveSurvivors, survivorOf } from '../../protocol';
import { alive } from '../domain/live-records';
import type { TalkaDatabase } from './database';
import type { StoredRecord } from './notebook';

/** One person checked in to a workshop, under the record that stands for them. */
export interface Attendee {
  participantId: string;
  /** Their earliest check-in at the workshop. */
  checkedInAt: number;
  /** The records checked in for them: their own, and those of people merged into them. */
  records: string[];
}

/**
 * The people checked in to a workshop, each once: a person merged into another counts as the one
 * who stays, however many of their records were checked in (protocol/people-merge.ts). A participant
 * deleted after checking in is left out.
 */
export async function listAttendees(db: TalkaDatabase, workshopId: string): Promise<Attendee[]> {
  const rows = alive(await db.attendance.where('workshopId').equals(workshopId).toArray());
  const attendees = alive(await db.participants.bulkGet([...new Set(rows.map((row) => row.participantId))]));
  // Each attendee's chain of merges, read as far as it goes: enough to resolve them as everywhere else.
  const links = new Map(attendees.map((person) => [person.id, person]));
  let targets = nextTargets(attendees, links);
  while (targets.length > 0) {
    for (const person of await db.participants.bulkGet(targets)) if (person) links.set(person.id, person);
    targets = nextTargets(targets.flatMap((id) => links.get(id) ?? []), links);
  }
  const survivors = resolveSurvivors(links.values());
  const live = new Set(attendees.map((person) => person.id));
  const byPerson = new Map<string, Attendee>();
  for (const row of rows) {
    if (!live.has(row.participantId)) continue;
    const participantId = survivorOf(survivors, row.participantId);
    const known = byPerson.get(participantId);
    if (!known) byPerson.set(participantId, { participantId, checkedInAt: row.checkedInAt, records: [row.participantId] });
    else {
      known.checkedInAt = Math.min(known.checkedInAt, row.checkedInAt);
      known.records.push(row.participantId);
    }
  }
  return [...byPerson.values()];
}

/** How many people were checked in to a workshop (listAttendees), the number the check-in screen shows. */
export async function countCheckedIn(db: TalkaDatabase, workshopId: string): Promise<number> {
  return (await listAttendees(db, workshopId)).length;
}

function nextTargets(people: readonly StoredRecord<'participants'>[], known: ReadonlyMap<string, unknown>): string[] {
  return [...new Set(people.flatMap((person) => (person.mergedInto && !known.has(person.mergedInto) ? [person.mergedInto] : [])))];
}

/** Live check-ins per event, for the list's "happened? mark it held" hint. */
export async function countCheckInsByWorkshop(db: TalkaDatabase, workshopIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.attendance.where('workshopId').anyOf([...workshopIds]).toArray();
  const counts = new Map<string, number>();
  for (const row of rows) if (!row.deleted) counts.set(row.workshopId, (counts.get(row.workshopId) ?? 0) + 1);
  return counts;
}
