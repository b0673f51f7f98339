import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ParticipantRole } from '../../protocol';
import { BOM, CSV_DELIMITER, toCsv } from './export-csv';
import {
  attendanceTable, participantLines, participantTable, summarisePeriod, workshopTable,
  type ParticipantExportInput, type ParticipantLabels, type PersonRecord,
} from './export-rows';
import { exportFileName, slugify } from './export-table';

const LABELS: ParticipantLabels = {
  sheetParticipants: 'Dalībnieki', sheetAttendance: 'Apmeklējums', sheetWorkshops: 'Pasākumi', sheetSummary: 'Kopsavilkums',
  number: 'Nr.', name: 'Vārds, uzvārds', community: 'Kopiena', household: 'Mājsaimniecība', role: 'Loma', phone: 'Tālrunis',
  email: 'E-pasts', consentData: 'Piekrīt datu glabāšanai', consentPhotos: 'Piekrīt fotografēšanai', consentDate: 'Piekrišanas datums',
  attendedCount: 'Apmeklējumi', attendedWorkshops: 'Apmeklētie pasākumi', checkedInAt: 'Ieradās', date: 'Datums', workshop: 'Pasākums',
  place: 'Vieta', facilitators: 'Fasilitatori', participantCount: 'Dalībnieki', yes: 'Jā', no: 'Nē', erasedName: 'Dzēsts dalībnieks',
  roleLabel: (role: ParticipantRole) => ({ resident: 'Iedzīvotājs', youth: 'Jaunietis' } as Record<string, string>)[role] ?? role,
};

const C = '01900000-0000-7000-8000-00000000c001';
const person = (id: string, name: string, extra: Partial<PersonRecord> = {}): PersonRecord => ({
  id, communityId: C, name, household: '', phone: '', email: '', role: 'resident',
  consentData: true, consentPhotos: false, consentDate: '2026-01-10', erased: false, deleted: false, ...extra,
});
const at = (hours: number, minutes = 0) => new Date(2026, 0, 10, hours, minutes).getTime();

function input(): ParticipantExportInput {
  return {
    communities: [{ id: C, name: 'Ērgļu kopiena' }],
    workshops: [
      { id: 'w1', communityId: C, title: 'Apkaimes darbnīca', date: '2026-01-10', place: 'Tautas nams', facilitators: 'Ilze', deleted: false },
      { id: 'w2', communityId: C, title: 'Drošības forums', date: '2026-02-14', place: 'Skola', facilitators: 'Māris', deleted: false },
    ],
    participants: [
      person('p1', 'Žanis Ūdris', { household: 'Kalnāji', phone: '+371 26 000 001', email: 'zanis@example.lv' }),
      person('p2', 'Ģirts Ķēniņš', { phone: '+371 26 000 002', consentData: false, consentPhotos: true, consentDate: '' }),
      person('p3', 'Dzēsts dalībnieks', { erased: true, consentData: false, consentDate: '', role: 'youth' }),
      person('p4', 'Āris Čakste'),
      person('p5', 'Izdzēsts ieraksts', { deleted: true }),
    ],
    attendance: [
      { workshopId: 'w1', participantId: 'p1', checkedInAt: at(18, 5), deleted: false },
      { workshopId: 'w2', participantId: 'p1', checkedInAt: at(18, 2), deleted: false },
      { workshopId: 'w1', participantId: 'p2', checkedInAt: at(18, 10), deleted: false },
      { workshopId: 'w2', participantId: 'p3', checkedInAt: at(18, 1), deleted: false },
      { workshopId: 'w1', participantId: 'p3', checkedInAt: at(18, 0), deleted: false },
      // Checked out again: not an attendance.
      { workshopId: 'w2', participantId: 'p4', checkedInAt: at(18, 0), deleted: true },
      // A deleted participant's attendance does not count either.
      { workshopId: 'w1', participantId: 'p5', checkedInAt: at(18, 0), deleted: false },
    ],
  };
}

