// A record as the device keeps it (and a backup file carries it), before its
// table's type is known: the field values, the id, and the clock of each
// field. Rows read back from storage or a file go through asRecordRow, so a
// malformed row is skipped, not trusted.
import type { Clocks, FieldState, Fields } from '../../protocol';

export type RecordRow = Fields & { id: string; clocks: Clocks };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The row as a RecordRow, or null when it is not one (no text id, clocks not all text). */
export function asRecordRow(value: unknown): RecordRow | null {
  if (!isPlainObject(value) || typeof value.id !== 'string') return null;
  const clocks: Clocks = {};
  if (value.clocks !== undefined) {
    if (!isPlainObject(value.clocks)) return null;
    for (const [field, clock] of Object.entries(value.clocks)) {
      if (typeof clock !== 'string') return null;
      clocks[field] = clock;
    }
  }
  return { ...value, id: value.id, clocks };
}

/** A row's field values and clocks, as the merge functions take them. */
export function rowState(row: RecordRow): FieldState {
  const { id: _id, clocks, ...values } = row;
  return { values, clocks };
}

/** A row made from a record's state. */
export function stateRow(id: string, state: FieldState): RecordRow {
  return { ...state.values, id, clocks: state.clocks };
}
