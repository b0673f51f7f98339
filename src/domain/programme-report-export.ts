// The programme report (protocol/programme-report.ts) as tables: the sheets of its XLSX file, the
// summary its CSV holds, and the lists the report screen opens behind each figure. Names of events,
// communities, needs and actions come from the device's records; a person's from the report itself,
// which gives none for an erased person. Counts are numbers and amounts are euro numbers (cents / 100),
// never text, so a funder can sum them in a spreadsheet.
import {
  PARTICIPANT_ROLES, WORKSHOP_KINDS, type ActionStatus, type NeedCategory, type NeedStatus, type ProgrammeReport,
  type ReportPerson, type TargetIndicator,
} from '../../protocol';
import { column, type ExportCell, type ExportTable } from './export-table';
import { municipalityName } from './municipalities';

/** The records the report's names come from, as the device holds them (only the fields read here). */
export interface ReportRecords {
  programmes: readonly { id: string; name: string; funder: string; start: string; end: string }[];
  communities: readonly { id: string; name: string; municipality: string }[];
  workshops: readonly { id: string; title: string; date: string }[];
  needs: readonly { id: string; communityId: string; title: string; category: NeedCategory; status: NeedStatus }[];
  actions: readonly { id: string; communityId: string; what: string; due: string; status: ActionStatus; budgetCents: number }[];
  enrolments: readonly { id: string; communityId: string; start: string; end: string; grantCents: number }[];
  spending?: readonly { id: string; communityId: string; actionId: string; date: string; what: string; amountCents: number }[] | undefined;
}

type ById<T extends { id: string }> = ReadonlyMap<string, T>;

