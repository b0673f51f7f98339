// Reads of the workshop and check-in screens, beside the shared ones in queries.ts.
import { resolveSurvivors, survivorOf } from '../../protocol';
import { alive } from '../domain/live-records';
import type { TalkaDatabase } from './database';
import type { StoredRecord } from './notebook';

/** Programme names used by earlier workshops on this device, for suggestions. */
export async function listProgrammes(db: TalkaDatabase): Promise<string[]> {
  const names = new Set<string>();
  await db.workshops.each((workshop) => {
    if (!workshop.deleted && workshop.programme.trim()) names.add(workshop.programme.trim());
  });
  return [...names].sort((a, b) => a.localeCompare(b, 'lv'));
}

/**
 * People checked in to a workshop. A participant deleted after checking in is
 * left out, so this count matches the list the check-in screen shows; a person
 * merged into another counts as the one who stays, once however many of their
 * records were checked in (protocol/people-merge.ts).
 */
export async function countCheckedIn(db: TalkaDatabase, workshopId: string): Promise<number> {
  const rows = await db.attendance.where('workshopId').equals(workshopId).toArray();
  const participantIds = rows.filter((row) => !row.deleted).map((row) => row.participantId);
  const attendees = alive(await db.participants.bulkGet(participantIds));
  // Each attendee's chain of merges, read as far as it goes: enough to resolve them as everywhere else.
  const links = new Map(attendees.map((person) => [person.id, person]));
  let targets = nextTargets([...links.values()], links);
  while (targets.length > 0) {
    for (const person of await db.participants.bulkGet(targets)) if (person) links.set(person.id, person);
    targets = nextTargets(targets.flatMap((id) => links.get(id) ?? []), links);
  }
  const survivors = resolveSurvivors(links.values());
  return new Set(attendees.map((person) => survivorOf(survivors, person.id))).size;
}

function nextTargets(people: readonly StoredRecord<'participants'>[], known: ReadonlyMap<string, unknown>): string[] {
  return [...new Set(people.flatMap((person) => (person.mergedInto && !known.has(person.mergedInto) ? [person.mergedInto] : [])))];
}
