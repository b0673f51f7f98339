import { readFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { toCsv } from './export-csv';
import { decodeCsvBytes, parseCsvText, readImportFile } from './import-file';
import { checkImportRows, guessColumns, refusedRowsTable, summarise, type ImportProblem } from './people-import';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const FIXTURES = [
  'people-utf8-bom-semicolon.csv', 'people-utf8-comma.csv', 'people-windows1257-semicolon.csv', 'people-windows1257-comma.csv', 'people-utf16-tab.csv',
];

const RAUNA = { id: 'c-rauna', name: 'Raunas kopiena' };
const context = {
  people: [{ name: 'Ilze Kalniņa', phone: '20000000', email: '' }, { name: 'Gone Person', phone: '', email: '', deleted: true }],
  communities: [RAUNA],
  defaultCommunityId: null,
};

describe('reading a file of people', () => {
  it.each(FIXTURES)('%s: Latvian letters intact, the header comma inside its cell, seven rows of six cells', async (name) => {
    const rows = await readImportFile(name, fixture(name));
    expect(rows[0]).toEqual(['Vārds, uzvārds', 'Tālrunis', 'E-pasts', 'Mājsaimniecība', 'Kopiena', 'Piezīmes']);
    expect(rows).toHaveLength(8);
    expect(rows.every((row) => row.length === 6)).toBe(true);
    expect(rows[1]).toEqual(['Jānis Bērziņš', '+371 2600 0001', 'janis@example.lv', 'Kalnāji', 'Raunas kopiena', 'nāks ar kaimiņu']);
    expect(rows[7]![0]).toBe('Žanis Čakste');
    expect(rows[6]![3]).toBe('=1+1');
  });

  it('takes bytes that are not UTF-8 as Windows-1257', () => {
    expect(decodeCsvBytes(new Uint8Array([0x56, 0xe2, 0x72, 0x64, 0x73]))).toBe('Vārds');
    expect(decodeCsvBytes(new TextEncoder().encode('Vārds'))).toBe('Vārds');
  });

  it('reads the first sheet of an XLSX file, a number cell as its digits and a formula-looking text as text', async () => {
    const data = [
      [{ value: 'Vārds, uzvārds' }, { value: 'Tālrunis' }, { value: 'E-pasts' }],
      [{ value: 'Jānis Bērziņš' }, { type: Number, value: 26000001 }, { value: '=HYPERLINK("x")' }],
      [null, null, null],
      [{ value: 'Līga Ābele' }, { value: '+371 2900 0003' }, null],
    ];
    const buffer = await writeXlsxFile(data).toBuffer();
    const rows = await readImportFile('list.XLSX', new Uint8Array(buffer));
    expect(rows).toEqual([
      ['Vārds, uzvārds', 'Tālrunis', 'E-pasts'],
      ['Jānis Bērziņš', '26000001', '=HYPERLINK("x")'],
      ['Līga Ābele', '+371 2900 0003', ''],
    ]);
  });
});

describe('guessing the columns', () => {
  it('knows Latvian and English headers, whatever their case and diacritics, and leaves others out', () => {
    expect(guessColumns(['Vārds, uzvārds', 'Tālrunis', 'E-pasts', 'Mājsaimniecība', 'Kopiena', 'Piezīmes']))
      .toEqual(['name', 'phone', 'email', 'household', 'community', null]);
    expect(guessColumns(['Full name', 'E-mail', 'Phone', 'Household', 'Home community'])).toEqual(['name', 'email', 'phone', 'household', 'community']);
    expect(guessColumns(['VARDS UZVARDS', 'talr.', 'Tālrunis'])).toEqual(['name', 'phone', null]);
  });
});

describe('checking the rows', () => {
  const problemsOf = (rows: ReturnType<typeof checkImportRows>) => rows.map((row) => [row.values.name, row.problems]);

  it.each(FIXTURES)('%s: every problem marked, the good rows ready to create', async (name) => {
    const rows = await readImportFile(name, fixture(name));
    const checked = checkImportRows(rows, guessColumns(rows[0]!), context);
    expect(problemsOf(checked)).toEqual([
      ['Jānis Bērziņš', []],
      ['Līga Ābele', []],
      ['Pēteris Kļaviņš', ['phone_not_latvian']],
      ['Anna Ozoliņa', ['unknown_community']],
      ['Janis Berzins', ['duplicate_in_file']],
      ['Ilze Kalniņa', ['duplicate_existing']],
      ['Žanis Čakste', ['invalid_email']],
    ]);
    expect(checked.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(checked[0]!.person).toEqual({
      communityId: RAUNA.id, name: 'Jānis Bērziņš', household: 'Kalnāji', phone: '+371 2600 0001', email: 'janis@example.lv', role: 'resident',
      consentData: false, consentPhotos: false, consentDate: '', erased: false,
    });
    expect(checked[1]!.person).toMatchObject({ communityId: null, phone: '+371 2900 0003' });
    expect(summarise(checked)).toEqual({ rows: 7, good: 2, refused: 5 });
  });

  it('a row without a name is refused, and a formula-looking household is kept as the text it is', () => {
    const checked = checkImportRows([['Vārds', 'Mājsaimniecība'], ['', 'Kalnāji'], ['Ģirts Ābols', '=1+1']], ['name', 'household'], { ...context, defaultCommunityId: RAUNA.id });
    expect(checked[0]!.problems).toEqual(['name_missing']);
    expect(checked[1]!.person).toMatchObject({ name: 'Ģirts Ābols', household: '=1+1', communityId: RAUNA.id });
  });

  it('the same name with another phone is another person; a name alone matches a name alone', () => {
    const checked = checkImportRows(
      [['Vārds', 'Tālrunis'], ['Ilze Kalniņa', '29999999'], ['Anna Liepa', ''], ['anna liepa', '']],
      ['name', 'phone'], context,
    );
    expect(checked.map((row) => row.problems)).toEqual([[], [], ['duplicate_in_file']]);
  });

  it('the refused rows come out as a CSV with the line, the file\'s columns and the reason', async () => {
    const rows = await readImportFile(FIXTURES[0]!, fixture(FIXTURES[0]!));
    const checked = checkImportRows(rows, guessColumns(rows[0]!), context);
    const table = refusedRowsTable(rows[0]!, checked, { sheet: 'Atteiktās', line: 'Rinda', reason: 'Iemesls' }, (problem: ImportProblem) => `R:${problem}`);
    const back = parseCsvText(decodeCsvBytes(new TextEncoder().encode(toCsv(table))));
    expect(back[0]).toEqual(['Rinda', 'Vārds, uzvārds', 'Tālrunis', 'E-pasts', 'Mājsaimniecība', 'Kopiena', 'Piezīmes', 'Iemesls']);
    expect(back.slice(1).map((row) => [row[0], row[1], row[7]])).toEqual([
      ['4', 'Pēteris Kļaviņš', 'R:phone_not_latvian'], ['5', 'Anna Ozoliņa', 'R:unknown_community'], ['6', 'Janis Berzins', 'R:duplicate_in_file'],
      ['7', 'Ilze Kalniņa', 'R:duplicate_existing'], ['8', 'Žanis Čakste', 'R:invalid_email'],
    ]);
    // A formula-looking cell is made inert in the file, and reads back as the number it was.
    expect(back[4]![2]).toBe("'+371 2000 0000");
    expect(checkImportRows([back[0]!, back[4]!], [null, 'name', 'phone'], { ...context, people: [] })[0]!.values.phone).toBe('+371 2000 0000');
  });
});