describe('participantLines', () => {
  it('gives one line per person who attended, by Latvian name order, erased ones last', () => {
    const lines = participantLines(input());
    expect(lines.map((l) => l.participantId)).toEqual(['p2', 'p1', 'p3']);
  });

  it('counts the workshops each attended, with their dates, oldest first', () => {
    const lines = participantLines(input());
    const zanis = lines.find((l) => l.participantId === 'p1')!;
    expect(zanis.attended.map((a) => `${a.date} ${a.title}`)).toEqual(['2026-01-10 Apkaimes darbnīca', '2026-02-14 Drošības forums']);
    expect(lines.find((l) => l.participantId === 'p2')!.attended).toHaveLength(1);
  });

  it('an erased participant is an anonymous line: attendance kept, no name, household, contact, role or consent', () => {
    const erased = participantLines(input()).find((l) => l.participantId === 'p3')!;
    expect(erased).toMatchObject({
      erased: true, name: '', household: '', phone: '', email: '', role: null, consentData: false, consentPhotos: false, consentDate: '',
    });
    expect(erased.attended).toHaveLength(2);
  });

  it('shows contact details only of people who agreed to their data being kept', () => {
    const lines = participantLines(input());
    expect(lines.find((l) => l.participantId === 'p1')).toMatchObject({ phone: '+371 26 000 001', email: 'zanis@example.lv' });
    expect(lines.find((l) => l.participantId === 'p2')).toMatchObject({ phone: '', email: '' });
  });
});

describe('participantTable', () => {
  it('for a period: consent columns as Jā/Nē with the date, the count and the workshops attended', () => {
    const table = participantTable(participantLines(input()), LABELS, 'period');
    expect(table.columns.map((c) => c.header)).toEqual([
      'Nr.', 'Vārds, uzvārds', 'Kopiena', 'Mājsaimniecība', 'Loma', 'Tālrunis', 'E-pasts',
      'Piekrīt datu glabāšanai', 'Piekrīt fotografēšanai', 'Piekrišanas datums', 'Apmeklējumi', 'Apmeklētie pasākumi',
    ]);
    expect(table.rows).toEqual([
      [1, 'Ģirts Ķēniņš', 'Ērgļu kopiena', '', 'Iedzīvotājs', '', '', 'Nē', 'Jā', '', 1, '2026-01-10 Apkaimes darbnīca'],
      [2, 'Žanis Ūdris', 'Ērgļu kopiena', 'Kalnāji', 'Iedzīvotājs', '+371 26 000 001', 'zanis@example.lv', 'Jā', 'Nē', '2026-01-10', 2,
        '2026-01-10 Apkaimes darbnīca; 2026-02-14 Drošības forums'],
      [3, 'Dzēsts dalībnieks', 'Ērgļu kopiena', '', '', '', '', '', '', '', 2, '2026-01-10 Apkaimes darbnīca; 2026-02-14 Drošības forums'],
    ]);
  });

  it('no cell of an erased participant\'s row holds anything from the stored record but the community', () => {
    const table = participantTable(participantLines(input()), LABELS, 'period');
    const erasedRow = table.rows[2]!;
    expect(erasedRow).not.toContain('Jaunietis');
    expect(erasedRow.filter((cell) => typeof cell === 'string' && cell !== '' && !cell.startsWith('2026-'))).toEqual(['Dzēsts dalībnieks', 'Ērgļu kopiena']);
  });

  it('for one workshop: the check-in time instead of a count', () => {
    const data = input();
    data.workshops = data.workshops.filter((w) => w.id === 'w1');
    const table = participantTable(participantLines(data), LABELS, 'workshop');
    expect(table.columns.at(-1)!.header).toBe('Ieradās');
    expect(table.rows.map((row) => [row[1], row.at(-1)])).toEqual([['Ģirts Ķēniņš', '18:10'], ['Žanis Ūdris', '18:05'], ['Dzēsts dalībnieks', '18:00']]);
  });
});

