import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { column, type ExportTable } from './export-table';
import { sheetName, toXlsxSheet, toXlsxSheets } from './export-xlsx';

const table: ExportTable = {
  sheet: 'Rīcības plāns',
  columns: [column('Ko darīsim'), column('Termiņš', 'day'), column('Budžets, EUR', 'euro'), column('Balsis', 'number')],
  rows: [
    ['Soliņi pie ezera — Ķeguma ielā', '2026-05-01', 1250.5, 3],
    ['=1+1', '', 0, 0],
  ],
};

describe('toXlsxSheet', () => {
  it('writes a bold, frozen header, text as text, euro with two decimals, days as dates', () => {
    const sheet = toXlsxSheet(table);
    expect(sheet.stickyRowsCount).toBe(1);
    expect(sheet.data[0]![0]).toMatchObject({ value: 'Ko darīsim', fontWeight: 'bold' });
    expect(sheet.data[1]).toEqual([
      { value: 'Soliņi pie ezera — Ķeguma ielā', type: String },
      { value: new Date(Date.UTC(2026, 4, 1)), type: Date, format: 'yyyy-mm-dd' },
      { value: 1250.5, type: Number, format: '#,##0.00' },
      { value: 3, type: Number },
    ]);
    // A text that looks like a formula stays a string; an empty day is an empty cell.
    expect(sheet.data[2]!.slice(0, 2)).toEqual([{ value: '=1+1', type: String }, null]);
  });

  it('keeps sheet names within Excel\'s rules and unique', () => {
    expect(sheetName('Vajadzības: [visas]/kopienas un vēl ļoti garš nosaukums')).toHaveLength(31);
    expect(sheetName('a/b')).toBe('a b');
    expect(toXlsxSheets([table, table]).map((s) => s.sheet)).toEqual(['Rīcības plāns', 'Rīcības plāns 2']);
  });

  it('round-trips through write-excel-file and read-excel-file with Latvian letters intact', async () => {
    const buffer = await writeXlsxFile(toXlsxSheets([table])).toBuffer();
    const [sheet] = await readXlsxFile(buffer);
    expect(sheet!.sheet).toBe('Rīcības plāns');
    expect(sheet!.data[0]).toEqual(['Ko darīsim', 'Termiņš', 'Budžets, EUR', 'Balsis']);
    expect(sheet!.data[1]![0]).toBe('Soliņi pie ezera — Ķeguma ielā');
    const due: unknown = sheet!.data[1]![1];
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString().slice(0, 10)).toBe('2026-05-01');
    expect(sheet!.data[1]!.slice(2)).toEqual([1250.5, 3]);
    expect(sheet!.data[2]![0]).toBe('=1+1');
  });

  it('stores formula-like text as text, never a formula, with no apostrophe added; numbers stay numbers', async () => {
    const risky: ExportTable = {
      sheet: 'Dalībnieki',
      columns: [column('Vārds'), column('Tālrunis'), column('Balsis', 'number'), column('Budžets, EUR', 'euro')],
      rows: [
        ['=HYPERLINK("http://x","klikšķini")', '+371 2000 0000', -2, -12.5],
        ['@SUM(A1:A9)', '-2+3', 0, 0],
        ['\t=1+1', '\r=1+1', 1, 1],
      ],
    };
    const sheet = toXlsxSheet(risky);
    for (const row of sheet.data.slice(1)) {
      expect(row.slice(0, 2).map((cell) => cell?.type)).toEqual([String, String]);
      expect(row.slice(2).map((cell) => cell?.type)).toEqual([Number, Number]);
    }
    // Read back: a formula would come back as its result (2, or nothing), a string as itself.
    const [read] = await readXlsxFile(await writeXlsxFile(toXlsxSheets([risky])).toBuffer());
    expect(read!.data.slice(1, 3)).toEqual(risky.rows.slice(0, 2).map((row) => [...row]));
    // The reader drops a string's leading tab or return; the rest is still the text as written.
    expect(read!.data[3]).toEqual(['=1+1', '=1+1', 1, 1]);
  });
});