/** The records by id, made once per load of the records (not per change of the range). */
export interface ReportLookup {
  programmes: ById<ReportRecords['programmes'][number]>;
  communities: ById<ReportRecords['communities'][number]>;
  workshops: ById<ReportRecords['workshops'][number]>;
  needs: ById<ReportRecords['needs'][number]>;
  actions: ById<ReportRecords['actions'][number]>;
  enrolments: ById<ReportRecords['enrolments'][number]>;
  spending: ById<NonNullable<ReportRecords['spending']>[number]>;
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

export function reportLookup(records: ReportRecords): ReportLookup {
  return {
    programmes: byId(records.programmes), communities: byId(records.communities), workshops: byId(records.workshops),
    needs: byId(records.needs), actions: byId(records.actions), enrolments: byId(records.enrolments), spending: byId(records.spending ?? []),
  };
}

/** The figures the report shows, in the order it shows them; each has a list behind it. */
export const FIGURE_KEYS = [
  'events', 'communities', 'municipalities', 'participations', 'uniquePeople', 'firstTimePeople', 'returningPeople', 'households',
  'averageAttendance', 'needsRaised', 'needsPrioritised', 'needsInProgress', 'needsSolved', 'needsDropped', 'actionsPlanned',
  'actionsDone', 'grantsAwardedCents', 'budgetPlannedCents', 'spentCents',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** How a figure's value is written: a count, a number with one decimal, or an amount in cents. */
export type FigureKind = 'count' | 'decimal' | 'cents';

export function figureKind(key: FigureKey | TargetIndicator): FigureKind {
  if (key.endsWith('Cents')) return 'cents';
  return key === 'averageAttendance' ? 'decimal' : 'count';
}

/** The words of the tables; the screen gives them in the interface's language. */
export const EXPORT_TEXT_KEYS = [
  'sheetSummary', 'sheetEvents', 'sheetPeople', 'sheetHouseholds', 'sheetNeeds', 'sheetActions', 'sheetFinance', 'sheetTargets',
  'key', 'indicator', 'value', 'date', 'event', 'kind', 'communities', 'participations', 'name', 'role', 'household', 'firstTime',
  'eventCount', 'events', 'community', 'municipality', 'peopleCount', 'people', 'need', 'category', 'status', 'action', 'due',
  'budget', 'type', 'what', 'amount', 'target', 'actual', 'share', 'counts', 'yes', 'no', 'erasedPerson', 'noHousehold', 'grant',
  'spending', 'grantsTotal', 'budgetTotal', 'spentTotal', 'cumulative', 'inRange', 'programme', 'funder', 'from', 'to', 'openEnd',
  'prepared',
] as const;
export type ExportTextKey = (typeof EXPORT_TEXT_KEYS)[number];

export interface ProgrammeExportLabels {
  text: (key: ExportTextKey) => string;
  /** A figure's label, e.g. "Pasākumi"; amounts say their unit ("…, EUR"). */
  figure: (key: FigureKey | 'eventsByKind' | 'peopleByRole') => string;
  value: (group: 'workshopKind' | 'role' | 'needCategory' | 'needStatus' | 'actionStatus', value: string) => string;
  /** An event as a list names it: in a file `2026-03-14 Darbnīca`, on screen with the day as the screen writes it. */
  eventName: (date: string, title: string) => string;
}

const collator = new Intl.Collator('lv');

/** Cents as a euro number with at most two decimals. */
export function euros(cents: number): number {
  return Math.round(cents) / 100;
}

/** A figure's value as a spreadsheet number: euros for amounts, one decimal for the average. */
export function figureNumber(key: FigureKey | TargetIndicator, value: number): number {
  const kind = figureKind(key);
  if (kind === 'cents') return euros(value);
  if (kind === 'decimal') return Math.round(value * 10) / 10;
  return value;
}

/** The records of `ids` that `rows` holds, in the order of `ids`. */
function held<T>(ids: readonly string[], rows: ReadonlyMap<string, T>): T[] {
  return ids.flatMap((id) => {
    const row = rows.get(id);
    return row === undefined ? [] : [row];
  });
}

/** Spending lines by date, then by what was bought. */
function byDay(a: { date: string; what: string }, b: { date: string; what: string }): number {
  return a.date.localeCompare(b.date) || collator.compare(a.what, b.what);
}

function communityNames(ids: readonly string[], lookup: ReportLookup): string {
  return ids.map((id) => lookup.communities.get(id)?.name ?? '').filter((name) => name !== '').sort(collator.compare).join(', ');
}

function personName(person: ReportPerson, labels: ProgrammeExportLabels): string {
  return person.name ?? labels.text('erasedPerson');
}

function eventName(id: string, lookup: ReportLookup, labels: ProgrammeExportLabels): string {
  const event = lookup.workshops.get(id);
  return event ? labels.eventName(event.date, event.title) : '';
}

/** Event ids in the order they took place. */
function byDate(ids: readonly string[], lookup: ReportLookup): string[] {
  const date = (id: string) => lookup.workshops.get(id)?.date ?? '';
  return [...ids].sort((a, b) => date(a).localeCompare(date(b)) || (a < b ? -1 : 1));
}

/** One row per figure, breakdowns under their figure: `key` is stable for a program reading the CSV. */
export interface FigureRow {
  key: string;
  label: string;
  value: number;
}

export function figureRows(report: ProgrammeReport, labels: ProgrammeExportLabels): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const key of FIGURE_KEYS) {
    rows.push({ key, label: labels.figure(key), value: figureNumber(key, report[key]) });
    if (key === 'events') {
      for (const kind of WORKSHOP_KINDS) {
        rows.push({ key: `eventsByKind.${kind}`, label: `${labels.figure('eventsByKind')}: ${labels.value('workshopKind', kind)}`, value: report.eventsByKind[kind] });
      }
    }
    if (key === 'households') {
      for (const role of PARTICIPANT_ROLES) {
        rows.push({ key: `peopleByRole.${role}`, label: `${labels.figure('peopleByRole')}: ${labels.value('role', role)}`, value: report.peopleByRole[role] });
      }
    }
  }
  return rows;
}

/** Kopsavilkums: the programme, the range, then every figure as (key, label, value). Also the CSV file. */
export function summaryTable(report: ProgrammeReport, lookup: ReportLookup, labels: ProgrammeExportLabels, preparedOn: string): ExportTable {
  const programme = lookup.programmes.get(report.programmeId);
  const facts: [string, string, ExportCell][] = [
    ['programme', labels.text('programme'), programme?.name ?? ''],
    ['funder', labels.text('funder'), programme?.funder ?? ''],
    ['from', labels.text('from'), report.from],
    ['to', labels.text('to'), report.to === '' ? labels.text('openEnd') : report.to],
    ['prepared', labels.text('prepared'), preparedOn],
  ];
  return {
    sheet: labels.text('sheetSummary'),
    columns: [column(labels.text('key'), 'text', 26), column(labels.text('indicator'), 'text', 44), column(labels.text('value'), 'number', 16)],
    rows: [...facts, ...figureRows(report, labels).map((row): [string, string, ExportCell] => [row.key, row.label, row.value])],
  };
}

