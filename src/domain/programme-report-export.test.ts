import { describe, expect, it } from 'vitest';
import { programmeReport, type ProgrammeReport, type ProgrammeReportInput } from '../../protocol';
import {
  figureList, figureRows, programmeReportTables, reportLookup, summaryTable, type ExportTextKey, type ProgrammeExportLabels, type ReportRecords,
} from './programme-report-export';

// A hand-worked programme: two communities, three events in March (one in Ērgļi, two in Rauna), four people,
// one of whom came in February already and one of whom was erased; one need group, one action, one grant, one receipt.
const TEXT: Record<ExportTextKey, string> = {
  sheetSummary: 'Kopsavilkums', sheetEvents: 'Pasākumi', sheetPeople: 'Cilvēki', sheetHouseholds: 'Mājsaimniecības', sheetNeeds: 'Vajadzības',
  sheetActions: 'Rīcības', sheetFinance: 'Finanses', sheetTargets: 'Mērķi', key: 'Atslēga', indicator: 'Rādītājs', value: 'Vērtība',
  date: 'Datums', event: 'Pasākums', kind: 'Veids', communities: 'Kopienas', participations: 'Apmeklējumi', name: 'Vārds, uzvārds',
  role: 'Loma', household: 'Mājsaimniecība', firstTime: 'Pirmo reizi', eventCount: 'Pasākumu skaits', events: 'Apmeklētie pasākumi',
  community: 'Kopiena', municipality: 'Novads vai valstspilsēta', peopleCount: 'Cilvēku skaits', people: 'Cilvēki', need: 'Vajadzība',
  category: 'Kategorija', status: 'Statuss', action: 'Darbība', due: 'Termiņš', budget: 'Budžets, EUR', type: 'Veids', what: 'Apraksts',
  amount: 'Summa, EUR', target: 'Mērķis', actual: 'Sasniegts', share: 'Izpilde, %', counts: 'Skaita', yes: 'Jā', no: 'Nē',
  erasedPerson: 'Dzēsta persona', noHousehold: 'Nav norādīta', grant: 'Grants', spending: 'Izdevumi', grantsTotal: 'Piešķirtie granti kopā',
  budgetTotal: 'Plānotais budžets kopā', spentTotal: 'Iztērēts kopā', cumulative: 'Kopš programmas sākuma', inRange: 'Periodā',
  programme: 'Programma', funder: 'Finansētājs', from: 'No', to: 'Līdz', openEnd: 'Bez beigu datuma', prepared: 'Sagatavots',
};
const LABELS: ProgrammeExportLabels = {
  text: (key) => TEXT[key],
  figure: (key) => `figure:${key}`,
  value: (group, value) => `${group}:${value}`,
  eventName: (date, title) => `${date} ${title}`,
};

