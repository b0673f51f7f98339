// Retention review: participants not seen for N months are flagged, so a
// coordinator can ask whether their data is still needed for its purpose.
// "Seen" is the day of the latest workshop they attended, or the day their
// record was made if they never attended one.
import { dayParts, localDay } from './days';

export const RETENTION_MONTHS = { min: 1, max: 120, default: 24 } as const;

export interface RetentionPerson {
  id: string;
  name: string;
  createdAt: number;
  erased: boolean;
  deleted: boolean;
}

export interface RetentionInput<P extends RetentionPerson> {
  participants: readonly P[];
  attendance: readonly { participantId: string; workshopId: string; checkedInAt: number; deleted: boolean }[];
  workshops: readonly { id: string; date: string; deleted: boolean }[];
}

export interface FlaggedParticipant<P> {
  participant: P;
  /** `YYYY-MM-DD` */
  lastSeen: string;
  attended: number;
}

/** The calendar day `months` before `day` (`YYYY-MM-DD`), the day clamped to the shorter month: 31 March − 1 → 28/29 February. */
export function monthsBefore(day: string, months: number): string {
  const { year: y, month: m, day: d } = dayParts(day);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`;
}

/** Reads the months typed into the setting; null when it is not a whole number in range. */
export function parseRetentionMonths(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const months = Number(text);
  return months >= RETENTION_MONTHS.min && months <= RETENTION_MONTHS.max ? months : null;
}

/** Participants last seen before `today` − `months`, longest unseen first. Erased and deleted ones are left out. */
export function flagForReview<P extends RetentionPerson>(input: RetentionInput<P>, today: string, months: number): FlaggedParticipant<P>[] {
  const cutoff = monthsBefore(today, months);
  const workshopDays = new Map(input.workshops.filter((w) => !w.deleted).map((w) => [w.id, w.date]));
  const seen = new Map<string, { last: string; workshops: Set<string> }>();
  for (const row of input.attendance) {
    if (row.deleted) continue;
    const day = workshopDays.get(row.workshopId) ?? localDay(row.checkedInAt);
    const entry = seen.get(row.participantId) ?? { last: '', workshops: new Set<string>() };
    if (day > entry.last) entry.last = day;
    entry.workshops.add(row.workshopId);
    seen.set(row.participantId, entry);
  }
  const flagged: FlaggedParticipant<P>[] = [];
  for (const participant of input.participants) {
    if (participant.deleted || participant.erased) continue;
    const entry = seen.get(participant.id);
    const lastSeen = entry?.last || localDay(participant.createdAt);
    if (lastSeen < cutoff) flagged.push({ participant, lastSeen, attended: entry?.workshops.size ?? 0 });
  }
  return flagged.sort((a, b) => a.lastSeen.localeCompare(b.lastSeen) || a.participant.name.localeCompare(b.participant.name, 'lv'));
}