/** Pasākumi: the range's events by date, with their communities and participations. */
export function eventsTable(report: ProgrammeReport, lookup: ReportLookup, labels: ProgrammeExportLabels): ExportTable {
  return {
    sheet: labels.text('sheetEvents'),
    columns: [
      column(labels.text('date'), 'day', 12), column(labels.text('event'), 'text', 32), column(labels.text('kind'), 'text', 18),
      column(labels.text('communities'), 'text', 30), column(labels.text('participations'), 'number', 12),
    ],
    rows: report.lists.events.map((event) => [
      event.date, lookup.workshops.get(event.id)?.title ?? '', labels.value('workshopKind', event.kind), communityNames(event.communityIds, lookup),
      event.participations,
    ]),
  };
}

/**
 * Cilvēki: each person once, by name (erased people without one, last), with whether they came for the
 * first time and how many of the range's events they attended; `only` keeps the listed ids.
 */
export function peopleTable(report: ProgrammeReport, lookup: ReportLookup, labels: ProgrammeExportLabels, only?: readonly string[]): ExportTable {
  const keep = only ? new Set(only) : null;
  const people = report.lists.people.filter((person) => !keep || keep.has(person.id))
    .sort((a, b) => (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) || collator.compare(a.name ?? '', b.name ?? '') || (a.id < b.id ? -1 : 1));
  return {
    sheet: labels.text('sheetPeople'),
    columns: [
      column(labels.text('name'), 'text', 26), column(labels.text('role'), 'text', 18), column(labels.text('household'), 'text', 18),
      column(labels.text('firstTime'), 'text', 12), column(labels.text('eventCount'), 'number', 12), column(labels.text('events'), 'text', 48),
    ],
    rows: people.map((person) => [
      personName(person, labels), person.role ? labels.value('role', person.role) : '', person.household,
      labels.text(person.firstTime ? 'yes' : 'no'), person.eventIds.length,
      byDate(person.eventIds, lookup).map((id) => eventName(id, lookup, labels)).filter((name) => name !== '').join('; '),
    ]),
  };
}

/** Mājsaimniecības: each household once, with its community and its people. */
export function householdsTable(report: ProgrammeReport, lookup: ReportLookup, labels: ProgrammeExportLabels): ExportTable {
  const people = new Map(report.lists.people.map((person) => [person.id, person]));
  return {
    sheet: labels.text('sheetHouseholds'),
    columns: [
      column(labels.text('household'), 'text', 24), column(labels.text('community'), 'text', 22), column(labels.text('peopleCount'), 'number', 10),
      column(labels.text('people'), 'text', 48),
    ],
    rows: report.lists.households.map((household) => {
      const names = household.personIds.map((id) => people.get(id)).map((person) => (person ? personName(person, labels) : ''));
      return [
        household.household === '' ? labels.text('noHousehold') : household.household,
        household.communityId ? lookup.communities.get(household.communityId)?.name ?? '' : '',
        household.personIds.length, names.filter((name) => name !== '').join('; '),
      ];
    }),
  };
}

/** Vajadzības: the needs raised in the range (grouped ones once), with their category and status now. */
export function needsTable(report: ProgrammeReport, lookup: ReportLookup, labels: ProgrammeExportLabels, only?: readonly string[]): ExportTable {
  const ids = only ?? report.lists.needIds.raised;
  return {
    sheet: labels.text('sheetNeeds'),
    columns: [
      column(labels.text('need'), 'text', 34), column(labels.text('community'), 'text', 22), column(labels.text('category'), 'text', 18),
      column(labels.text('status'), 'text', 14),
    ],
    rows: held(ids, lookup.needs).map((need) => (
      [need.title, lookup.communities.get(need.communityId)?.name ?? '', labels.value('needCategory', need.category), labels.value('needStatus', need.status)]
    )),
  };
}

