// The shape every export takes before it becomes a file: a named sheet of
// labelled columns and rows of plain cells. The row shaping (export-rows.ts,
// export-lists.ts) fills it; export-csv.ts and export-xlsx.ts write it.
import { foldText } from './search';

/** How a column's cells are written: text as is, a count, an amount in euro, a `YYYY-MM-DD` day. */
export type ColumnKind = 'text' | 'number' | 'euro' | 'day';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters in a spreadsheet. */
  width: number;
}

/** A number for 'number' and 'euro' columns (euro as euros, not cents), text otherwise; '' is an empty cell. */
export type ExportCell = string | number;

export interface ExportTable {
  sheet: string;
  columns: readonly ExportColumn[];
  rows: readonly (readonly ExportCell[])[];
}

export function column(header: string, kind: ColumnKind = 'text', width = 16): ExportColumn {
  return { header, kind, width };
}

/** `Ērgļu kopiena` → `erglu-kopiena`: diacritics dropped, lower case, anything else a single dash. */
export function slugify(text: string, maxLength = 60): string {
  const slug = foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}

/**
 * A file name that says what and when: `talka-dalibnieki-raunas-kopiena-2026-11-23.xlsx`.
 * Each part is folded to a slug, so the name survives any file system and e-mail client.
 */
export function exportFileName(what: string, subject: string, when: string, extension: 'xlsx' | 'csv' | 'json'): string {
  const parts = ['talka', slugify(what), slugify(subject), when.replace(/[^0-9-]+/g, '-')].filter(Boolean);
  return `${parts.join('-')}.${extension}`;
}
