// Bringing a backup's records into a device that may hold newer ones: field by
// field, the later clock wins, exactly as a pushed mutation is applied
// (protocol mergeEdit). The same file twice changes nothing. Conflicts are not
// filed here: the outbox entries that made those values are pushed in time and
// the server files them.
import { compareHlc, mergeEdit, type FieldState, type Fields, type Hlc } from '../../protocol';

export interface RecordMerge {
  state: FieldState;
  /** Whether anything on the device changes. */
  changed: boolean;
}

export function mergeBackupRecord(local: FieldState | null, incoming: FieldState): RecordMerge {
  let state: FieldState = local ?? { values: {}, clocks: {} };
  let changed = local === null;
  const byClock = new Map<Hlc, Fields>();
  for (const [field, value] of Object.entries(incoming.values)) {
    const clock = incoming.clocks[field];
    if (clock === undefined) {
      // A field without a clock only fills a gap; it never replaces a value.
      if (!Object.prototype.hasOwnProperty.call(state.values, field)) {
        state = { values: { ...state.values, [field]: value }, clocks: state.clocks };
        changed = true;
      }
      continue;
    }
    const fields = byClock.get(clock) ?? {};
    fields[field] = value;
    byClock.set(clock, fields);
  }
  for (const [hlc, fields] of [...byClock].sort(([a], [b]) => compareHlc(a, b))) {
    const result = mergeEdit(state, { fields, hlc, base: {} });
    state = result.state;
    if (result.changed.length > 0) changed = true;
  }
  return { state, changed };
}

/** The latest of some clocks (string order is time order), or null for none. */
export function latestClock(clocks: Iterable<Hlc | null | undefined>): Hlc | null {
  let latest: Hlc | null = null;
  for (const clock of clocks) {
    if (clock && (latest === null || compareHlc(clock, latest) > 0)) latest = clock;
  }
  return latest;
}
