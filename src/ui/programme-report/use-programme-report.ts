// The programme report on this device: the records read once (and again when they change), the report
// computed from them for the range asked. Changing the range computes again without reading Dexie.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ProgrammeReport } from '../../../protocol';
import { reportInputCache, type ProgrammeReportRecords } from '../../db/programme-report-queries';
import type { TalkaDatabase } from '../../db';
import { reportLookup, type ReportLookup } from '../../domain/programme-report-export';
import { memoisedProgrammeReport } from '../../domain/programme-report-memo';
import { useServices } from '../app-context';

export interface ReportRange {
  /** `YYYY-MM-DD`, or empty for the programme's start. */
  from: string;
  /** `YYYY-MM-DD`, or empty for the programme's end (none while it is open). */
  to: string;
}

export interface ProgrammeReportState {
  /** Undefined while the records load. */
  records: ProgrammeReportRecords | undefined;
  lookup: ReportLookup | undefined;
  /** Undefined while loading; null when the device holds no such programme. */
  report: ProgrammeReport | null | undefined;
}

/** A burst of writes (a sync's pages, a check-in's record and outbox) is read once, this long after the last. */
const SETTLE_MS = 150;

/**
 * The report's records, kept in memory (src/db/programme-report-queries.ts): read when the screen opens and
 * again, only what changed, after each write the device makes or pulls.
 */
function useReportRecords(db: TalkaDatabase): ProgrammeReportRecords | undefined {
  const [records, setRecords] = useState<ProgrammeReportRecords>();
  useEffect(() => {
    const cache = reportInputCache(db);
    let open = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => void cache.read().then((next) => { if (open) setRecords(next); }, () => {});
    read();
    const unsubscribe = cache.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(read, SETTLE_MS);
    });
    return () => {
      open = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [db]);
  return records;
}

export function useProgrammeReport(programmeId: string, range: ReportRange): ProgrammeReportState {
  const { db } = useServices();
  const records = useReportRecords(db);
  const lookup = useMemo(() => records && reportLookup(records), [records]);
  const report = useMemo(
    () => (records ? memoisedProgrammeReport(records, { programmeId, from: range.from, to: range.to }) : undefined),
    [records, programmeId, range.from, range.to],
  );
  return { records, lookup, report };
}
