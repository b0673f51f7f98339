// The overview's filters: read from and written to the URL query, so a
// coordinator can bookmark "Madonas novads, KOPA, this quarter".
import { MATURITIES, type Maturity } from '../../protocol';
import { programmeOptions } from './programme';

export interface OverviewFilters {
  /** ISO 3166-2:LV code, '' for every municipality. */
  municipality: string;
  /** A programme's id (programmes), '' for every programme. */
  programme: string;
  maturity: Maturity | '';
  /** `YYYY-MM-DD` or '' (open). */
  from: string;
  to: string;
}

export const NO_FILTERS: OverviewFilters = { municipality: '', programme: '', maturity: '', from: '', to: '' };

const QUERY_KEYS = ['municipality', 'programme', 'maturity', 'from', 'to'] as const satisfies readonly (keyof OverviewFilters)[];

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MUNICIPALITY = /^LV-[A-Z0-9]{3}$/;

function isMaturity(value: string): value is Maturity {
  return (MATURITIES as readonly string[]).includes(value);
}

/** Filters from a URL query; a value that is not one (a mistyped bookmark) is left out rather than matching nothing. */
export function readFilters(query: Readonly<Record<string, string | undefined>>): OverviewFilters {
  const text = (key: string) => (query[key] ?? '').trim();
  const municipality = text('municipality');
  const maturity = text('maturity');
  const from = text('from');
  const to = text('to');
  return {
    municipality: MUNICIPALITY.test(municipality) ? municipality : '',
    programme: text('programme').slice(0, 200),
    maturity: isMaturity(maturity) ? maturity : '',
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
  };
}

/** The query string of the filters that are set (without `?`), in a fixed order so equal filters give equal URLs. */
export function filtersToQuery(filters: OverviewFilters): string {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = filters[key].trim();
    if (value !== '') params.set(key, value);
  }
  return params.toString();
}

export function hasAnyFilter(filters: OverviewFilters): boolean {
  return QUERY_KEYS.some((key) => filters[key] !== '');
}

/** A programme or a date range narrows the workshops, and with them the communities that held one. */
export function hasPeriodFilter(filters: OverviewFilters): boolean {
  return filters.programme.trim() !== '' || filters.from !== '' || filters.to !== '';
}

/** A range whose end is before its start: nothing can match it, and the person should be told. */
export function isReversedRange(filters: OverviewFilters): boolean {
  return filters.from !== '' && filters.to !== '' && filters.to < filters.from;
}

export function isInRange(day: string, filters: Pick<OverviewFilters, 'from' | 'to'>): boolean {
  return (filters.from === '' || day >= filters.from) && (filters.to === '' || day <= filters.to);
}

export { programmeKey } from './programme';

/** The programmes to choose from: the organisation's live programmes by name, each by its id. */
export function programmeChoices(programmes: readonly { id: string; name: string; deleted: boolean }[]): { value: string; label: string }[] {
  return programmeOptions(programmes).map((programme) => ({ value: programme.id, label: programme.name }));
}
