import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../protocol/hlc';
import { ServerClock } from './server-clock';

const NOW = Date.UTC(2025, 4, 1);
const DAY = 24 * 60 * 60 * 1000;

describe('server clock', () => {
  it('keeps a clock within a day of its own and moves past it', () => {
    const clock = new ServerClock(() => NOW);
    const incoming = formatHlc({ wall: NOW + DAY - 1, counter: 3, deviceId: 'tablet' });
    expect(clock.accept(incoming)).toBe(incoming);
    expect(clock.next() > incoming).toBe(true);
    expect(clock.next()).toMatch(/:server-[0-9a-f]{12}$/);
  });

  it('each server process stamps with its own id, so two servers sharing a database never make the same clock', () => {
    const first = new ServerClock(() => NOW);
    const second = new ServerClock(() => NOW);
    expect(first.deviceId).not.toBe(second.deviceId);
    expect(first.next()).not.toBe(second.next());
  });

  it('clamps a clock more than a day ahead to its own, keeping the device id', () => {
    const clock = new ServerClock(() => NOW);
    const accepted = clock.accept(formatHlc({ wall: NOW + 365 * DAY, counter: 0, deviceId: 'tablet' }));
    expect(accepted).toMatch(/:tablet$/);
    expect(Number(accepted.slice(0, 13))).toBe(NOW);
    // Two clamped clocks in a row stay distinct and ordered.
    const second = clock.accept(formatHlc({ wall: NOW + 365 * DAY, counter: 1, deviceId: 'tablet' }));
    expect(second > accepted).toBe(true);
  });
});
