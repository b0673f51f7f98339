// What the programme report (protocol/programme-report.ts) counts, read from the device's own
// database, so the report works offline over whatever the device holds.
//
// A regional programme's device holds tens of thousands of check-ins, and reading them all from
// IndexedDB takes seconds on a cheap tablet. So the records are read once and kept in memory
// (`ReportInputCache`), and afterwards only what changed is read again: Dexie announces every
// committed write (its `storagemutated` event, from this tab and the app's other tabs) with the
// keys written; those rows are fetched anew on the next read, or the whole table when a write
// named no keys (a bulk pull, a table emptied). A table that is emptied or bulk-written is dropped
// from memory at once, so nothing of a signed-out or erased person outlives the database.
// Whole tables are read in pages of `PAGE` rows, so the first read never holds the screen for long.
// The regional summary (src/domain/regional-summary.ts) reads what the enrolled communities gathered.
import Dexie, { type IntervalTree, type ObservabilitySet, type Table } from 'dexie';
import { REPORT_TABLES, type RecordTypes, type ReportTable } from '../../protocol';
import { memoisedProgrammeReport } from '../domain/programme-report-memo';
import type { RegionalSummaryInput } from '../domain/regional-summary';
import type { Stored, TalkaDatabase } from './database';


/** Rows per read of a whole table. */
const PAGE = 2_000;
/** More changed keys than this in one table: read the table again rather than key by key. */
const MAX_KEYS = 500;
/** Marked (performance.mark) when the records are in memory and the report counted: the bench waits for it. */
export const REPORT_INPUT_WARM_MARK = 'talka:report-input-warm';

type Rows<T extends ReportTable> = Map<string, Stored<RecordTypes[T]>>;
type Loaded = { [T in ReportTable]?: Rows<T> };

/** The records the report reads, whole (names and all, for the lists behind its figures); a ProgrammeReportInput. */
export type ProgrammeReportRecords = { [T in ReportTable]: Stored<RecordTypes[T]>[] };

