// Per-field last-writer-wins merge (docs/protocol.md, Merge), shared by the server (applying
// a pushed mutation) and the app (applying a pulled change). Pure.
import { compareHlc, hlcDeviceId, type Hlc } from './hlc';

export type Fields = Record<string, unknown>;
export type Clocks = Record<string, Hlc>;

/** A record as the merge sees it: its field values and the clock of each. */
export interface FieldState {
  values: Fields;
  clocks: Clocks;
}

/** An edit as a mutation carries it: changed fields, one clock, and what the writer had seen. */
export interface Edit {
  fields: Fields;
  hlc: Hlc;
  base: Record<string, Hlc | null>;
}

/** A value that lost a concurrent edit; kept in `conflicts` so nothing typed is discarded. */
export interface LostValue {
  field: string;
  winnerValue: unknown;
  winnerClock: Hlc;
  loserValue: unknown;
  loserClock: Hlc;
}

export interface MergeResult {
  state: FieldState;
  /** Fields whose value or clock changed. */
  changed: string[];
  lost: LostValue[];
}

/**
 * Bookkeeping fields a person does not type: when two devices disagree on
 * them, the later clock wins quietly instead of filing a conflict.
 */
export const QUIET_FIELDS: ReadonlySet<string> = new Set(['createdAt', 'updatedAt', 'createdBy', 'checkedInAt', 'castAt', 'deletedBy', 'erasedAt', 'erasedBy']);

export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => valuesEqual(item, b[i]));
  }
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const bRecord: Record<string, unknown> = { ...b };
  const aRecord: Record<string, unknown> = { ...a };
  return aKeys.every((key) => Object.prototype.hasOwnProperty.call(bRecord, key) && valuesEqual(aRecord[key], bRecord[key]));
}

/**
 * Two writes of a field are concurrent when the later one was made without
 * having seen the earlier: its base is not the clock it replaces, and the
 * earlier write came from another device (a device always sees its own writes).
 */
function isConcurrent(seenByWriter: Hlc | null | undefined, current: Hlc, incoming: Hlc): boolean {
  return (seenByWriter ?? null) !== current && hlcDeviceId(current) !== hlcDeviceId(incoming);
}

/** Applies one edit to a record's state, field by field, later clock winning. */
export function mergeEdit(current: FieldState | null, edit: Edit): MergeResult {
  const values: Fields = { ...(current?.values ?? {}) };
  const clocks: Clocks = { ...(current?.clocks ?? {}) };
  const changed: string[] = [];
  const lost: LostValue[] = [];

  for (const [field, incomingValue] of Object.entries(edit.fields)) {
    const currentClock = clocks[field];
    const currentValue = values[field];
    if (currentClock === undefined) {
      values[field] = incomingValue;
      clocks[field] = edit.hlc;
      changed.push(field);
      continue;
    }
    const order = compareHlc(edit.hlc, currentClock);
    if (order === 0) continue; // the same write, replayed
    const conflicting =
      !QUIET_FIELDS.has(field) &&
      isConcurrent(edit.base[field], currentClock, edit.hlc) &&
      !valuesEqual(currentValue, incomingValue);
    if (order > 0) {
      if (conflicting) {
        lost.push({ field, winnerValue: incomingValue, winnerClock: edit.hlc, loserValue: currentValue, loserClock: currentClock });
      }
      values[field] = incomingValue;
      clocks[field] = edit.hlc;
      changed.push(field);
    } else if (conflicting) {
      lost.push({ field, winnerValue: currentValue, winnerClock: currentClock, loserValue: incomingValue, loserClock: edit.hlc });
    }
  }
  return { state: { values, clocks }, changed, lost };
}

/**
 * The app's side of a pull: the server's state of a record is taken field by
 * field, except fields this device has edited and not yet had acknowledged,
 * which keep the local value until the push lets the server decide.
 */
export function applyServerState(local: FieldState | null, server: FieldState, pendingFields: ReadonlySet<string>): FieldState {
  const values: Fields = { ...(local?.values ?? {}) };
  const clocks: Clocks = { ...(local?.clocks ?? {}) };
  for (const [field, value] of Object.entries(server.values)) {
    if (pendingFields.has(field) && Object.prototype.hasOwnProperty.call(values, field)) continue;
    values[field] = value;
    const clock = server.clocks[field];
    if (clock !== undefined) clocks[field] = clock;
  }
  return { values, clocks };
}
