// The programme report counted once per set of records and range: the device keeps its records in memory
// as one object until something changes (src/db/programme-report-queries.ts), so a report asked again —
// the screen drawn again, or opened after the programme's page counted it while idle — is not counted again.
import { programmeReport, type ProgrammeReport, type ProgrammeReportInput, type ProgrammeReportQuery } from '../../protocol';

/** Ranges kept per set of records: a coordinator trying a few months keeps them; typing a date does not pile up. */
const KEPT = 12;

const counted = new WeakMap<ProgrammeReportInput, Map<string, ProgrammeReport | null>>();

/** programmeReport(input, query), counted once for the same `input` object and query. */
export function memoisedProgrammeReport(input: ProgrammeReportInput, query: ProgrammeReportQuery): ProgrammeReport | null {
  let byQuery = counted.get(input);
  if (!byQuery) {
    byQuery = new Map();
    counted.set(input, byQuery);
  }
  const key = `${query.programmeId}\u0000${query.from ?? ''}\u0000${query.to ?? ''}`;
  const known = byQuery.get(key);
  if (known !== undefined) return known;
  const report = programmeReport(input, query);
  if (byQuery.size >= KEPT) byQuery.delete(byQuery.keys().next().value ?? key);
  byQuery.set(key, report);
  return report;
}
