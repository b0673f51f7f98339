// Reading a spreadsheet of people into rows of text: CSV (papaparse) in the encodings Excel writes
// (UTF-8 with or without a byte-order mark, UTF-16 "Unicode text", Windows-1257 for the Baltic
// letters) with `;` or `,` between fields, or the first sheet of an XLSX file (read-excel-file).
// Every cell becomes text as it stands: a cell that looks like a formula is never worked out.
import Papa from 'papaparse';

export type ImportRows = string[][];

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** The text of a CSV file's bytes: UTF-8 when they are valid UTF-8 (BOM or not), UTF-16 by its BOM, else Windows-1257. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (startsWith(bytes, UTF8_BOM)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, UTF16LE_BOM)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel's "CSV (comma delimited)" in a Baltic Windows writes its code page.
    return new TextDecoder('windows-1257').decode(bytes);
  }
}

/** Rows of a CSV text; papaparse finds the separator (`;` as Excel writes it in Latvia, `,`, or a tab). */
export function parseCsvText(text: string): ImportRows {
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: 'greedy' });
  return parsed.data.map((row) => row.map((cell) => cell));
}

/** A cell of a spreadsheet as text: numbers as written (a phone kept as 20000000), days as `YYYY-MM-DD`. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return '';
}

export function isXlsxName(fileName: string): boolean {
  return /\.xlsx$/i.test(fileName);
}

/** The rows of a file of people, by its name: `.xlsx` read as a workbook's first sheet, anything else as CSV. */
export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<ImportRows> {
  if (isXlsxName(fileName)) {
    const { readSheet } = await import('read-excel-file/universal');
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    const sheet = await readSheet(copy.buffer);
    return sheet.map((row) => row.map(cellText)).filter((row) => row.some((cell) => cell.trim() !== ''));
  }
  return parseCsvText(decodeCsvBytes(bytes));
}