/** The keys a write named, or 'all' when it named a range (a table emptied) or more than MAX_KEYS. */
function changedKeys(tree: IntervalTree): Set<string> | 'all' {
  const keys = new Set<string>();
  const stack: IntervalTree[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('from' in node)) continue;
    if (node.from !== node.to || typeof node.from !== 'string' || keys.size >= MAX_KEYS) return 'all';
    keys.add(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return keys;
}

async function readWhole<T extends ReportTable>(table: Table<Stored<RecordTypes[T]>, string>): Promise<Rows<T>> {
  const rows: Rows<T> = new Map();
  let last: string | null = null;
  for (;;) {
    const page: Stored<RecordTypes[T]>[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(PAGE).toArray();
    for (const row of page) rows.set(row.id, row);
    if (page.length < PAGE) return rows;
    last = page[page.length - 1]!.id;
  }
}

/** The report's records of one database, kept in memory and brought up to date on each read. */
export class ReportInputCache {
  private loaded: Loaded = {};
  private readonly changed = new Map<ReportTable, Set<string> | 'all'>();
  private readonly listeners = new Set<() => void>();
  private reading: Promise<ProgrammeReportRecords> | null = null;
  /** The last records handed out: the same object until a write changes them, so what was counted from them stays counted. */
  private snapshotValue: ProgrammeReportRecords | null = null;
  private readonly onMutated = (parts: ObservabilitySet) => {
    let any = false;
    for (const table of REPORT_TABLES) {
      const part = parts[`idb://${this.db.name}/${table}/`];
      if (!part) continue;
      any = true;
      const keys = changedKeys(part);
      const pending = this.changed.get(table);
      if (keys === 'all' || pending === 'all') {
        this.changed.set(table, 'all');
        delete this.loaded[table];
      } else {
        this.changed.set(table, pending ? new Set([...pending, ...keys]) : keys);
      }
    }
    if (!any) return;
    this.snapshotValue = null;
    for (const listener of this.listeners) listener();
  };

  constructor(private readonly db: TalkaDatabase) {
    Dexie.on('storagemutated', this.onMutated);
  }

  /** Stops listening and forgets every row. */
  close(): void {
    Dexie.on('storagemutated').unsubscribe(this.onMutated);
    this.loaded = {};
    this.snapshotValue = null;
    this.listeners.clear();
  }

  /** Called after any write to a table the report reads (here or in another tab). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether every table is in memory and nothing changed since. */
  get warm(): boolean {
    return REPORT_TABLES.every((table) => this.loaded[table] !== undefined) && this.changed.size === 0;
  }

  /** The records as the database holds them now: what is not in memory or changed is read, the rest is not. */
  read(): Promise<ProgrammeReportRecords> {
    // One read at a time: a second caller waits for the first, then reads what changed meanwhile.
    const next = (this.reading ?? Promise.resolve(null)).catch(() => null).then(() => this.readNow());
    this.reading = next;
    return next;
  }

  private async readNow(): Promise<ProgrammeReportRecords> {
    if (this.snapshotValue && this.warm) return this.snapshotValue;
    const tables = REPORT_TABLES.map((name) => this.db.table(name));
    await this.db.transaction('r', tables, async () => {
      const loaded = this.loaded;
      loaded.programmes = await this.refresh('programmes', loaded.programmes);
      loaded.enrolments = await this.refresh('enrolments', loaded.enrolments);
      loaded.communities = await this.refresh('communities', loaded.communities);
      loaded.workshops = await this.refresh('workshops', loaded.workshops);
      loaded.participants = await this.refresh('participants', loaded.participants);
      loaded.attendance = await this.refresh('attendance', loaded.attendance);
      loaded.needs = await this.refresh('needs', loaded.needs);
      loaded.actions = await this.refresh('actions', loaded.actions);
      loaded.spending = await this.refresh('spending', loaded.spending);
    });
    return this.snapshot();
  }

  /** `rows` brought up to date: read whole when not in memory (or changed past counting), else only the changed keys. */
  private async refresh<T extends ReportTable>(name: T, rows: Rows<T> | undefined): Promise<Rows<T>> {
    const table = this.db.recordTable(name);
    const pending = this.changed.get(name);
    this.changed.delete(name);
    if (rows === undefined || pending === 'all') return readWhole<T>(table);
    if (pending === undefined) return rows;
    const ids = [...pending];
    const fresh = await table.bulkGet(ids);
    ids.forEach((id, index) => {
      const row = fresh[index];
      if (row) rows.set(id, row);
      else rows.delete(id);
    });
    return rows;
  }

  private snapshot(): ProgrammeReportRecords {
    if (this.snapshotValue && this.changed.size === 0) return this.snapshotValue;
    this.snapshotValue = this.freshSnapshot();
    return this.snapshotValue;
  }

  private freshSnapshot(): ProgrammeReportRecords {
    const rows = <T extends ReportTable>(name: T): Stored<RecordTypes[T]>[] => [...(this.loaded[name]?.values() ?? [])];
    return {
      programmes: rows('programmes'), enrolments: rows('enrolments'), communities: rows('communities'), workshops: rows('workshops'),
      participants: rows('participants'), attendance: rows('attendance'), needs: rows('needs'), actions: rows('actions'), spending: rows('spending'),
    };
  }
}

const caches = new WeakMap<TalkaDatabase, ReportInputCache>();

export function reportInputCache(db: TalkaDatabase): ReportInputCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new ReportInputCache(db);
    caches.set(db, cache);
  }
  return cache;
}

/** Every record the programme report reads, as the device holds it (deleted rows included: the report skips them). */
export function loadProgrammeReportInput(db: TalkaDatabase): Promise<ProgrammeReportRecords> {
  return reportInputCache(db).read();
}

/**
 * Reads the report's records into memory while the device is idle and, given a programme, counts its report
 * over its whole period, so a coordinator's tap on the report shows it at once: called where the report is
 * one or two taps away (the programmes list, a programme's page).
 */
export function warmProgrammeReport(db: TalkaDatabase, programmeId?: string): void {
  const cache = reportInputCache(db);
  const start = () => void cache.read().then((records) => {
    if (programmeId === undefined) return;
    memoisedProgrammeReport(records, { programmeId, from: '', to: '' });
    performance.mark(REPORT_INPUT_WARM_MARK);
  }, () => {});
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2_000 });
  else setTimeout(start, 0);
}

/** The regional summary's records, with the programmes (for the title) beside them. */
export interface RegionalSummaryRecords extends RegionalSummaryInput {
  programmes: Stored<RecordTypes['programmes']>[];
}

export async function loadRegionalSummaryInput(db: TalkaDatabase): Promise<RegionalSummaryRecords> {
  const tables = [db.programmes, db.enrolments, db.communities, db.needs, db.votes, db.resources, db.swot];
  return db.transaction('r', tables, async () => {
    const [programmes, enrolments, communities, needs, votes, resources, swot] = await Promise.all([
      db.programmes.toArray(), db.enrolments.toArray(), db.communities.toArray(), db.needs.toArray(), db.votes.toArray(),
      db.resources.toArray(), db.swot.toArray(),
    ]);
    return { programmes, enrolments, communities, needs, votes, resources, swot };
  });
}