/** Rīcības: the planned actions (done ones among them) by due day, budgets in euro. */
export function actionsTable(report: ProgrammeReport, lookup: ReportLookup, labels: ProgrammeExportLabels, only?: readonly string[]): ExportTable {
  const actions = held(only ?? report.lists.plannedActionIds, lookup.actions).sort((a, b) => (a.due || '9999').localeCompare(b.due || '9999') || collator.compare(a.what, b.what));
  return {
    sheet: labels.text('sheetActions'),
    columns: [
      column(labels.text('action'), 'text', 34), column(labels.text('community'), 'text', 22), column(labels.text('due'), 'day', 12),
      column(labels.text('budget'), 'euro', 12), column(labels.text('status'), 'text', 14),
    ],
    rows: actions.map((action) => [
      action.what, lookup.communities.get(action.communityId)?.name ?? '', action.due, euros(action.budgetCents), labels.value('actionStatus', action.status),
    ]),
  };
}

/** The enrolments' grants, by community. */
export function grantsTable(report: ProgrammeReport, lookup: ReportLookup, labels: ProgrammeExportLabels): ExportTable {
  return {
    sheet: labels.text('sheetFinance'),
    columns: [column(labels.text('community'), 'text', 24), column(labels.text('from'), 'day', 12), column(labels.text('to'), 'day', 12), column(labels.text('grant'), 'euro', 12)],
    rows: held(report.lists.enrolmentIds, lookup.enrolments).map((enrolment) => (
      [lookup.communities.get(enrolment.communityId)?.name ?? '', enrolment.start, enrolment.end, euros(enrolment.grantCents)]
    )),
  };
}

/** The spending lines counted, by date. */
export function spendingTable(report: ProgrammeReport, lookup: ReportLookup, labels: ProgrammeExportLabels): ExportTable {
  const lines = held(report.lists.spendingIds, lookup.spending).sort(byDay);
  return {
    sheet: labels.text('sheetFinance'),
    columns: [
      column(labels.text('date'), 'day', 12), column(labels.text('community'), 'text', 22), column(labels.text('action'), 'text', 28),
      column(labels.text('what'), 'text', 28), column(labels.text('amount'), 'euro', 12),
    ],
    rows: lines.map((line) => [
      line.date, lookup.communities.get(line.communityId)?.name ?? '', lookup.actions.get(line.actionId)?.what ?? '', line.what, euros(line.amountCents),
    ]),
  };
}

/**
 * Finanses: every grant awarded and every spending line in one sheet (a "Veids" column tells them apart),
 * then the three totals: grants awarded, budget planned and spent.
 */
export function financeTable(report: ProgrammeReport, lookup: ReportLookup, labels: ProgrammeExportLabels): ExportTable {
  const grants = held(report.lists.enrolmentIds, lookup.enrolments);
  const spending = held(report.lists.spendingIds, lookup.spending).sort(byDay);
  const community = (id: string) => lookup.communities.get(id)?.name ?? '';
  return {
    sheet: labels.text('sheetFinance'),
    columns: [
      column(labels.text('type'), 'text', 14), column(labels.text('community'), 'text', 22), column(labels.text('date'), 'day', 12),
      column(labels.text('what'), 'text', 34), column(labels.text('amount'), 'euro', 12),
    ],
    rows: [
      ...grants.map((enrolment) => [labels.text('grant'), community(enrolment.communityId), enrolment.start, '', euros(enrolment.grantCents)]),
      ...spending.map((line) => {
        const action = lookup.actions.get(line.actionId)?.what;
        return [labels.text('spending'), community(line.communityId), line.date, action ? `${action}: ${line.what}` : line.what, euros(line.amountCents)];
      }),
      ['', '', '', labels.text('grantsTotal'), euros(report.grantsAwardedCents)],
      ['', '', '', labels.text('budgetTotal'), euros(report.budgetPlannedCents)],
      ['', '', '', labels.text('spentTotal'), euros(report.spentCents)],
    ],
  };
}

