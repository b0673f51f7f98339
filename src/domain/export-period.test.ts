import { describe, expect, it } from 'vitest';
import { isPeriod, quarterOf } from './export-period';

describe('quarterOf', () => {
  it('gives the calendar quarter a day falls in', () => {
    expect(quarterOf('2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterOf('2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterOf('2026-06-30')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterOf('2026-08-15')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
  });
});

describe('isPeriod', () => {
  it('takes whole days, a one-day period too, but not one that ends before it starts', () => {
    expect(isPeriod('2026-10-01', '2026-12-31')).toBe(true);
    expect(isPeriod('2026-10-01', '2026-10-01')).toBe(true);
    expect(isPeriod('2026-12-31', '2026-10-01')).toBe(false);
    expect(isPeriod('', '2026-10-01')).toBe(false);
  });
});
