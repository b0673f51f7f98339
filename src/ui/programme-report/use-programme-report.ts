// The programme report on this device: the records read once (and again when they change), the report
// computed from them for the range asked. Changing the range computes again without reading Dexie.
import { useMemo } from 'preact/hooks';
import { programmeReport, type ProgrammeReport } from '../../../protocol';
import { useLiveQuery } from '../../db';
import { loadProgrammeReportInput, type ProgrammeReportRecords } from '../../db/programme-report-queries';
import { reportLookup, type ReportLookup } from '../../domain/programme-report-export';
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

export function useProgrammeReport(programmeId: string, range: ReportRange): ProgrammeReportState {
  const { db } = useServices();
  const records = useLiveQuery(() => loadProgrammeReportInput(db), [db]);
  const lookup = useMemo(() => records && reportLookup(records), [records]);
  const report = useMemo(
    () => (records ? programmeReport(records, { programmeId, from: range.from, to: range.to }) : undefined),
    [records, programmeId, range.from, range.to],
  );
  return { records, lookup, report };
}
