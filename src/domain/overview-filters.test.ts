import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS, filtersToQuery, hasAnyFilter, hasPeriodFilter, isInRange, isReversedRange, programmeChoices, programmeKey, readFilters,
} from './overview-filters';

describe('overview filters in the URL', () => {
  it('round-trip through the query in a fixed order, leaving out what is not set', () => {
    const filters = { municipality: 'LV-059', programme: 'Drošas kopienas', maturity: 'active' as const, from: '2026-01-01', to: '2026-03-31' };
    const query = filtersToQuery(filters);
    expect(query).toBe('municipality=LV-059&programme=Dro%C5%A1as+kopienas&maturity=active&from=2026-01-01&to=2026-03-31');
    expect(readFilters(Object.fromEntries(new URLSearchParams(query)))).toEqual(filters);
    expect(filtersToQuery(NO_FILTERS)).toBe('');
    expect(filtersToQuery({ ...NO_FILTERS, to: '2026-12-31' })).toBe('to=2026-12-31');
  });

  it('ignore values a mistyped bookmark holds instead of matching nothing', () => {
    expect(readFilters({ municipality: 'Madona', maturity: 'old', from: '2026-13-01', to: '31.12.2026', programme: '  KOPA ' }))
      .toEqual({ ...NO_FILTERS, programme: 'KOPA' });
    expect(readFilters({})).toEqual(NO_FILTERS);
  });

  it('tell a period from place filters, and a reversed range', () => {
    expect(hasAnyFilter(NO_FILTERS)).toBe(false);
    expect(hasPeriodFilter({ ...NO_FILTERS, municipality: 'LV-059', maturity: 'active' })).toBe(false);
    expect(hasPeriodFilter({ ...NO_FILTERS, programme: 'KOPA' })).toBe(true);
    expect(hasPeriodFilter({ ...NO_FILTERS, from: '2026-01-01' })).toBe(true);
    expect(isReversedRange({ ...NO_FILTERS, from: '2026-02-01', to: '2026-01-31' })).toBe(true);
    expect(isReversedRange({ ...NO_FILTERS, from: '2026-02-01', to: '2026-02-01' })).toBe(false);
  });

  it('include both ends of the range', () => {
    const range = { from: '2026-01-01', to: '2026-01-31' };
    expect(['2025-12-31', '2026-01-01', '2026-01-31', '2026-02-01'].map((day) => isInRange(day, range))).toEqual([false, true, true, false]);
    expect(isInRange('1999-01-01', { from: '', to: '' })).toBe(true);
  });
});

describe('programmes', () => {
  it('are one programme whatever the case and spacing', () => {
    expect(programmeKey('  Drošas   Kopienas ')).toBe(programmeKey('drošas kopienas'));
  });

  it('are offered as the organisation\'s live programmes, by name in Latvian order, each by its id', () => {
    expect(programmeChoices([
      { id: 'p-kopa', name: 'KOPA', deleted: false }, { id: 'p-drosas', name: 'Drošas kopienas', deleted: false },
      { id: 'p-abele', name: 'Ābeļdārzs', deleted: false }, { id: 'p-zala', name: 'Zaļā skola', deleted: true },
    ])).toEqual([
      { value: 'p-abele', label: 'Ābeļdārzs' }, { value: 'p-drosas', label: 'Drošas kopienas' }, { value: 'p-kopa', label: 'KOPA' },
    ]);
  });
});
