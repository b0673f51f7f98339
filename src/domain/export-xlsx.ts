// An export table as the sheet data write-excel-file takes: a bold header row
// that stays in view, text kept as text (never run as a formula), counts as
// numbers, euro amounts with two decimals and days as real dates, so a funder
// can sort, filter and sum. Only types from the library are imported here:
// the library itself is loaded when a file is written.
import type { ExportTable } from './export-table';

export interface XlsxCell {
  value: string | number | Date;
  type: StringConstructor | NumberConstructor | DateConstructor;
  format?: string;
  fontWeight?: 'bold';
  wrap?: boolean;
}

export interface XlsxSheet {
  sheet: string;
  data: (XlsxCell | null)[][];
  columns: { width: number }[];
  stickyRowsCount: number;
}

const EURO_FORMAT = '#,##0.00';
const DAY_FORMAT = 'yyyy-mm-dd';
/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
const SHEET_NAME_MAX = 31;

export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, SHEET_NAME_MAX) || 'Sheet';
}

function dayOf(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

function cellOf(value: string | number, kind: ExportTable['columns'][number]['kind']): XlsxCell | null {
  if (value === '') return null;
  if (typeof value === 'number') {
    return kind === 'euro' ? { value, type: Number, format: EURO_FORMAT } : { value, type: Number };
  }
  if (kind === 'day') {
    const day = dayOf(value);
    if (day) return { value: day, type: Date, format: DAY_FORMAT };
  }
  return { value, type: String };
}

export function toXlsxSheet(table: ExportTable): XlsxSheet {
  return {
    sheet: sheetName(table.sheet),
    data: [
      table.columns.map((c) => (c.header === '' ? null : { value: c.header, type: String, fontWeight: 'bold' as const, wrap: true })),
      ...table.rows.map((row) => table.columns.map((c, i) => cellOf(row[i] ?? '', c.kind))),
    ],
    columns: table.columns.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  };
}

/** Several tables as the sheets of one workbook; sheet names made unique. */
export function toXlsxSheets(tables: readonly ExportTable[]): XlsxSheet[] {
  const used = new Set<string>();
  return tables.map((table) => {
    const sheet = toXlsxSheet(table);
    let name = sheet.sheet;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${sheet.sheet.slice(0, SHEET_NAME_MAX - 3)} ${n}`;
    used.add(name.toLowerCase());
    return { ...sheet, sheet: name };
  });
}
