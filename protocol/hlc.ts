// Hybrid logical clock (docs/protocol.md, Clocks). A clock is serialised as
// `<13-digit wall ms>:<4-digit counter>:<deviceId>` so that plain string order
// is time order; it never goes backwards even when the device's wall clock does.

export type Hlc = string;

export interface ClockState {
  readonly wall: number;
  readonly counter: number;
  readonly deviceId: string;
}

const WALL_DIGITS = 13;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 9999;
const MAX_WALL = 9_999_999_999_999;
const HLC_PATTERN = /^(\d{13}):(\d{4}):([A-Za-z0-9_-]{1,64})$/;

export function formatHlc(state: ClockState): Hlc {
  return `${String(state.wall).padStart(WALL_DIGITS, '0')}:${String(state.counter).padStart(COUNTER_DIGITS, '0')}:${state.deviceId}`;
}

/** Parses a serialised clock; returns null when the text is not one. */
export function parseHlc(text: string): ClockState | null {
  const match = HLC_PATTERN.exec(text);
  if (!match) return null;
  return { wall: Number(match[1]), counter: Number(match[2]), deviceId: match[3] ?? '' };
}

export function isHlc(text: string): boolean {
  return HLC_PATTERN.test(text);
}

export function hlcDeviceId(clock: Hlc): string {
  return parseHlc(clock)?.deviceId ?? '';
}

export function hlcWall(clock: Hlc): number {
  return parseHlc(clock)?.wall ?? 0;
}

/** Total order of clocks; equal strings are the same event. */
export function compareHlc(a: Hlc, b: Hlc): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function initialClock(deviceId: string): ClockState {
  return { wall: 0, counter: 0, deviceId };
}

function advance(wall: number, counter: number, deviceId: string): ClockState {
  if (counter <= MAX_COUNTER) return { wall, counter, deviceId };
  // Counter overflow: borrow a millisecond rather than break the string order.
  return { wall: Math.min(wall + 1, MAX_WALL), counter: 0, deviceId };
}

/** A new local event: later than everything this clock has seen. */
export function tick(state: ClockState, now: number): ClockState {
  const wall = Math.max(state.wall, Math.floor(now));
  const counter = wall === state.wall ? state.counter + 1 : 0;
  return advance(wall, counter, state.deviceId);
}

/** Folds a clock seen from elsewhere into ours so our next event is later. */
export function receive(state: ClockState, remote: Hlc, now: number): ClockState {
  const other = parseHlc(remote);
  if (!other) return state;
  const wall = Math.max(state.wall, other.wall, Math.floor(now));
  let counter: number;
  if (wall === state.wall && wall === other.wall) counter = Math.max(state.counter, other.counter) + 1;
  else if (wall === state.wall) counter = state.counter + 1;
  else if (wall === other.wall) counter = other.counter + 1;
  else counter = 0;
  return advance(wall, counter, state.deviceId);
}

/** How far ahead of the server's own time a clock may be before the server clamps it. */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * The server's clamp: a clock more than a day ahead of `serverClock`
 * is replaced by the server's clock with the writer's device id kept, so a
 * device with a wrong calendar cannot win every later edit.
 */
export function clampHlc(clock: Hlc, serverClock: ClockState): Hlc {
  const parsed = parseHlc(clock);
  if (!parsed) return clock;
  if (parsed.wall - serverClock.wall <= MAX_CLOCK_SKEW_MS) return clock;
  return formatHlc({ wall: serverClock.wall, counter: serverClock.counter, deviceId: parsed.deviceId });
}
