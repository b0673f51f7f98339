import { describe, expect, it } from 'vitest';
import { groupByQuadrant, localDay, previewText, workshopOnDay } from './swot-board';

describe('groupByQuadrant', () => {
  it('gives every quadrant a column, even an empty one, oldest item first', () => {
    const groups = groupByQuadrant([
      { id: 'b', quadrant: 'threats' as const, createdAt: 2 },
      { id: 'a', quadrant: 'threats' as const, createdAt: 1 },
      { id: 'c', quadrant: 'strengths' as const, createdAt: 3 },
    ]);
    expect(groups.threats.map((item) => item.id)).toEqual(['a', 'b']);
    expect(groups.strengths.map((item) => item.id)).toEqual(['c']);
    expect(groups.weaknesses).toEqual([]);
    expect(groups.opportunities).toEqual([]);
  });
});

describe('workshopOnDay', () => {
  it('picks the only workshop held today, and none when there are two or none', () => {
    const w = (id: string, date: string) => ({ id, date });
    expect(workshopOnDay([w('a', '2026-03-01'), w('b', '2026-03-02')], '2026-03-02')).toBe('b');
    expect(workshopOnDay([w('a', '2026-03-02'), w('b', '2026-03-02')], '2026-03-02')).toBe('');
    expect(workshopOnDay([], '2026-03-02')).toBe('');
  });
});

describe('previewText', () => {
  it('keeps a short text and cuts a long one with an ellipsis', () => {
    expect(previewText('Aktīvi  jaunieši\n')).toBe('Aktīvi jaunieši');
    expect(previewText('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('localDay', () => {
  it('formats the local calendar day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
