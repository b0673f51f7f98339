import { describe, expect, it } from 'vitest';
import { forwardedClient } from './client-address';

describe('the client address behind proxies', () => {
  it('reads X-Forwarded-For from the right, as many entries as there are trusted proxies', () => {
    // The client forged "6.6.6.6"; the operator's proxies appended 203.0.113.7 (what the first proxy saw) and 10.0.0.2.
    const header = '6.6.6.6, 203.0.113.7, 10.0.0.2';
    expect(forwardedClient(header, 1)).toBe('10.0.0.2');
    expect(forwardedClient(header, 2)).toBe('203.0.113.7');
    expect(forwardedClient('203.0.113.7', 2)).toBe('203.0.113.7');
  });

  it('believes nothing with no trusted proxy, or from an empty header', () => {
    expect(forwardedClient('203.0.113.7', 0)).toBeUndefined();
    expect(forwardedClient(undefined, 1)).toBeUndefined();
    expect(forwardedClient(' , ', 1)).toBeUndefined();
  });
});
