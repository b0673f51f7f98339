// What migration 0008 writes for one organisation (docs/protocol.md, Programmes): the free-text
// `programme` of its events becomes programme records, every event gets its `programmeId`, and every
// community is enrolled in the main programme with today's grant limit, so its action-plan budget
// limit stays what it was when the app takes the limit from the enrolment. A pure function of the
// organisation's stored records, so the migration's I/O stays in migrations.ts and a rerun (or
// another server) plans the same ids and, finding them written, nothing more.
import { compareHlc, formatHlc, parseHlc, type Hlc } from '../../protocol/hlc';
import { enrolmentIdFor, programmeIdFor } from '../../protocol/ids';
import { isCleanText } from '../../protocol/text';

/** The grant limits of the day of the upgrade, in euro cents: written into what it makes, never read from today's code. */
export const UPGRADE_GRANT_LIMIT_CENTS = { emerging: 100_000, active: 300_000 } as const;
/** The programme of an organisation that never named one. */
export const UNNAMED_PROGRAMME = 'Programma';
/** The device id of the upgrade's clocks: no device has it. */
export const UPGRADE_CLOCK_DEVICE = 'server-upgrade';
const NAME_MAX = 200;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A stored record as the upgrade reads it: its id and its fields, parsed from JSON (any shape). */
export interface StoredFields {
  id: string;
  fields: unknown;
}

export interface ProgrammeUpgradeInput {
  orgId: string;
  /** The upgrade's time (unix ms): the new records' createdAt and updatedAt. */
  at: number;
  communities: readonly StoredFields[];
  workshops: readonly StoredFields[];
  /** The organisation's programme and enrolment records already stored (any a device made, or an earlier run's). */
  programmes: readonly StoredFields[];
  enrolments: readonly StoredFields[];
}

export interface NewRecord {
  id: string;
  communityId: string | null;
  fields: Record<string, unknown>;
}

export interface ProgrammeUpgradePlan {
  programmes: NewRecord[];
  enrolments: NewRecord[];
  /** Events without a programme, and the programme each now belongs to. */
  workshops: { id: string; programmeId: string }[];
}

function field(fields: unknown, name: string): unknown {
  return typeof fields === 'object' && fields !== null && !Array.isArray(fields) ? Object.getOwnPropertyDescriptor(fields, name)?.value : undefined;
}

function text(fields: unknown, name: string): string {
  const value = field(fields, name);
  return typeof value === 'string' ? value : '';
}

const isLive = (record: StoredFields): boolean => field(record.fields, 'deleted') !== true;

function utcDay(timestamp: number): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

/** A name as the programme is called: trimmed, runs of spaces as one. */
function spellingOf(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

interface Candidate {
  id: string;
  /** Absent for a programme already stored. */
  create: { spellings: Map<string, number> } | null;
  events: string[];
  /** The event days in it (for a new programme's start), and a stored programme's start. */
  days: string[];
}

function earliest(days: readonly string[]): string {
  return days.reduce((first, day) => (first === '' || day < first ? day : first), '');
}

/** The spelling most events use; of equally used ones, the first in code-point order, so every server picks the same. */
function mostUsed(spellings: ReadonlyMap<string, number>): string {
  return [...spellings].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))[0]?.[0] ?? UNNAMED_PROGRAMME;
}

