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
});
