import { describe, expect, it } from 'vitest';
import { actionsTable, needsTable, resourcesTable, spendingTable, type ListExportInput, type ListLabels } from './export-lists';

const LABELS: ListLabels = {
  sheetNeeds: 'Vajadzības', sheetResources: 'Resursi', sheetActions: 'Rīcības plāns', community: 'Kopiena', title: 'Vajadzība',
  description: 'Apraksts', category: 'Kategorija', status: 'Statuss', owner: 'Atbildīgais', raisedAt: 'Izvirzīta', votes: 'Balsis',
  kind: 'Veids', name: 'Nosaukums', contact: 'Kontakti', availability: 'Pieejamība', helpsWith: 'Palīdz', what: 'Ko darīsim',
  need: 'Vajadzība', who: 'Kas atbild', due: 'Termiņš', budget: 'Budžets, EUR', total: 'Kopā', value: (group, value) => `${group}:${value}`,
};

const base = { deleted: false };
const input: ListExportInput = {
  communities: [{ id: 'c1', name: 'Rauna' }, { id: 'c2', name: 'Ērgļi' }],
  workshops: [{ id: 'w1', title: 'Darbnīca', date: '2026-11-23', ...base }],
  needs: [
    { id: 'n1', communityId: 'c1', workshopId: 'w1', title: 'Apgaismojums', description: '', category: 'safety', status: 'raised', owner: '', ...base },
    { id: 'n2', communityId: 'c1', workshopId: null, title: 'Autobuss', description: 'Vakarā', category: 'mobility', status: 'prioritised', owner: 'Anna', ...base },
    { id: 'n3', communityId: 'c2', workshopId: null, title: 'Soliņi', description: '', category: 'seniors', status: 'solved', owner: '', ...base },
    { id: 'n4', communityId: 'c1', workshopId: null, title: 'Dzēsta', description: '', category: 'other', status: 'raised', owner: '', deleted: true },
  ],
  votes: [
    { needId: 'n2', deleted: false }, { needId: 'n2', deleted: false }, { needId: 'n1', deleted: false }, { needId: 'n1', deleted: true },
  ],
  resources: [
    { id: 'r1', communityId: 'c1', kind: 'place', name: 'Tautas nams', description: '60 vietas', contact: '', availability: '', needIds: ['n1', 'n2', 'n1', 'n4'], ...base },
  ],
  actions: [
    { id: 'a1', communityId: 'c1', needId: 'n1', what: 'Laternas', who: 'Jānis', due: '2026-12-01', budgetCents: 125_050, status: 'planned', ...base },
    { id: 'a2', communityId: 'c1', needId: null, what: 'Talka', who: '', due: '', budgetCents: 10_000, status: 'dropped', ...base },
    { id: 'a3', communityId: 'c1', needId: 'n2', what: 'Vēstule', who: '', due: '2026-11-30', budgetCents: 0, status: 'done', ...base },
  ],
};

describe('needsTable', () => {
  it('lists live needs by community (Latvian order), most dots first, with where they were raised', () => {
    const table = needsTable(input, LABELS);
    expect(table.rows.map((row) => [row[0], row[1], row[5], row[7]])).toEqual([
      ['Ērgļi', 'Soliņi', 0, ''],
      ['Rauna', 'Autobuss', 2, ''],
      ['Rauna', 'Apgaismojums', 1, '2026-11-23 Darbnīca'],
    ]);
    expect(table.rows[1]!.slice(3, 5)).toEqual(['needCategory:mobility', 'needStatus:prioritised']);
  });
});

describe('resourcesTable', () => {
  it('names the live needs a resource helps with, once each', () => {
    expect(resourcesTable(input, LABELS).rows[0]!.at(-1)).toBe('Apgaismojums; Autobuss');
  });
});

describe('actionsTable', () => {
  it('orders by due date (undated last), amounts in euro, and a total without dropped actions', () => {
    const table = actionsTable(input, LABELS);
    expect(table.rows.map((row) => [row[1], row[4], row[5]])).toEqual([
      ['Vēstule', '2026-11-30', 0], ['Laternas', '2026-12-01', 1250.5], ['Talka', '', 100], ['Kopā', '', 1250.5],
    ]);
    expect(table.columns[5]!.kind).toBe('euro');
  });
});

describe('spendingTable', () => {
  it('lists every live line with its action, amount in euro and receipt photos, and a total', () => {
    const communities = [{ id: 'c1', name: 'Rauna' }, { id: 'c2', name: 'Ape' }];
    const actions = [
      { ...base, id: 'a1', communityId: 'c1', needId: null, what: 'Laternas', who: '', due: '', budgetCents: 50_000, status: 'planned' as const },
      { ...base, id: 'a2', communityId: 'c2', needId: null, what: 'Soliņi', who: '', due: '', budgetCents: 20_000, status: 'planned' as const },
    ];
    const line = (id: string, communityId: string, actionId: string, date: string, amountCents: number, deleted = false) =>
      ({ id, communityId, actionId, date, amountCents, what: `pirkums ${id}`, supplier: 'SIA', deleted });
    const table = spendingTable({
      communities, workshops: [], needs: [], votes: [], resources: [], actions,
      spending: [line('s1', 'c1', 'a1', '2026-03-02', 12_550), line('s2', 'c2', 'a2', '2026-03-01', 1), line('s3', 'c1', 'a1', '2026-03-01', 99, true)],
      receiptCounts: new Map([['s1', 2]]),
    }, { sheet: 'Izdevumi', community: 'Kopiena', action: 'Darbība', date: 'Datums', what: 'Kas', supplier: 'Piegādātājs', amount: 'Summa', receipts: 'Čeki', total: 'Kopā' });
    expect(table.rows).toEqual([
      ['Ape', 'Soliņi', '2026-03-01', 'pirkums s2', 'SIA', 0.01, 0],
      ['Rauna', 'Laternas', '2026-03-02', 'pirkums s1', 'SIA', 125.5, 2],
      ['', 'Kopā', '', '', '', 125.51, ''],
    ]);
  });
});