/** Mērķi: each target with what is reached, the share reached in per cent (one decimal) and how it counts. */
export function targetsTable(report: ProgrammeReport, labels: ProgrammeExportLabels): ExportTable {
  return {
    sheet: labels.text('sheetTargets'),
    columns: [
      column(labels.text('indicator'), 'text', 36), column(labels.text('target'), 'number', 12), column(labels.text('actual'), 'number', 12),
      column(labels.text('share'), 'number', 12), column(labels.text('counts'), 'text', 26),
    ],
    rows: report.targets.map((target) => [
      labels.figure(target.indicator), figureNumber(target.indicator, target.target), figureNumber(target.indicator, target.actual),
      target.target === 0 ? '' : Math.round((target.actual / target.target) * 1000) / 10,
      labels.text(target.cumulative ? 'cumulative' : 'inRange'),
    ]),
  };
}

/** The XLSX workbook: one sheet per section of the report. */
export function programmeReportTables(report: ProgrammeReport, lookup: ReportLookup, labels: ProgrammeExportLabels, preparedOn: string): ExportTable[] {
  return [
    summaryTable(report, lookup, labels, preparedOn),
    eventsTable(report, lookup, labels),
    peopleTable(report, lookup, labels),
    householdsTable(report, lookup, labels),
    needsTable(report, lookup, labels),
    actionsTable(report, lookup, labels),
    financeTable(report, lookup, labels),
    targetsTable(report, labels),
  ];
}

/** Communities reached, with their municipality. */
export function communitiesTable(report: ProgrammeReport, lookup: ReportLookup, labels: ProgrammeExportLabels): ExportTable {
  const rows = held(report.lists.communityIds, lookup.communities).map((community) => [community.name, municipalityName(community.municipality)])
    .sort((a, b) => collator.compare(a[0] ?? '', b[0] ?? ''));
  return {
    sheet: labels.text('communities'),
    columns: [column(labels.text('community'), 'text', 24), column(labels.text('municipality'), 'text', 24)],
    rows,
  };
}

/** Municipalities reached, by name. */
export function municipalitiesTable(report: ProgrammeReport, labels: ProgrammeExportLabels): ExportTable {
  return {
    sheet: labels.text('municipality'),
    columns: [column(labels.text('municipality'), 'text', 24)],
    rows: report.lists.municipalities.map((code) => [municipalityName(code)]).sort((a, b) => collator.compare(a[0] ?? '', b[0] ?? '')),
  };
}

/** The list behind a figure, as the report screen opens it. */
export function figureList(key: FigureKey, report: ProgrammeReport, lookup: ReportLookup, labels: ProgrammeExportLabels): ExportTable {
  switch (key) {
    case 'events':
    case 'participations':
    case 'averageAttendance':
      return eventsTable(report, lookup, labels);
    case 'communities':
      return communitiesTable(report, lookup, labels);
    case 'municipalities':
      return municipalitiesTable(report, labels);
    case 'uniquePeople':
      return peopleTable(report, lookup, labels);
    case 'firstTimePeople':
      return peopleTable(report, lookup, labels, report.lists.firstTimePersonIds);
    case 'returningPeople':
      return peopleTable(report, lookup, labels, report.lists.returningPersonIds);
    case 'households':
      return householdsTable(report, lookup, labels);
    case 'needsRaised':
      return needsTable(report, lookup, labels);
    case 'needsPrioritised':
      return needsTable(report, lookup, labels, report.lists.needIds.prioritised);
    case 'needsInProgress':
      return needsTable(report, lookup, labels, report.lists.needIds.in_progress);
    case 'needsSolved':
      return needsTable(report, lookup, labels, report.lists.needIds.solved);
    case 'needsDropped':
      return needsTable(report, lookup, labels, report.lists.needIds.dropped);
    case 'actionsPlanned':
    case 'budgetPlannedCents':
      return actionsTable(report, lookup, labels);
    case 'actionsDone':
      return actionsTable(report, lookup, labels, report.lists.doneActionIds);
    case 'grantsAwardedCents':
      return grantsTable(report, lookup, labels);
    case 'spentCents':
      return spendingTable(report, lookup, labels);
  }
}
