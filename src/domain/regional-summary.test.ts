import { describe, expect, it } from 'vitest';
import { regionalSummary, regionalSummaryTables, type RegionalSummaryInput, type RegionalSummaryLabels } from './regional-summary';

// Two communities enrolled in programme p (Rauna, Ērgļi), one enrolled elsewhere (Ape), one whose enrolment
// is in the bin (Smiltene). Rauna has two needs grouped as one (2 + 1 dots) and a single need (1 dot).
const row = { deleted: false };
const input: RegionalSummaryInput = {
  enrolments: [
    { ...row, id: 'e1', communityId: 'rauna', programmeId: 'p' },
    { ...row, id: 'e2', communityId: 'ergli', programmeId: 'p' },
    { ...row, id: 'e3', communityId: 'ape', programmeId: 'other' },
    { id: 'e4', communityId: 'smiltene', programmeId: 'p', deleted: true },
  ],
  communities: [
    { ...row, id: 'rauna', name: 'Rauna' }, { ...row, id: 'ergli', name: 'Ērgļi' }, { ...row, id: 'ape', name: 'Ape' },
    { ...row, id: 'smiltene', name: 'Smiltene' },
  ],
  needs: [
    { ...row, id: 'n1', communityId: 'rauna', title: 'Apgaismojums', category: 'safety', status: 'prioritised' },
    { ...row, id: 'n2', communityId: 'rauna', title: 'Gaisma pie skolas', category: 'safety', status: 'raised', sameAs: 'n1' },
    { ...row, id: 'n3', communityId: 'rauna', title: 'Autobuss', category: 'mobility', status: 'raised' },
    { ...row, id: 'n4', communityId: 'ergli', title: 'Gājēju pāreja', category: 'safety', status: 'raised' },
    { id: 'n5', communityId: 'ergli', title: 'Dzēsta', category: 'safety', status: 'raised', deleted: true },
    { ...row, id: 'n6', communityId: 'ape', title: 'Citas programmas', category: 'safety', status: 'raised' },
    { ...row, id: 'n7', communityId: 'smiltene', title: 'Atkritnē', category: 'safety', status: 'raised' },
  ],
  votes: [
    { needId: 'n1', deleted: false }, { needId: 'n1', deleted: false }, { needId: 'n2', deleted: false }, { needId: 'n3', deleted: false },
    { needId: 'n4', deleted: true }, { needId: 'n6', deleted: false },
  ],
  resources: [
    { ...row, id: 'r1', communityId: 'rauna', kind: 'place', name: 'Tautas nams', description: '60 vietas' },
    { ...row, id: 'r2', communityId: 'ergli', kind: 'place', name: 'Skola', description: '' },
    { ...row, id: 'r3', communityId: 'ergli', kind: 'skill', name: 'Galdnieks', description: '' },
    { ...row, id: 'r4', communityId: 'ape', kind: 'skill', name: 'Cits', description: '' },
  ],
  swot: [
    { ...row, id: 's1', communityId: 'rauna', quadrant: 'strengths', text: 'Aktīvi kaimiņi', createdAt: 2 },
    { ...row, id: 's2', communityId: 'ergli', quadrant: 'strengths', text: 'Skola', createdAt: 3 },
    { ...row, id: 's3', communityId: 'rauna', quadrant: 'threats', text: 'Aizbraukšana', createdAt: 1 },
    { id: 's4', communityId: 'rauna', quadrant: 'threats', text: 'Dzēsts', createdAt: 1, deleted: true },
  ],
};

const LABELS: RegionalSummaryLabels = {
  sheetNeeds: 'Vajadzības', sheetResources: 'Resursi', sheetSwot: 'SVID', category: 'Kategorija', need: 'Vajadzība', community: 'Kopiena',
  status: 'Statuss', votes: 'Balsis', kind: 'Veids', resource: 'Resurss', description: 'Apraksts', quadrant: 'Daļa', entry: 'Ieraksts',
  value: (group, value) => `${group}:${value}`,
};

describe('regionalSummary', () => {
  const summary = regionalSummary(input, 'p');

  it('gathers the communities enrolled in the programme alone', () => {
    expect(summary.communities).toEqual([{ id: 'ergli', name: 'Ērgļi' }, { id: 'rauna', name: 'Rauna' }]);
  });

  it('groups needs by category in the fixed order, a group once with all its dots, most dots first', () => {
    expect(summary.needs.map((group) => [group.category, group.votes, group.items.map((need) => [need.title, need.community, need.votes, need.grouped])])).toEqual([
      ['safety', 3, [['Apgaismojums', 'Rauna', 3, 2], ['Gājēju pāreja', 'Ērgļi', 0, 1]]],
      ['mobility', 1, [['Autobuss', 'Rauna', 1, 1]]],
    ]);
  });

  it('lists resources by kind and SWOT entries by quadrant, each with its community', () => {
    expect(summary.resources.map((group) => [group.kind, group.items.map((item) => `${item.community}: ${item.name}`)])).toEqual([
      ['skill', ['Ērgļi: Galdnieks']],
      ['place', ['Ērgļi: Skola', 'Rauna: Tautas nams']],
    ]);
    expect(summary.swot.map((group) => [group.quadrant, group.items.map((item) => `${item.community}: ${item.text}`)])).toEqual([
      ['strengths', ['Ērgļi: Skola', 'Rauna: Aktīvi kaimiņi']],
      ['weaknesses', []],
      ['opportunities', []],
      ['threats', ['Rauna: Aizbraukšana']],
    ]);
  });
});

describe('regionalSummaryTables', () => {
  it('makes the sheets Vajadzības, Resursi and SVID, dots as numbers', () => {
    const tables = regionalSummaryTables(regionalSummary(input, 'p'), LABELS);
    expect(tables.map((table) => table.sheet)).toEqual(['Vajadzības', 'Resursi', 'SVID']);
    expect(tables[0]!.columns.map((c) => [c.header, c.kind])).toEqual([
      ['Kategorija', 'text'], ['Vajadzība', 'text'], ['Kopiena', 'text'], ['Statuss', 'text'], ['Balsis', 'number'],
    ]);
    expect(tables[0]!.rows[0]).toEqual(['needCategory:safety', 'Apgaismojums', 'Rauna', 'needStatus:prioritised', 3]);
    expect(tables[1]!.rows).toEqual([
      ['resourceKind:skill', 'Galdnieks', 'Ērgļi', ''],
      ['resourceKind:place', 'Skola', 'Ērgļi', ''],
      ['resourceKind:place', 'Tautas nams', 'Rauna', '60 vietas'],
    ]);
    expect(tables[2]!.rows).toEqual([
      ['swot:strengths', 'Skola', 'Ērgļi'], ['swot:strengths', 'Aktīvi kaimiņi', 'Rauna'], ['swot:threats', 'Aizbraukšana', 'Rauna'],
    ]);
  });
});
