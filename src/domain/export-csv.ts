// An export table as CSV (papaparse) that Excel opens with Latvian letters
// intact: UTF-8 with a byte-order mark, semicolons between fields (Excel in a
// Latvian locale expects them, as its decimal separator is a comma), CRLF line
// ends, and text a spreadsheet would run as a formula made inert.
import Papa from 'papaparse';
import type { ExportTable } from './export-table';

export const BOM = '\uFEFF';
export const CSV_DELIMITER = ';';

/**
 * Text a spreadsheet would take for a formula: starting with =, +, -, @, a tab
 * or a return. It gets an apostrophe in front (as OWASP advises), phone numbers
 * too: Excel reads "+371 26 000 000" as a sum. Numbers are not text and stay
 * numbers, negative ones included.
 */
const FORMULA_LIKE = /^[=+\-@\t\r]/;

export function toCsv(table: ExportTable): string {
  const csv = Papa.unparse(
    { fields: table.columns.map((c) => c.header), data: table.rows.map((row) => [...row]) },
    { delimiter: CSV_DELIMITER, newline: '\r\n', escapeFormulae: FORMULA_LIKE },
  );
  return BOM + csv;
}
