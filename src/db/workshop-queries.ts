// Reads of the workshop and check-in screens, beside the shared ones in queries.ts.
import type { TalkaDatabase } from './database';

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
 * left out, so this count matches the list the check-in screen shows.
 */
export async function countCheckedIn(db: TalkaDatabase, workshopId: string): Promise<number> {
  const rows = await db.attendance.where('workshopId').equals(workshopId).toArray();
  const participantIds = rows.filter((row) => !row.deleted).map((row) => row.participantId);
  const participants = await db.participants.bulkGet(participantIds);
  return participants.filter((participant) => participant && !participant.deleted).length;
}

/** Live check-ins per event, for the list's "happened? mark it held" hint. */
export async function countCheckInsByWorkshop(db: TalkaDatabase, workshopIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.attendance.where('workshopId').anyOf([...workshopIds]).toArray();
  const counts = new Map<string, number>();
  for (const row of rows) if (!row.deleted) counts.set(row.workshopId, (counts.get(row.workshopId) ?? 0) + 1);
  return counts;
}
