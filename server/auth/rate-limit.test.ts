import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit';

describe('login failure limiter', () => {
  it('allows max failures within the window, then says how long to wait', () => {
    const limiter = new FailureLimiter({ maxFailures: 3, windowMs: 1000 });
    for (let t = 0; t < 3; t++) {
      expect(limiter.retryAfter('k', t)).toBe(0);
      limiter.recordFailure('k', t);
    }
    expect(limiter.retryAfter('k', 10)).toBe(990);
    expect(limiter.retryAfter('other', 10)).toBe(0);
    expect(limiter.retryAfter('k', 1001)).toBe(0); // the first failure left the window
  });

  it('reset clears a key; the number of keys is bounded', () => {
    const limiter = new FailureLimiter({ maxFailures: 1, windowMs: 1000, maxKeys: 2 });
    limiter.recordFailure('a', 0);
    limiter.reset('a');
    expect(limiter.retryAfter('a', 1)).toBe(0);
    limiter.recordFailure('a', 0);
    limiter.recordFailure('b', 0);
    limiter.recordFailure('c', 0);
    expect(limiter.retryAfter('a', 1)).toBe(0); // dropped as the oldest
    expect(limiter.retryAfter('c', 1)).toBeGreaterThan(0);
  });
});