const row = { deleted: false, createdAt: Date.UTC(2026, 2, 1) };
const records = {
  programmes: [{ ...row, id: 'p', name: 'Drošas kopienas', funder: 'SIF', start: '2026-01-01', end: '2026-12-31', targets: [
    { indicator: 'events' as const, target: 4, cumulative: false }, { indicator: 'grantsAwardedCents' as const, target: 100_000, cumulative: true },
  ] }],
  enrolments: [{ ...row, id: 'en1', communityId: 'rauna', programmeId: 'p', start: '2026-01-01', end: '', grantCents: 80_050 }],
  communities: [{ ...row, id: 'rauna', name: 'Rauna', municipality: 'LV-094' }, { ...row, id: 'ergli', name: 'Ērgļi', municipality: 'LV-059' }],
  workshops: [
    { ...row, id: 'feb', title: 'Sapulce', date: '2026-02-10', kind: 'community_meeting' as const, status: 'held', communityId: 'rauna', programmeId: null },
    { ...row, id: 'w1', title: 'Darbnīca', date: '2026-03-02', kind: 'workshop' as const, status: 'held', communityId: 'rauna', programmeId: 'p' },
    { ...row, id: 'w2', title: 'Forums', date: '2026-03-09', kind: 'forum' as const, status: 'held', communityId: 'ergli', programmeId: 'p' },
    { ...row, id: 'w3', title: 'Apmācības', date: '2026-03-20', kind: 'training' as const, status: 'held', communityId: 'rauna', programmeId: 'p' },
  ],
  participants: [
    { ...row, id: 'anna', name: 'Anna Ozola', household: 'Ozoli', communityId: 'rauna', role: 'resident' as const, erased: false },
    { ...row, id: 'juris', name: 'Juris Ozols', household: 'ozoli ', communityId: 'rauna', role: 'youth' as const, erased: false },
    { ...row, id: 'erased', name: '', household: '', communityId: 'ergli', role: 'resident' as const, erased: true },
    { ...row, id: 'zane', name: 'Zane Ābele', household: '', communityId: 'ergli', role: 'ngo' as const, erased: false },
  ],
  attendance: [
    { ...row, id: 'a0', workshopId: 'feb', participantId: 'anna' },
    { ...row, id: 'a1', workshopId: 'w1', participantId: 'anna' },
    { ...row, id: 'a2', workshopId: 'w1', participantId: 'juris' },
    { ...row, id: 'a3', workshopId: 'w2', participantId: 'erased' },
    { ...row, id: 'a4', workshopId: 'w2', participantId: 'zane' },
    { ...row, id: 'a5', workshopId: 'w3', participantId: 'anna' },
  ],
  needs: [
    { ...row, id: 'n1', communityId: 'rauna', workshopId: 'w1', title: 'Apgaismojums', category: 'safety' as const, status: 'solved' as const },
    { ...row, id: 'n2', communityId: 'rauna', workshopId: 'w3', title: 'Gaisma', category: 'safety' as const, status: 'raised' as const, sameAs: 'n1' },
  ],
  actions: [
    { ...row, id: 'act1', communityId: 'rauna', what: 'Laternas', due: '2026-03-25', status: 'done' as const, budgetCents: 125_050 },
  ],
  spending: [{ ...row, id: 's1', communityId: 'rauna', actionId: 'act1', date: '2026-03-26', what: 'Spuldzes', amountCents: 1_999 }],
};
// The same records are the report's input and where its names come from, as on the device.
const input: ProgrammeReportInput = records;
const named: ReportRecords = records;

function march(): ProgrammeReport {
  const report = programmeReport(input, { programmeId: 'p', from: '2026-03-01', to: '2026-03-31' });
  if (!report) throw new Error('no report');
  return report;
}

const lookup = reportLookup(named);

