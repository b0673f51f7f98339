// Participant lists as a funder's report wants them: one row per person with
// the workshops they attended (dates and titles) and how many, their consent,
// and their contact only where they agreed to their data being kept; and, as
// evidence of each event, one row per attendance. An erased participant is an
// anonymous row that still counts, and never carries personal data.
import { communitiesOf } from './events';
import type { Participant, ParticipantRole } from '../../protocol';
import { column, type ExportCell, type ExportTable } from './export-table';

/** The participant fields an export reads. */
export type PersonRecord = Pick<Participant,
  'id' | 'communityId' | 'name' | 'household' | 'phone' | 'email' | 'role' | 'consentData' | 'consentPhotos' | 'consentDate' | 'erased' | 'deleted'>;

export interface WorkshopRecord {
  id: string;
  /** The first community holding the event; null for the organisation's own. */
  communityId: string | null;
  communityIds?: readonly string[] | undefined;
  title: string;
  date: string;
  place: string;
  facilitators: string;
  deleted: boolean;
}

export interface AttendanceRecord {
  workshopId: string;
  participantId: string;
  checkedInAt: number;
  deleted: boolean;
}

export interface ParticipantExportInput {
  /** The workshops in scope (one, or a programme's over a period). */
  workshops: readonly WorkshopRecord[];
  attendance: readonly AttendanceRecord[];
  participants: readonly PersonRecord[];
  communities: readonly { id: string; name: string }[];
}

export interface AttendedWorkshop {
  workshopId: string;
  date: string;
  title: string;
  checkedInAt: number;
}

/** One person as the export shows them; personal fields already emptied where they must not appear. */
export interface ParticipantLine {
  participantId: string;
  erased: boolean;
  /** '' for an erased participant: the label "Erased participant" is the caller's, in its language. */
  name: string;
  community: string;
  household: string;
  role: ParticipantRole | null;
  phone: string;
  email: string;
  consentData: boolean;
  consentPhotos: boolean;
  consentDate: string;
  attended: AttendedWorkshop[];
}

/** The people who attended any workshop in scope, each once, named ones by name and erased ones last. */
export function participantLines(input: ParticipantExportInput): ParticipantLine[] {
  const workshops = new Map(input.workshops.filter((w) => !w.deleted).map((w) => [w.id, w]));
  const people = new Map(input.participants.filter((p) => !p.deleted).map((p) => [p.id, p]));
  const communities = new Map(input.communities.map((c) => [c.id, c.name]));
  const lines = new Map<string, ParticipantLine>();
  for (const row of input.attendance) {
    const workshop = workshops.get(row.workshopId);
    const person = people.get(row.participantId);
    if (row.deleted || !workshop || !person) continue;
    let line = lines.get(person.id);
    if (!line) {
      line = lineOf(person, person.communityId === null ? '' : communities.get(person.communityId) ?? '');
      lines.set(person.id, line);
    }
    if (!line.attended.some((a) => a.workshopId === workshop.id)) {
      line.attended.push({ workshopId: workshop.id, date: workshop.date, title: workshop.title, checkedInAt: row.checkedInAt });
    }
  }
  for (const line of lines.values()) line.attended.sort(byDateThenTitle);
  return [...lines.values()].sort(byNameErasedLast);
}

function lineOf(person: PersonRecord, community: string): ParticipantLine {
  if (person.erased) {
    return {
      participantId: person.id, erased: true, name: '', community, household: '', role: null, phone: '', email: '',
      consentData: false, consentPhotos: false, consentDate: '', attended: [],
    };
  }
  const mayContact = person.consentData;
  return {
    participantId: person.id, erased: false, name: person.name, community, household: person.household, role: person.role,
    phone: mayContact ? person.phone : '', email: mayContact ? person.email : '',
    consentData: person.consentData, consentPhotos: person.consentPhotos, consentDate: person.consentDate, attended: [],
  };
}

const collator = new Intl.Collator('lv');

function byDateThenTitle(a: AttendedWorkshop, b: AttendedWorkshop): number {
  return a.date.localeCompare(b.date) || collator.compare(a.title, b.title) || a.workshopId.localeCompare(b.workshopId);
}

function byNameErasedLast(a: ParticipantLine, b: ParticipantLine): number {
  if (a.erased !== b.erased) return a.erased ? 1 : -1;
  const firstA = a.attended[0]?.date ?? '';
  const firstB = b.attended[0]?.date ?? '';
  return collator.compare(a.name, b.name) || firstA.localeCompare(firstB) || a.participantId.localeCompare(b.participantId);
}

/** Column headers and value labels in the reader's language, given by the caller (the domain has no i18n). */
export interface ParticipantLabels {
  sheetParticipants: string;
  sheetAttendance: string;
  sheetWorkshops: string;
  sheetSummary: string;
  number: string;
  name: string;
  community: string;
  household: string;
  role: string;
  phone: string;
  email: string;
  consentData: string;
  consentPhotos: string;
  consentDate: string;
  attendedCount: string;
  attendedWorkshops: string;
  checkedInAt: string;
  date: string;
  workshop: string;
  place: string;
  facilitators: string;
  participantCount: string;
  yes: string;
  no: string;
  erasedName: string;
  roleLabel: (role: ParticipantRole) => string;
}

