import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fromColumns, pullColumnsResponseSchema, toColumns, type PulledRecord } from './pull-columns';

const clock = (wall: number, counter = 0, device = 'tabletA') => `${String(wall).padStart(13, '0')}:${String(counter).padStart(4, '0')}:${device}`;
const id = (n: number) => `01968b12-fe80-7000-8000-${String(n).padStart(12, '0')}`;

const need = (n: number, fields: Record<string, unknown>, clocks: Record<string, string>): PulledRecord => ({ table: 'needs', recordId: id(n), fields, clocks });

describe('the column layout of a pull page', () => {
  it('keeps one clock per record, and a field clock only where it differs', () => {
    const records = [
      need(1, { title: 'Ceļš', status: 'raised', owner: '' }, { title: clock(5), status: clock(5), owner: clock(5) }),
      need(2, { title: 'Tilts', status: 'done', owner: 'Ilze' }, { title: clock(7), status: clock(9, 0, 'tabletB'), owner: clock(7) }),
      need(3, { title: 'Skola' }, { title: clock(8) }),
      { table: 'votes', recordId: id(4), fields: { dots: 2 }, clocks: { dots: clock(6) } },
    ];
    const blocks = toColumns(records);
    expect(blocks).toEqual([
      {
        table: 'needs', ids: [id(1), id(2), id(3)], clocks: [clock(5), clock(7), clock(8)],
        columns: { title: ['Ceļš', 'Tilts', 'Skola'], status: ['raised', 'done', null], owner: ['', 'Ilze', null] },
        fieldClocks: { status: [null, clock(9, 0, 'tabletB'), ''], owner: [null, null, ''] },
      },
      { table: 'votes', ids: [id(4)], clocks: [clock(6)], columns: { dots: [2] }, fieldClocks: {} },
    ]);
    expect(fromColumns(blocks)).toEqual(records);
  });

  it('gives back exactly the records it was given, per table in page order, whatever their fields and clocks', () => {
    const fieldNames = fc.constantFrom('title', 'status', 'owner', 'deleted', 'dots', 'contacts');
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }));
    const record = fc.record({
      table: fc.constantFrom('needs', 'votes', 'resources'),
      n: fc.integer({ min: 1, max: 999_999 }),
      // Every record a server sends has at least one field.
      fields: fc.dictionary(fieldNames, fc.tuple(value, fc.integer({ min: 1, max: 4 }), fc.constantFrom('tabletA', 'tabletB')), { minKeys: 1 }),
    }).map(({ table, n, fields }): PulledRecord => ({
      table, recordId: id(n),
      fields: Object.fromEntries(Object.entries(fields).map(([name, [val]]) => [name, val])),
      clocks: Object.fromEntries(Object.entries(fields).map(([name, [, wall, device]]) => [name, clock(wall, 0, device)])),
    }));
    fc.assert(fc.property(fc.array(record, { maxLength: 30 }), (records) => {
      const blocks = toColumns(records);
      expect(v.safeParse(pullColumnsResponseSchema, JSON.parse(JSON.stringify({ tables: blocks, cursor: 'c', hasMore: false }))).success).toBe(true);
      const tables = [...new Set(records.map((record) => record.table))];
      const expected = tables.flatMap((table) => records.filter((record) => record.table === table));
      expect(fromColumns(blocks)).toEqual(expected);
    }));
  });

  it('refuses a page whose columns do not line up with its records, or whose field names are not identifiers', () => {
    const good = { table: 'needs', ids: [id(1)], clocks: [clock(1)], columns: { title: ['a'] }, fieldClocks: {} };
    const page = (block: object) => ({ tables: [block], cursor: 'c', hasMore: false });
    expect(v.safeParse(pullColumnsResponseSchema, page(good)).success).toBe(true);
    expect(v.safeParse(pullColumnsResponseSchema, page({ ...good, columns: { title: ['a', 'b'] } })).success).toBe(false);
    expect(v.safeParse(pullColumnsResponseSchema, page({ ...good, clocks: [] })).success).toBe(false);
    expect(v.safeParse(pullColumnsResponseSchema, page({ ...good, fieldClocks: { owner: [null] } })).success).toBe(false);
    expect(v.safeParse(pullColumnsResponseSchema, page({ ...good, fieldClocks: { title: ['yesterday'] } })).success).toBe(false);
    expect(v.safeParse(pullColumnsResponseSchema, page({ ...good, columns: { 'title.x': ['a'] } })).success).toBe(false);
    // A `__proto__` column never reaches fromColumns.
    const parsed = v.parse(pullColumnsResponseSchema, JSON.parse('{"tables":[{"table":"needs","ids":[],"clocks":[],"columns":{"__proto__":[]},"fieldClocks":{}}],"cursor":"c","hasMore":false}'));
    expect(Object.keys(parsed.tables[0]!.columns)).toEqual([]);
  });
});
