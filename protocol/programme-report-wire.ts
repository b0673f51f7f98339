// The programme report over HTTP (docs/protocol.md, Programme report):
// `GET /api/programmes/:programmeId/report?from=YYYY-MM-DD&to=YYYY-MM-DD`, a
// coordinator's. The server parses the path and query with
// programmeReportQuerySchema and answers what programmeReport
// (programme-report.ts) computes; programmeReportResponseSchema describes the
// reply, so the app or a test can read it. The rows the server reads from its
// database are parsed with REPORT_ROW_SCHEMAS (only the fields the report uses).
import * as v from 'valibot';
import { NEED_STATUSES, PARTICIPANT_ROLES, TARGET_INDICATORS, WORKSHOP_KINDS } from './enums';
import { UUID_PATTERN } from './ids';
import { keyed } from './objects';
import type { ProgrammeReport, ProgrammeReportInput } from './programme-report';

/** Whether `text` (`YYYY-MM-DD`) names a day of the calendar: 2024-02-29 does, 2026-02-30 does not. */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A day of the query: empty (not given) or a real calendar day. */
const queryDay = v.pipe(v.string('bad_date'), v.check((text) => text === '' || isCalendarDay(text), 'bad_date'));

/**
 * The report's path and query: `programmeId` a record id, `from` and `to` days (both optional and
 * inclusive; `from` not after `to`). Issues carry the refusal's code: `bad_id`, `bad_date`, `bad_range`.
 * Other query parameters are ignored.
 */
export const programmeReportQuerySchema = v.pipe(
  v.object({
    programmeId: v.pipe(v.string('bad_id'), v.regex(UUID_PATTERN, 'bad_id')),
    from: v.optional(queryDay, ''),
    to: v.optional(queryDay, ''),
  }),
  v.check((query) => query.from === '' || query.to === '' || query.from <= query.to, 'bad_range'),
);
export type ProgrammeReportRequest = v.InferOutput<typeof programmeReportQuerySchema>;

const count = v.number();
const ids = v.array(v.string());
const role = v.picklist(PARTICIPANT_ROLES);

const figures = {
  events: count,
  eventsByKind: v.object(keyed(WORKSHOP_KINDS, () => count)),
  communities: count,
  municipalities: count,
  participations: count,
  uniquePeople: count,
  firstTimePeople: count,
  returningPeople: count,
  households: count,
  peopleByRole: v.object(keyed(PARTICIPANT_ROLES, () => count)),
  averageAttendance: count,
  needsRaised: count,
  needsPrioritised: count,
  needsInProgress: count,
  needsSolved: count,
  needsDropped: count,
  actionsPlanned: count,
  actionsDone: count,
  grantsAwardedCents: count,
  budgetPlannedCents: count,
  spentCents: count,
};

const lists = v.object({
  events: v.array(v.object({ id: v.string(), date: v.string(), kind: v.picklist(WORKSHOP_KINDS), communityIds: ids, participations: count })),
  communityIds: ids,
  municipalities: ids,
  /** Erased people: `name` null, `household` empty. */
  people: v.array(v.object({
    id: v.string(), name: v.nullable(v.string()), role: v.nullable(role), household: v.string(), eventIds: ids, firstTime: v.boolean(),
  })),
  firstTimePersonIds: ids,
  returningPersonIds: ids,
  households: v.array(v.object({ key: v.string(), household: v.string(), communityId: v.nullable(v.string()), personIds: ids })),
  needIds: v.object({ raised: ids, prioritised: ids, in_progress: ids, solved: ids, dropped: ids }),
  plannedActionIds: ids,
  doneActionIds: ids,
  enrolmentIds: ids,
  spendingIds: ids,
});

/** The reply: every figure at the top level, the range as used (`to` empty: no end), targets with their actual figure, the lists. */
export const programmeReportResponseSchema = v.object({
  programmeId: v.string(),
  from: v.string(),
  to: v.string(),
  ...figures,
  targets: v.array(v.object({ indicator: v.picklist(TARGET_INDICATORS), target: count, cumulative: v.boolean(), actual: count })),
  lists,
});
export type ProgrammeReportResponse = v.InferOutput<typeof programmeReportResponseSchema>;

// What the server reads of each stored record: the fields the report uses, as stored, no more
// (a record's other fields, and fields a newer app adds, are left alone).

const row = { id: v.string(), deleted: v.boolean() };
const nullableId = v.nullable(v.string());

/** One schema per table the report reads; a stored row that does not fit is left out of the report. */
export const REPORT_ROW_SCHEMAS = {
  programmes: v.object({
    ...row, start: v.string(), end: v.string(),
    targets: v.array(v.object({ indicator: v.picklist(TARGET_INDICATORS), target: v.number(), cumulative: v.boolean() })),
  }),
  enrolments: v.object({ ...row, communityId: v.string(), programmeId: v.string(), start: v.string(), end: v.string(), grantCents: v.number() }),
  communities: v.object({ ...row, municipality: v.string() }),
  workshops: v.object({
    ...row, communityId: nullableId, communityIds: v.optional(v.array(v.string())), date: v.string(), kind: v.picklist(WORKSHOP_KINDS),
    status: v.string(), programmeId: v.optional(nullableId),
  }),
  participants: v.object({
    ...row, name: v.string(), communityId: nullableId, household: v.string(), role, erased: v.boolean(), mergedInto: v.optional(nullableId),
  }),
  attendance: v.object({ ...row, workshopId: v.string(), participantId: v.string() }),
  needs: v.object({
    ...row, communityId: v.string(), workshopId: nullableId, status: v.picklist(NEED_STATUSES), createdAt: v.number(), sameAs: v.optional(nullableId),
  }),
  actions: v.object({ ...row, communityId: v.string(), due: v.string(), status: v.string(), budgetCents: v.number(), createdAt: v.number() }),
  spending: v.object({ ...row, communityId: v.string(), actionId: v.string(), date: v.string(), amountCents: v.number() }),
} satisfies { [K in keyof ProgrammeReportInput]-?: v.GenericSchema<unknown, NonNullable<ProgrammeReportInput[K]>[number]> };

export type ReportTable = keyof typeof REPORT_ROW_SCHEMAS;
export const REPORT_TABLES: readonly ReportTable[] = [
  'programmes', 'enrolments', 'communities', 'workshops', 'participants', 'attendance', 'needs', 'actions', 'spending',
];

/** A report's reply as it goes on the wire: the same object (the type says the two agree). */
export function reportResponse(report: ProgrammeReport): ProgrammeReportResponse {
  return report;
}
