// Runs in Chromium, bundled by programme-report.ts (an IIFE that sets
// globalThis.talkaProgrammeReport). Two jobs:
// - seed the app's database with an organisation at the scale of a regional programme
//   (200 communities, 2,000 events, 20,000 people, 60,000 check-ins, needs, actions,
//   spending, one enrolment per community), every row as Notebook stores it;
// - open the report screen inside the running app, as a coordinator's tap does (a link
//   the router follows), and time it until the figures are painted; and, beside it,
//   time the report's two parts alone: reading the records and counting them.
// Nothing here is used by the app.
import { set } from 'idb-keyval';
import { PARTICIPANT_ROLES, WORKSHOP_KINDS, attendanceId, programmeReport } from '../../protocol';
import { TalkaDatabase } from '../../src/db/database';
import { loadProgrammeReportInput } from '../../src/db/programme-report-queries';
import { MUNICIPALITIES } from '../../src/domain/municipalities';
import { NEED_TITLES, Seeder, makePerson, prng, storeRows } from './seed-rows';
import {
  actionFields, communityFields, enrolmentFields, needFields, participantFields, programmeFields, spendingFields, workshopFields,
} from '../../testing/fixtures';

export interface ProgrammeSeedOptions {
  dbName: string;
  communities: number;
  eventsPerCommunity: number;
  peoplePerCommunity: number;
  attendancePerEvent: number;
  needsPerCommunity: number;
  actionsPerCommunity: number;
  fresh: boolean;
}

export interface ProgrammeSeeded {
  programmeId: string;
  rows: Record<string, number>;
  ms: number;
}

const YEAR = 2026;

function day(month: number, dayOfMonth: number): string {
  return `${YEAR}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

export async function seedProgramme(options: ProgrammeSeedOptions): Promise<ProgrammeSeeded> {
  const started = performance.now();
  const random = prng(20261207);
  const seeder = new Seeder('benchDevice02', '0190a5c0-0000-7000-8000-00000000c00d');
  const t0 = Date.UTC(YEAR, 0, 1);
  let step = 0;
  const at = () => t0 + step++ * 60_000;
  const programmeId = seeder.add('programmes', programmeFields({
    name: 'Drošas kopienas', start: day(1, 1), end: day(12, 31),
    targets: [
      { indicator: 'events', target: 2_000, cumulative: false },
      { indicator: 'communities', target: 200, cumulative: true },
      { indicator: 'uniquePeople', target: 15_000, cumulative: true },
      { indicator: 'firstTimePeople', target: 5_000, cumulative: false },
    ],
  }), at());
  for (let c = 0; c < options.communities; c++) {
    const communityId = seeder.add('communities', communityFields({
      name: `Kopiena ${c + 1}`, municipality: MUNICIPALITIES[c % MUNICIPALITIES.length]!.code, maturity: c % 3 === 0 ? 'active' : 'emerging',
    }), at());
    seeder.add('enrolments', enrolmentFields(communityId, programmeId, {
      start: day(1, 1 + (c % 28)), end: day(12, 31), maturity: c % 3 === 0 ? 'active' : 'emerging', grantCents: c % 3 === 0 ? 250_000 : 90_000,
    }), at());
    const people: string[] = [];
    for (let p = 0; p < options.peoplePerCommunity; p++) {
      people.push(seeder.add('participants', participantFields(communityId, {
        ...makePerson(random), role: PARTICIPANT_ROLES[p % 9 < 6 ? 0 : p % PARTICIPANT_ROLES.length]!, erased: p % 250 === 249,
      }), at()));
    }
    const events: string[] = [];
    for (let e = 0; e < options.eventsPerCommunity; e++) {
      const workshopId = seeder.add('workshops', workshopFields(communityId, {
        title: `Darbnīca ${e + 1}`, kind: WORKSHOP_KINDS[e % WORKSHOP_KINDS.length]!, date: day(1 + (e % 11), 1 + ((c + e) % 28)),
        programmeId, status: 'held',
      }), at());
      events.push(workshopId);
      const chosen = new Set<string>();
      while (chosen.size < Math.min(options.attendancePerEvent, people.length)) chosen.add(people[Math.floor(random() * people.length)]!);
      for (const participantId of chosen) {
        const checkedInAt = at();
        seeder.add('attendance', { communityId, workshopId, participantId, checkedInAt }, checkedInAt, attendanceId(workshopId, participantId));
      }
    }
    for (let n = 0; n < options.needsPerCommunity; n++) {
      seeder.add('needs', needFields(communityId, {
        workshopId: events[n % events.length] ?? null, title: NEED_TITLES[n % NEED_TITLES.length]!,
        status: (['raised', 'prioritised', 'in_progress', 'solved', 'dropped'] as const)[n % 5]!,
      }), at());
    }
    for (let a = 0; a < options.actionsPerCommunity; a++) {
      const actionId = seeder.add('actions', actionFields(communityId, {
        what: `Rīcība ${a + 1}`, due: day(2 + (a % 10), 15), budgetCents: 10_000 * (a + 1), status: a % 2 === 0 ? 'done' : 'planned',
      }), at());
      if (a % 2 === 0) seeder.add('spending', spendingFields(communityId, actionId, { date: day(2 + (a % 10), 20), amountCents: 7_500 * (a + 1) }), at());
    }
  }
  await storeRows(seeder, options.dbName, options.fresh);
  const rows = Object.fromEntries([...seeder.rows].map(([table, list]) => [table, list.length]));
  return { programmeId, rows, ms: performance.now() - started };
}

export interface ReportParts {
  loadMs: number;
  computeMs: number;
  figures: { events: number; communities: number; participations: number; uniquePeople: number; firstTimePeople: number };
}

/** The report's two parts on their own: every record read from the app's database, then counted. */
export async function timeReportParts(dbName: string, programmeId: string): Promise<ReportParts> {
  const db = new TalkaDatabase(dbName);
  await db.open();
  try {
    const loadStarted = performance.now();
    const input = await loadProgrammeReportInput(db);
    const loadMs = performance.now() - loadStarted;
    const computeStarted = performance.now();
    const report = programmeReport(input, { programmeId });
    const computeMs = performance.now() - computeStarted;
    if (!report) throw new Error('The seeded programme has no report');
    const { events, communities, participations, uniquePeople, firstTimePeople } = report;
    return { loadMs, computeMs, figures: { events, communities, participations, uniquePeople, firstTimePeople } };
  } finally {
    db.close();
  }
}

function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * In the running app: follows a link to `path` as a tap would (the router takes the click) and
 * resolves with the ms from the click to the first paint after `selector` holds `expected` text.
 */
export async function openAndWait(path: string, selector: string, expected: string, timeoutMs = 60_000): Promise<number> {
  const link = document.createElement('a');
  link.href = path;
  link.textContent = 'bench';
  document.body.append(link);
  const started = performance.now();
  link.click();
  link.remove();
  for (;;) {
    const text = document.querySelector(selector)?.textContent ?? '';
    if (text.includes(expected)) break;
    if (performance.now() - started > timeoutMs) throw new Error(`${selector} never showed "${expected}" (last: "${text.slice(0, 200)}")`);
    await new Promise((resolve) => setTimeout(resolve, 4));
  }
  await nextPaint();
  return performance.now() - started;
}

/** Signs the device in as the app keeps a session (src/account/session.ts), for a page loaded after. */
export async function saveSession(session: unknown): Promise<void> {
  await set('talka:session', session);
}

export const api = { seedProgramme, saveSession, timeReportParts, openAndWait };
Reflect.set(globalThis, 'talkaProgrammeReport', api);
