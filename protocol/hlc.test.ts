import { describe, expect, it } from 'vitest';
import { clampHlc, compareHlc, formatHlc, initialClock, parseHlc, receive, tick, MAX_CLOCK_SKEW_MS } from './hlc';

const A = initialClock('devA');

describe('hybrid logical clock', () => {
  it('serialises so that string order is time order', () => {
    const early = formatHlc({ wall: 999, counter: 12, deviceId: 'z' });
    const late = formatHlc({ wall: 1000, counter: 0, deviceId: 'a' });
    expect(early).toBe('0000000000999:0012:z');
    expect(compareHlc(early, late)).toBe(-1);
    expect(parseHlc(late)).toEqual({ wall: 1000, counter: 0, deviceId: 'a' });
  });

  it('rejects text that is not a clock', () => {
    expect(parseHlc('12:3:x')).toBeNull();
    expect(parseHlc('0000000001000:0000:bad id')).toBeNull();
  });

  it('stays monotonic when the wall clock jumps back', () => {
    let state = tick(A, 10_000);
    const seen = [formatHlc(state)];
    for (const now of [9_000, 5_000, 10_000, 10_000, 1]) {
      state = tick(state, now);
      seen.push(formatHlc(state));
    }
    const sorted = [...seen].sort();
    expect(seen).toEqual(sorted);
    expect(new Set(seen).size).toBe(seen.length);
    expect(state.wall).toBe(10_000);
  });

  it('moves to the wall clock when it is ahead', () => {
    expect(tick(tick(A, 5), 7)).toEqual({ wall: 7, counter: 0, deviceId: 'devA' });
  });

  it('borrows a millisecond instead of overflowing the counter', () => {
    const full = { wall: 100, counter: 9999, deviceId: 'devA' };
    const next = tick(full, 50);
    expect(next).toEqual({ wall: 101, counter: 0, deviceId: 'devA' });
    expect(compareHlc(formatHlc(full), formatHlc(next))).toBe(-1);
  });

  it('after receiving a remote clock, the next local event is later than it', () => {
    const remote = formatHlc({ wall: 50_000, counter: 7, deviceId: 'devB' });
    const state = tick(receive(tick(A, 1_000), remote, 1_000), 1_000);
    expect(compareHlc(formatHlc(state), remote)).toBe(1);
    expect(state.deviceId).toBe('devA');
  });

  it('ignores a malformed remote clock', () => {
    const state = tick(A, 10);
    expect(receive(state, 'nonsense', 10)).toBe(state);
  });

  it('the server clamps a clock more than a day ahead to its own time, keeping the writer', () => {
    const server = { wall: 1_000_000_000_000, counter: 3, deviceId: 'server' };
    const yearAhead = formatHlc({ wall: server.wall + 365 * 86_400_000, counter: 0, deviceId: 'devA' });
    expect(clampHlc(yearAhead, server)).toBe(formatHlc({ wall: server.wall, counter: 3, deviceId: 'devA' }));
    const hourAhead = formatHlc({ wall: server.wall + 3_600_000, counter: 0, deviceId: 'devA' });
    expect(clampHlc(hourAhead, server)).toBe(hourAhead);
    const justUnder = formatHlc({ wall: server.wall + MAX_CLOCK_SKEW_MS, counter: 0, deviceId: 'devA' });
    expect(clampHlc(justUnder, server)).toBe(justUnder);
  });
});
