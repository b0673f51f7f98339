import { describe, expect, it } from 'vitest';
import { addDays, deadlinesWithin, isExpired, matchingMeasures } from './measures';

const measure = (id: string, deadline: string, categories: string[] = [], municipalities: string[] = [], deleted = false) =>
  ({ id, name: id, deadline, categories, municipalities, deleted });

describe('matchingMeasures', () => {
  const measures = [
    measure('roads-valmiera', '2026-05-01', ['infrastructure'], ['LV-113']),
    measure('any-open', ''),
    measure('youth', '2026-04-01', ['youth']),
    measure('infra-soon', '2026-04-10', ['infrastructure', 'safety']),
    measure('infra-past', '2026-04-09', ['infrastructure']),
    measure('infra-deleted', '2026-04-20', ['infrastructure'], [], true),
  ];

  it('fits by category and territory, soonest deadline first and open measures last', () => {
    const ids = matchingMeasures(measures, { category: 'infrastructure' }, 'LV-113', '2026-04-10').map((m) => m.id);
    expect(ids).toEqual(['infra-soon', 'roads-valmiera', 'any-open']);
  });

  it('leaves out another municipality and another category', () => {
    const ids = matchingMeasures(measures, { category: 'infrastructure' }, 'LV-096', '2026-04-10').map((m) => m.id);
    expect(ids).toEqual(['infra-soon', 'any-open']);
    expect(matchingMeasures(measures, { category: 'culture' }, 'LV-113', '2026-04-10').map((m) => m.id)).toEqual(['any-open']);
  });

  it('still shows a measure on its deadline day, and not the day after', () => {
    expect(matchingMeasures(measures, { category: 'safety' }, 'LV-096', '2026-04-10').map((m) => m.id)).toEqual(['infra-soon', 'any-open']);
    expect(matchingMeasures(measures, { category: 'safety' }, 'LV-096', '2026-04-11').map((m) => m.id)).toEqual(['any-open']);
    expect(isExpired({ deadline: '2026-04-10' }, '2026-04-10')).toBe(false);
    expect(isExpired({ deadline: '2026-04-10' }, '2026-04-11')).toBe(true);
    expect(isExpired({ deadline: '' }, '2099-01-01')).toBe(false);
  });
});

describe('deadlinesWithin', () => {
  it('lists deadlines from today to 30 days ahead, inclusive, across a month end', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    const measures = [measure('a', '2026-03-02'), measure('b', '2026-03-03'), measure('c', '2026-01-31'), measure('d', '2026-01-30'), measure('e', '')];
    expect(deadlinesWithin(measures, '2026-01-31').map((m) => m.id)).toEqual(['c', 'a']);
  });
});
