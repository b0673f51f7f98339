// What the programme report (protocol/programme-report.ts) counts, read from the database: every
// record of the tables it reads, one query per table in one transaction, each row's fields parsed
// with the report's narrow row schema (protocol/programme-report-wire.ts). A row that does not parse
// (not JSON, or not the shape the report needs) is left out, as a device leaves out a record that
// fails its schema. Nothing here logs: the rows hold people's names.
import * as v from 'valibot';
import type { ProgrammeReportInput } from '../../protocol/programme-report';
import { REPORT_ROW_SCHEMAS, REPORT_TABLES, type ReportTable } from '../../protocol/programme-report-wire';
import type { RecordFieldsRow, Store } from '../store/store';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The rows of one table that parse, each with its id. */
function parseRows<T extends ReportTable>(table: T, rows: readonly RecordFieldsRow[]): v.InferOutput<(typeof REPORT_ROW_SCHEMAS)[T]>[] {
  const schema: v.GenericSchema<unknown, v.InferOutput<(typeof REPORT_ROW_SCHEMAS)[T]>> = REPORT_ROW_SCHEMAS[table];
  const parsed: v.InferOutput<(typeof REPORT_ROW_SCHEMAS)[T]>[] = [];
  for (const row of rows) {
    const fields = parseJson(row.fields);
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) continue;
    const result = v.safeParse(schema, { ...fields, id: row.id });
    if (result.success) parsed.push(result.output);
  }
  return parsed;
}

/** Every record of the organisation the report reads (deleted ones included: the report skips them). */
export async function loadProgrammeReportInput(store: Pick<Store, 'readTables'>, orgId: string): Promise<ProgrammeReportInput> {
  const tables = await store.readTables(orgId, REPORT_TABLES);
  const rows = <T extends ReportTable>(table: T) => parseRows(table, tables.get(table) ?? []);
  return {
    programmes: rows('programmes'),
    enrolments: rows('enrolments'),
    communities: rows('communities'),
    workshops: rows('workshops'),
    participants: rows('participants'),
    attendance: rows('attendance'),
    needs: rows('needs'),
    actions: rows('actions'),
    spending: rows('spending'),
  };
}