/** `HH:MM` on this device's clock. */
export function localTime(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function personCells(line: ParticipantLine, labels: ParticipantLabels): ExportCell[] {
  const yesNo = (value: boolean) => (value ? labels.yes : labels.no);
  return [
    line.erased ? labels.erasedName : line.name,
    line.community,
    line.household,
    line.role ? labels.roleLabel(line.role) : '',
    line.phone,
    line.email,
    line.erased ? '' : yesNo(line.consentData),
    line.erased ? '' : yesNo(line.consentPhotos),
    line.consentDate,
  ];
}

function personColumns(labels: ParticipantLabels) {
  return [
    column(labels.name, 'text', 26), column(labels.community, 'text', 20), column(labels.household, 'text', 18),
    column(labels.role, 'text', 16), column(labels.phone, 'text', 16), column(labels.email, 'text', 24),
    column(labels.consentData, 'text', 12), column(labels.consentPhotos, 'text', 12), column(labels.consentDate, 'day', 12),
  ];
}

/**
 * One row per person. For a single workshop the last column is the check-in
 * time; for a period it is how many of the workshops they attended and which.
 */
export function participantTable(lines: readonly ParticipantLine[], labels: ParticipantLabels, scope: 'workshop' | 'period'): ExportTable {
  const tail = scope === 'workshop'
    ? [column(labels.checkedInAt, 'text', 10)]
    : [column(labels.attendedCount, 'number', 10), column(labels.attendedWorkshops, 'text', 48)];
  return {
    sheet: labels.sheetParticipants,
    columns: [column(labels.number, 'number', 5), ...personColumns(labels), ...tail],
    rows: lines.map((line, index) => [
      index + 1,
      ...personCells(line, labels),
      ...(scope === 'workshop'
        ? [line.attended[0] ? localTime(line.attended[0].checkedInAt) : '']
        : [line.attended.length, line.attended.map((a) => `${a.date} ${a.title}`).join('; ')]),
    ]),
  };
}

/** One row per attendance (date, workshop, person), the evidence of each event. */
export function attendanceTable(lines: readonly ParticipantLine[], labels: ParticipantLabels): ExportTable {
  const rows = lines.flatMap((line) => line.attended.map((attended) => ({ line, attended })))
    .sort((a, b) => byDateThenTitle(a.attended, b.attended) || byNameErasedLast(a.line, b.line));
  return {
    sheet: labels.sheetAttendance,
    columns: [
      column(labels.date, 'day', 12), column(labels.workshop, 'text', 28), column(labels.name, 'text', 26),
      column(labels.community, 'text', 20), column(labels.household, 'text', 18), column(labels.role, 'text', 16),
      column(labels.checkedInAt, 'text', 10),
    ],
    rows: rows.map(({ line, attended }) => [
      attended.date, attended.title, line.erased ? labels.erasedName : line.name, line.community, line.household,
      line.role ? labels.roleLabel(line.role) : '', localTime(attended.checkedInAt),
    ]),
  };
}

/** The workshops in scope with their attendance, oldest first. */
export function workshopTable(input: ParticipantExportInput, lines: readonly ParticipantLine[], labels: ParticipantLabels): ExportTable {
  const communities = new Map(input.communities.map((c) => [c.id, c.name]));
  const counts = new Map<string, number>();
  for (const line of lines) for (const a of line.attended) counts.set(a.workshopId, (counts.get(a.workshopId) ?? 0) + 1);
  const workshops = input.workshops.filter((w) => !w.deleted)
    .sort((a, b) => a.date.localeCompare(b.date) || collator.compare(a.title, b.title));
  return {
    sheet: labels.sheetWorkshops,
    columns: [
      column(labels.date, 'day', 12), column(labels.workshop, 'text', 28), column(labels.community, 'text', 20),
      column(labels.place, 'text', 20), column(labels.facilitators, 'text', 24), column(labels.participantCount, 'number', 12),
    ],
    rows: workshops.map((w) => [w.date, w.title, communitiesOf(w).map((id) => communities.get(id) ?? '').join(', '), w.place, w.facilitators, counts.get(w.id) ?? 0]),
  };
}

export interface PeriodSummary {
  workshops: number;
  uniqueParticipants: number;
  attendances: number;
}

export function summarisePeriod(input: ParticipantExportInput, lines: readonly ParticipantLine[]): PeriodSummary {
  return {
    workshops: input.workshops.filter((w) => !w.deleted).length,
    uniqueParticipants: lines.length,
    attendances: lines.reduce((sum, line) => sum + line.attended.length, 0),
  };
}

/** Label–value rows heading a programme's workbook: what, when, and the totals a funder asks for first. */
export function summaryTable(title: string, facts: readonly [string, ExportCell][], labels: ParticipantLabels): ExportTable {
  return {
    sheet: labels.sheetSummary,
    columns: [column(title, 'text', 34), column('', 'text', 40)],
    rows: facts.map(([label, value]) => [label, value]),
  };
}
