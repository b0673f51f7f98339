// The pull reply in column layout (docs/protocol.md, Pull): `GET /api/sync/pull?…&shape=columns`.
// Protocol 1's reply repeats every field name and every field's clock in
// every record; here each page holds, per table, the record ids, one clock
// per record, and one array of values per field. The records and clocks it
// carries are exactly those of the row layout (fromColumns(toColumns(x)) is x,
// tested in pull-columns.test.ts); gzipped it is about a third of the size.
import * as v from 'valibot';
import { isHlc, type Hlc } from './hlc';
import { UUID_PATTERN } from './ids';
import type { Clocks, Fields } from './merge';

export const PULL_SHAPES = ['rows', 'columns'] as const;
export type PullShape = (typeof PULL_SHAPES)[number];

/** A record as a pull carries it: its current fields and each field's clock. */
export interface PulledRecord {
  table: string;
  recordId: string;
  fields: Fields;
  clocks: Clocks;
}

/** Marks, in `fieldClocks`, a field the record does not have. */
const ABSENT = '';

/** One table's records of a page, column by column, in page order. */
export interface ColumnBlock {
  table: string;
  ids: string[];
  /** Each record's clock: the one most of its fields carry. */
  clocks: Hlc[];
  /** Per field, one value per record (null where the record lacks the field). */
  columns: Record<string, unknown[]>;
  /**
   * Only fields where some record's clock for it is not the record's clock:
   * per record, null (the record's clock), "" (the record lacks the field) or the field's own clock.
   */
  fieldClocks: Record<string, (Hlc | null)[]>;
}

/** The clock most fields carry (the latest of those tied). */
function recordClock(clocks: Clocks): Hlc {
  const counts = new Map<Hlc, number>();
  let best: Hlc = '';
  let bestCount = 0;
  for (const clock of Object.values(clocks)) {
    const count = (counts.get(clock) ?? 0) + 1;
    counts.set(clock, count);
    if (count > bestCount || (count === bestCount && clock > best)) {
      best = clock;
      bestCount = count;
    }
  }
  return best;
}

export function toColumns(records: readonly PulledRecord[]): ColumnBlock[] {
  const byTable = new Map<string, PulledRecord[]>();
  for (const record of records) {
    const group = byTable.get(record.table);
    if (group) group.push(record);
    else byTable.set(record.table, [record]);
  }
  return [...byTable].map(([table, group]) => {
    const names = new Set<string>();
    for (const record of group) for (const name of Object.keys(record.fields)) names.add(name);
    const clocks = group.map((record) => recordClock(record.clocks));
    const columns: Record<string, unknown[]> = {};
    const fieldClocks: Record<string, (Hlc | null)[]> = {};
    for (const name of names) {
      let own: (Hlc | null)[] | null = null;
      columns[name] = group.map((record, index) => {
        const present = Object.hasOwn(record.fields, name);
        const clock = present ? record.clocks[name] ?? clocks[index]! : ABSENT;
        if (clock !== clocks[index]) {
          own ??= group.map(() => null);
          own[index] = clock;
        }
        return present ? record.fields[name] : null;
      });
      if (own) fieldClocks[name] = own;
    }
    return { table, ids: group.map((record) => record.recordId), clocks, columns, fieldClocks };
  });
}

export function fromColumns(blocks: readonly ColumnBlock[]): PulledRecord[] {
  const records: PulledRecord[] = [];
  for (const block of blocks) {
    const names = Object.keys(block.columns);
    block.ids.forEach((recordId, index) => {
      const fields: Fields = {};
      const clocks: Clocks = {};
      for (const name of names) {
        const own = block.fieldClocks[name]?.[index] ?? null;
        if (own === ABSENT) continue;
        fields[name] = block.columns[name]![index];
        clocks[name] = own ?? block.clocks[index]!;
      }
      records.push({ table: block.table, recordId, fields, clocks });
    });
  }
  return records;
}

// ── Schema of the reply, checked by the app before anything is applied ──

/** Field names are identifiers (never `__proto__` and the like). */
const fieldName = v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'invalid_field'));
const clock = v.pipe(v.string(), v.check(isHlc, 'invalid_clock'));

const columnBlockSchema = v.pipe(
  v.object({
    table: v.pipe(v.string(), v.maxLength(64)),
    ids: v.array(v.pipe(v.string(), v.regex(UUID_PATTERN, 'invalid_id'))),
    clocks: v.array(clock),
    columns: v.record(fieldName, v.array(v.unknown())),
    fieldClocks: v.record(fieldName, v.array(v.nullable(v.union([v.literal(ABSENT), clock])))),
  }),
  v.check((block) => {
    const count = block.ids.length;
    return block.clocks.length === count
      && Object.values(block.columns).every((column) => column.length === count)
      && Object.entries(block.fieldClocks).every(([name, column]) => column.length === count && Object.hasOwn(block.columns, name));
  }, 'Every column of a block must hold one entry per record'),
);

export const pullColumnsResponseSchema = v.object({
  tables: v.array(columnBlockSchema),
  cursor: v.string(),
  hasMore: v.boolean(),
  scope: v.optional(v.string()),
});
export type PullColumnsResponse = v.InferOutput<typeof pullColumnsResponseSchema>;
