import { describe, expect, it } from 'vitest';
import { localDay } from './days';

describe('localDay', () => {
  it('gives the local calendar day, zero-padded', () => {
    expect(localDay(new Date(2026, 0, 5, 9, 0).getTime())).toBe('2026-01-05');
  });

  it('a late evening stays on its own day whatever the UTC date', () => {
    expect(localDay(new Date(2026, 10, 23, 23, 59).getTime())).toBe('2026-11-23');
    expect(localDay(new Date(2026, 10, 24, 0, 1).getTime())).toBe('2026-11-24');
  });
});