export function planProgrammeUpgrade(input: ProgrammeUpgradeInput): ProgrammeUpgradePlan {
  const communities = input.communities.filter(isLive);
  const workshops = input.workshops.filter(isLive);
  const stored = new Set(input.programmes.map((programme) => programme.id));
  const candidates = new Map<string, Candidate>();
  for (const programme of input.programmes.filter(isLive)) {
    const start = text(programme.fields, 'start');
    candidates.set(programme.id, { id: programme.id, create: null, events: [], days: DAY.test(start) ? [start] : [] });
  }

  // Events already in a programme count for it; the others by their programme's name, or none.
  const unnamed: { id: string; day: string }[] = [];
  const unmapped: { id: string; candidate: Candidate }[] = [];
  for (const workshop of workshops) {
    const programmeId = field(workshop.fields, 'programmeId');
    const date = text(workshop.fields, 'date');
    const day = DAY.test(date) ? date : '';
    if (typeof programmeId === 'string' && programmeId !== '') {
      candidates.get(programmeId)?.events.push(workshop.id);
      continue;
    }
    const spelling = spellingOf(text(workshop.fields, 'programme'));
    if (spelling === '' || spelling.length > NAME_MAX || !isCleanText(spelling)) {
      unnamed.push({ id: workshop.id, day });
      continue;
    }
    const id = programmeIdFor(input.orgId, spelling);
    const candidate: Candidate = candidates.get(id) ?? { id, create: stored.has(id) ? null : { spellings: new Map() }, events: [], days: [] };
    candidates.set(id, candidate);
    candidate.create?.spellings.set(spelling, (candidate.create.spellings.get(spelling) ?? 0) + 1);
    candidate.events.push(workshop.id);
    if (day !== '') candidate.days.push(day);
    unmapped.push({ id: workshop.id, candidate });
  }

  // The main programme: the one most events use (then the earliest, then by id); 'Programma' when there is none.
  const startOf = (candidate: Candidate): string => earliest(candidate.days) || '9999-12-31';
  const ranked = [...candidates.values()].sort((a, b) =>
    b.events.length - a.events.length || (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0) || (a.id < b.id ? -1 : 1));
  let main: Candidate | undefined = ranked[0];
  if (!main && (communities.length > 0 || unnamed.length > 0)) {
    const id = programmeIdFor(input.orgId, UNNAMED_PROGRAMME);
    const fallback: Candidate = { id, create: stored.has(id) ? null : { spellings: new Map([[UNNAMED_PROGRAMME, 0]]) }, events: [], days: [] };
    candidates.set(id, fallback);
    main = fallback;
  }
  for (const event of unnamed) {
    if (!main) break;
    main.events.push(event.id);
    if (event.day !== '') main.days.push(event.day);
    unmapped.push({ id: event.id, candidate: main });
  }

  const firstCommunityDay = earliest(communities.map((community) => createdDay(community, input.at)));
  const common = { createdAt: input.at, updatedAt: input.at, createdBy: 'server', deleted: false };
  const programmes: NewRecord[] = [];
  for (const candidate of candidates.values()) {
    if (!candidate.create) continue;
    programmes.push({
      id: candidate.id,
      communityId: null,
      fields: {
        ...common, name: mostUsed(candidate.create.spellings), funder: '', organiser: '',
        start: earliest(candidate.days) || firstCommunityDay || utcDay(input.at), end: '',
        grantLimitEmergingCents: UPGRADE_GRANT_LIMIT_CENTS.emerging, grantLimitActiveCents: UPGRADE_GRANT_LIMIT_CENTS.active, targets: [],
      },
    });
  }

  // Every community not yet in a programme joins the main one, with the grant limit of its maturity.
  const enrolled = new Set(input.enrolments.filter(isLive).map((enrolment) => text(enrolment.fields, 'communityId')));
  const storedEnrolments = new Set(input.enrolments.map((enrolment) => enrolment.id));
  const enrolments: NewRecord[] = [];
  for (const community of communities) {
    if (!main || enrolled.has(community.id)) continue;
    const id = enrolmentIdFor(community.id, main.id);
    if (storedEnrolments.has(id)) continue;
    const maturity = text(community.fields, 'maturity') === 'active' ? 'active' : 'emerging';
    enrolments.push({
      id,
      communityId: community.id,
      fields: {
        ...common, communityId: community.id, programmeId: main.id, start: createdDay(community, input.at), end: '', maturity,
        representativeIds: [], mentorId: null, grantCents: UPGRADE_GRANT_LIMIT_CENTS[maturity],
      },
    });
  }

  return { programmes, enrolments, workshops: unmapped.map((event) => ({ id: event.id, programmeId: event.candidate.id })) };
}

function createdDay(community: StoredFields, at: number): string {
  const createdAt = field(community.fields, 'createdAt');
  return typeof createdAt === 'number' && Number.isFinite(createdAt) && createdAt >= 0 && createdAt < 8.64e15 ? utcDay(createdAt) : utcDay(at);
}

/** The upgrade's clock at `at`; later than `previous` (a field's clock a device wrote ahead of the server's calendar). */
export function upgradeClock(at: number, previous?: Hlc): Hlc {
  const clock = formatHlc({ wall: at, counter: 0, deviceId: UPGRADE_CLOCK_DEVICE });
  const last = previous === undefined ? null : parseHlc(previous);
  if (previous === undefined || last === null || compareHlc(clock, previous) > 0) return clock;
  return formatHlc({ wall: last.wall, counter: last.counter + 1, deviceId: UPGRADE_CLOCK_DEVICE });
}