describe('the programme report as sheets', () => {
  it('makes one sheet per section, with Latvian names', () => {
    expect(programmeReportTables(march(), lookup, LABELS, '2026-04-02').map((table) => table.sheet)).toEqual([
      'Kopsavilkums', 'Pasākumi', 'Cilvēki', 'Mājsaimniecības', 'Vajadzības', 'Rīcības', 'Finanses', 'Mērķi',
    ]);
  });

  it('puts the programme and every figure in the summary: keys for programs, labels for people, numbers as numbers', () => {
    const table = summaryTable(march(), lookup, LABELS, '2026-04-02');
    expect(table.columns.map((c) => c.header)).toEqual(['Atslēga', 'Rādītājs', 'Vērtība']);
    const byKey = new Map(table.rows.map((r) => [r[0], r.slice(1)]));
    expect(byKey.get('programme')).toEqual(['Programma', 'Drošas kopienas']);
    expect(byKey.get('to')).toEqual(['Līdz', '2026-03-31']);
    // 3 events; 5 participations over 3 events = 1.666… → 1.7; 4 people, Anna came in February.
    expect(byKey.get('events')).toEqual(['figure:events', 3]);
    expect(byKey.get('eventsByKind.forum')).toEqual(['figure:eventsByKind: workshopKind:forum', 1]);
    expect(byKey.get('averageAttendance')).toEqual(['figure:averageAttendance', 1.7]);
    expect(byKey.get('firstTimePeople')).toEqual(['figure:firstTimePeople', 3]);
    expect(byKey.get('returningPeople')).toEqual(['figure:returningPeople', 1]);
    expect(byKey.get('peopleByRole.resident')).toEqual(['figure:peopleByRole: role:resident', 2]);
    // Cents become euro numbers with two decimals.
    expect(byKey.get('grantsAwardedCents')).toEqual(['figure:grantsAwardedCents', 800.5]);
    expect(byKey.get('budgetPlannedCents')).toEqual(['figure:budgetPlannedCents', 1250.5]);
    expect(byKey.get('spentCents')).toEqual(['figure:spentCents', 19.99]);
    expect(table.rows.filter((r) => typeof r[2] === 'string' && /^\d+([.,]\d+)?$/.test(r[2]))).toEqual([]);
  });

  it('lists people once, erased ones without a name, with whether they came for the first time', () => {
    const people = programmeReportTables(march(), lookup, LABELS, '2026-04-02')[2]!;
    expect(people.columns.map((c) => c.header)).toEqual(['Vārds, uzvārds', 'Loma', 'Mājsaimniecība', 'Pirmo reizi', 'Pasākumu skaits', 'Apmeklētie pasākumi']);
    expect(people.rows).toEqual([
      ['Anna Ozola', 'role:resident', 'Ozoli', 'Nē', 2, '2026-03-02 Darbnīca; 2026-03-20 Apmācības'],
      ['Juris Ozols', 'role:youth', 'ozoli', 'Jā', 1, '2026-03-02 Darbnīca'],
      ['Zane Ābele', 'role:ngo', '', 'Jā', 1, '2026-03-09 Forums'],
      ['Dzēsta persona', 'role:resident', '', 'Jā', 1, '2026-03-09 Forums'],
    ]);
    expect(JSON.stringify(people.rows)).not.toContain('erased');
  });

  it('counts a household once with its people; a person without one is their own', () => {
    const households = programmeReportTables(march(), lookup, LABELS, '2026-04-02')[3]!;
    expect(households.rows).toEqual(expect.arrayContaining([
      ['Ozoli', 'Rauna', 2, 'Anna Ozola; Juris Ozols'],
      ['Nav norādīta', 'Ērgļi', 1, 'Zane Ābele'],
      ['Nav norādīta', 'Ērgļi', 1, 'Dzēsta persona'],
    ]));
    expect(households.rows).toHaveLength(3);
  });

  it('lists events, needs (a group once), actions, finance and targets with numbers as numbers', () => {
    const [, events, , , needs, actions, finance, targets] = programmeReportTables(march(), lookup, LABELS, '2026-04-02');
    expect(events!.rows).toEqual([
      ['2026-03-02', 'Darbnīca', 'workshopKind:workshop', 'Rauna', 2],
      ['2026-03-09', 'Forums', 'workshopKind:forum', 'Ērgļi', 2],
      ['2026-03-20', 'Apmācības', 'workshopKind:training', 'Rauna', 1],
    ]);
    expect(events!.columns.map((c) => c.kind)).toEqual(['day', 'text', 'text', 'text', 'number']);
    expect(needs!.rows).toEqual([['Apgaismojums', 'Rauna', 'needCategory:safety', 'needStatus:solved']]);
    expect(actions!.rows).toEqual([['Laternas', 'Rauna', '2026-03-25', 1250.5, 'actionStatus:done']]);
    expect(finance!.rows).toEqual([
      ['Grants', 'Rauna', '2026-01-01', '', 800.5],
      ['Izdevumi', 'Rauna', '2026-03-26', 'Laternas: Spuldzes', 19.99],
      ['', '', '', 'Piešķirtie granti kopā', 800.5],
      ['', '', '', 'Plānotais budžets kopā', 1250.5],
      ['', '', '', 'Iztērēts kopā', 19.99],
    ]);
    expect(finance!.columns.at(-1)!.kind).toBe('euro');
    // 3 of 4 events in the range (75 %); the grant target of 1 000 € counts since the start: 800,50 € (80.1 %).
    expect(targets!.rows).toEqual([
      ['figure:events', 4, 3, 75, 'Periodā'],
      ['figure:grantsAwardedCents', 1000, 800.5, 80.1, 'Kopš programmas sākuma'],
    ]);
  });
});

describe('the lists behind the figures', () => {
  it('opens the first-time people alone, and the returning ones alone', () => {
    const report = march();
    expect(figureList('firstTimePeople', report, lookup, LABELS).rows.map((r) => r[0])).toEqual(['Juris Ozols', 'Zane Ābele', 'Dzēsta persona']);
    expect(figureList('returningPeople', report, lookup, LABELS).rows.map((r) => r[0])).toEqual(['Anna Ozola']);
  });

  it('names communities with their municipality, and municipalities by name', () => {
    const report = march();
    expect(figureList('communities', report, lookup, LABELS).rows).toEqual([['Ērgļi', 'Madonas novads'], ['Rauna', 'Smiltenes novads']]);
    expect(figureList('municipalities', report, lookup, LABELS).rows).toEqual([['Madonas novads'], ['Smiltenes novads']]);
  });

  it('gives a label for every figure row', () => {
    expect(figureRows(march(), LABELS).every((r) => r.label !== '')).toBe(true);
  });
});