describe('attendance and workshop sheets', () => {
  it('one row per attendance, by date then name, erased anonymous', () => {
    const table = attendanceTable(participantLines(input()), LABELS);
    expect(table.rows.map((row) => [row[0], row[2]])).toEqual([
      ['2026-01-10', 'Ģirts Ķēniņš'], ['2026-01-10', 'Žanis Ūdris'], ['2026-01-10', 'Dzēsts dalībnieks'],
      ['2026-02-14', 'Žanis Ūdris'], ['2026-02-14', 'Dzēsts dalībnieks'],
    ]);
  });

  it('each workshop with its attendance, and the period\'s totals', () => {
    const lines = participantLines(input());
    expect(workshopTable(input(), lines, LABELS).rows.map((row) => [row[1], row[5]])).toEqual([['Apkaimes darbnīca', 3], ['Drošības forums', 2]]);
    expect(summarisePeriod(input(), lines)).toEqual({ workshops: 2, uniqueParticipants: 3, attendances: 5 });
  });
});

describe('file names', () => {
  it('fold diacritics, lower case, dashes', () => {
    expect(slugify('Ērgļu kopiena')).toBe('erglu-kopiena');
    expect(slugify('  ĀČĒĢĪĶĻŅŠŪŽ / āčēģīķļņšūž!  ')).toBe('acegiklnsuz-acegiklnsuz');
    expect(slugify('Drošas kopienas — KOPA 2026')).toBe('drosas-kopienas-kopa-2026');
  });

  it('say what and when', () => {
    expect(exportFileName('dalībnieki', 'Ērgļu kopiena', '2026-11-23', 'xlsx')).toBe('talka-dalibnieki-erglu-kopiena-2026-11-23.xlsx');
    expect(exportFileName('dalībnieki', 'Drošas kopienas', '2026-01-01-2026-03-31', 'csv'))
      .toBe('talka-dalibnieki-drosas-kopienas-2026-01-01-2026-03-31.csv');
    expect(exportFileName('rīcības plāns', '', '2026-11-23', 'xlsx')).toBe('talka-ricibas-plans-2026-11-23.xlsx');
  });
});

describe('CSV', () => {
  const table = participantTable(participantLines(input()), LABELS, 'period');

  it('starts with the UTF-8 byte-order mark, so Excel reads ā, č, ē, ģ, ī, ķ, ļ, ņ, š, ū, ž', () => {
    const csv = toCsv(table);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('round-trips every Latvian letter through papaparse', () => {
    const letters = 'ĀāČčĒēĢģĪīĶķĻļŅņŠšŪūŽž';
    const withLetters = { ...table, rows: [[1, letters, 'Ērgļu kopiena', 'Ķeguma "Lejas"; 2', ...table.rows[0]!.slice(4)]] };
    const parsed = Papa.parse<string[]>(toCsv(withLetters).slice(BOM.length), { delimiter: CSV_DELIMITER, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(table.columns.map((c) => c.header));
    expect(parsed.data[1]!.slice(0, 4)).toEqual(['1', letters, 'Ērgļu kopiena', 'Ķeguma "Lejas"; 2']);
  });

  it('puts an apostrophe before every text a spreadsheet would run as a formula, phone numbers included; numbers stay numbers', () => {
    const risky = { ...table, rows: [
      [1, '=HYPERLINK("http://x")', '@SUM(A1)', '-2+3', 'Iedzīvotājs', '+371 26 000 001', '', '', '', '', 1, ''],
      [-2, '\t=1+1', '\r=1+1', '+1', 'a=b', '26 000 001', '', '', '', '', -0.5, ''],
    ] };
    const csv = toCsv(risky);
    const parsed = Papa.parse<string[]>(csv.slice(BOM.length), { delimiter: CSV_DELIMITER, skipEmptyLines: true });
    expect(parsed.data[1]!.slice(1, 6)).toEqual(["'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'-2+3", 'Iedzīvotājs', "'+371 26 000 001"]);
    expect(parsed.data[2]!.slice(1, 6)).toEqual(["'\t=1+1", "'\r=1+1", "'+1", 'a=b', '26 000 001']);
    // Numbers are written bare, so a spreadsheet reads them as numbers.
    expect(csv.split('\r\n')[2]!.startsWith('-2;')).toBe(true);
    expect(parsed.data[2]![10]).toBe('-0.5');
  });
});
