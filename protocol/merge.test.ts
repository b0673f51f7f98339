import { describe, expect, it } from 'vitest';
import { applyServerState, mergeEdit, valuesEqual, type FieldState } from './merge';

const clock = (wall: number, device: string, counter = 0) => `${String(wall).padStart(13, '0')}:${String(counter).padStart(4, '0')}:${device}`;

describe('mergeEdit (server side, per-field last writer wins)', () => {
  const base: FieldState = {
    values: { title: 'Ceļš', description: 'bedres', status: 'raised' },
    clocks: { title: clock(100, 'A'), description: clock(100, 'A'), status: clock(100, 'A') },
  };

  it('creates a record from nothing', () => {
    const result = mergeEdit(null, { fields: { title: 'Jauns' }, hlc: clock(5, 'A'), base: { title: null } });
    expect(result.state).toEqual({ values: { title: 'Jauns' }, clocks: { title: clock(5, 'A') } });
    expect(result.changed).toEqual(['title']);
    expect(result.lost).toEqual([]);
  });

  it('keeps concurrent edits of different fields', () => {
    const fromB = mergeEdit(base, { fields: { title: 'Ceļa remonts' }, hlc: clock(200, 'B'), base: { title: clock(100, 'A') } });
    const fromC = mergeEdit(fromB.state, { fields: { status: 'prioritised' }, hlc: clock(150, 'C'), base: { status: clock(100, 'A') } });
    expect(fromC.state.values).toEqual({ title: 'Ceļa remonts', description: 'bedres', status: 'prioritised' });
    expect(fromC.lost).toEqual([]);
  });

  it('the later clock wins a concurrent edit of one field, and the loser is kept', () => {
    const fromB = mergeEdit(base, { fields: { title: 'B title' }, hlc: clock(300, 'B'), base: { title: clock(100, 'A') } });
    const fromC = mergeEdit(fromB.state, { fields: { title: 'C title' }, hlc: clock(200, 'C'), base: { title: clock(100, 'A') } });
    expect(fromC.state.values.title).toBe('B title');
    expect(fromC.changed).toEqual([]);
    expect(fromC.lost).toEqual([{ field: 'title', winnerValue: 'B title', winnerClock: clock(300, 'B'), loserValue: 'C title', loserClock: clock(200, 'C') }]);
  });

  it('a later concurrent write that wins keeps the value it replaced', () => {
    const fromB = mergeEdit(base, { fields: { title: 'B title' }, hlc: clock(200, 'B'), base: { title: clock(100, 'A') } });
    const fromC = mergeEdit(fromB.state, { fields: { title: 'C title' }, hlc: clock(300, 'C'), base: { title: clock(100, 'A') } });
    expect(fromC.state.values.title).toBe('C title');
    expect(fromC.lost).toEqual([{ field: 'title', winnerValue: 'C title', winnerClock: clock(300, 'C'), loserValue: 'B title', loserClock: clock(200, 'B') }]);
  });

  it('an edit made after seeing the current value is not a conflict', () => {
    const result = mergeEdit(base, { fields: { title: 'Labots' }, hlc: clock(200, 'B'), base: { title: clock(100, 'A') } });
    const next = mergeEdit(result.state, { fields: { title: 'Vēlreiz' }, hlc: clock(300, 'C'), base: { title: clock(200, 'B') } });
    expect(next.lost).toEqual([]);
    expect(next.state.values.title).toBe('Vēlreiz');
  });

  it('a device is never in conflict with its own earlier write', () => {
    const first = mergeEdit(base, { fields: { title: 'one' }, hlc: clock(200, 'B'), base: { title: clock(100, 'A') } });
    const again = mergeEdit(first.state, { fields: { title: 'two' }, hlc: clock(210, 'B'), base: { title: clock(100, 'A') } });
    expect(again.lost).toEqual([]);
  });

  it('equal values are no conflict, and a replayed write changes nothing', () => {
    const edit = { fields: { title: 'Ceļš' }, hlc: clock(200, 'B'), base: { title: null } };
    expect(mergeEdit(base, edit).lost).toEqual([]);
    const once = mergeEdit(base, { ...edit, fields: { title: 'X' } });
    const twice = mergeEdit(once.state, { ...edit, fields: { title: 'X' } });
    expect(twice.changed).toEqual([]);
    expect(twice.state).toEqual(once.state);
  });

  it('bookkeeping fields never file a conflict', () => {
    const state: FieldState = { values: { checkedInAt: 1 }, clocks: { checkedInAt: clock(100, 'A') } };
    const result = mergeEdit(state, { fields: { checkedInAt: 2 }, hlc: clock(200, 'B'), base: { checkedInAt: null } });
    expect(result.lost).toEqual([]);
    expect(result.state.values.checkedInAt).toBe(2);
  });

  it('converges whatever order two edits arrive in', () => {
    const e1 = { fields: { title: 'one', status: 'solved' }, hlc: clock(200, 'B'), base: {} };
    const e2 = { fields: { title: 'two' }, hlc: clock(250, 'C'), base: {} };
    const ab = mergeEdit(mergeEdit(base, e1).state, e2).state;
    const ba = mergeEdit(mergeEdit(base, e2).state, e1).state;
    expect(ab).toEqual(ba);
  });

  it('a delete and a concurrent edit of another field both survive', () => {
    const deleted = mergeEdit(base, { fields: { deleted: true }, hlc: clock(200, 'B'), base: { deleted: null } });
    const edited = mergeEdit(deleted.state, { fields: { description: 'dziļas bedres' }, hlc: clock(150, 'C'), base: { description: clock(100, 'A') } });
    expect(edited.state.values).toMatchObject({ deleted: true, description: 'dziļas bedres' });
  });
});

describe('applyServerState (device side of a pull)', () => {
  it('takes the server value except for fields with unsent local edits', () => {
    const local: FieldState = { values: { title: 'local', notes: 'mine' }, clocks: { title: clock(500, 'A'), notes: clock(500, 'A') } };
    const server: FieldState = { values: { title: 'server', notes: 'theirs' }, clocks: { title: clock(100, 'B'), notes: clock(900, 'B') } };
    const merged = applyServerState(local, server, new Set(['notes']));
    expect(merged.values).toEqual({ title: 'server', notes: 'mine' });
    expect(merged.clocks.title).toBe(clock(100, 'B'));
    expect(merged.clocks.notes).toBe(clock(500, 'A'));
  });

  it('creates a record the device did not have', () => {
    const server: FieldState = { values: { title: 'x' }, clocks: { title: clock(1, 'B') } };
    expect(applyServerState(null, server, new Set())).toEqual(server);
  });
});

describe('valuesEqual', () => {
  it('compares arrays and objects by content', () => {
    expect(valuesEqual([{ a: 1 }], [{ a: 1 }])).toBe(true);
    expect(valuesEqual({ a: 1, b: [1] }, { b: [1], a: 1 })).toBe(true);
    expect(valuesEqual([1, 2], [2, 1])).toBe(false);
    expect(valuesEqual(null, {})).toBe(false);
  });
});
