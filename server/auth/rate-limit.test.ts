import { describe, expect, it } from 'vitest';
import { delayAfter, LOGIN_LIMITS } from './rate-limit';

describe('login delays', () => {
  it('double with each failure of a pair, from 1 s, up to 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((failures) => delayAfter(failures, LOGIN_LIMITS))).toEqual([0, 1000, 2000, 4000, 8000, 16_000, 512_000]);
    expect(delayAfter(11, LOGIN_LIMITS)).toBe(15 * 60 * 1000);
    expect(delayAfter(10_000, LOGIN_LIMITS)).toBe(15 * 60 * 1000);
  });
});
