import { describe, expect, it } from 'vitest';
import { judgeDeletion } from './deletion';
import type { FieldState } from './merge';

const clock = (wall: number, device: string) => `${String(wall).padStart(13, '0')}:0000:${device}`;

const live: FieldState = {
  values: { title: 'Ceļš', status: 'raised', deleted: false, updatedAt: 1 },
  clocks: { title: clock(100, 'A'), status: clock(100, 'A'), deleted: clock(100, 'A'), updatedAt: clock(100, 'A') },
};
const deletedByA: FieldState = {
  values: { ...live.values, deleted: true },
  clocks: { ...live.clocks, deleted: clock(200, 'A') },
};

describe('judgeDeletion: an edit never ends up on a deleted record nobody was told about', () => {
  it('an edit made without having seen the deletion restores the record', () => {
    const edit = { fields: { title: 'Ceļa remonts', updatedAt: 2 }, hlc: clock(150, 'B'), base: { title: clock(100, 'A'), updatedAt: clock(100, 'A') } };
    expect(judgeDeletion('needs', deletedByA, edit)).toEqual({ kind: 'restore', deletionClock: clock(200, 'A') });
  });

  it('an edit that carries no base for `deleted` counts as not having seen the deletion', () => {
    const edit = { fields: { status: 'solved' }, hlc: clock(300, 'B'), base: {} };
    expect(judgeDeletion('needs', deletedByA, edit).kind).toBe('restore');
  });

  it('an edit from a device that had the deletion is refused', () => {
    const edit = { fields: { title: 'x' }, hlc: clock(300, 'B'), base: { title: clock(100, 'A'), deleted: clock(200, 'A') } };
    expect(judgeDeletion('needs', deletedByA, edit)).toEqual({ kind: 'refuse' });
  });

  it('the deleting device sees its own deletion', () => {
    const edit = { fields: { title: 'x' }, hlc: clock(300, 'A'), base: { title: clock(100, 'A') } };
    expect(judgeDeletion('needs', deletedByA, edit)).toEqual({ kind: 'refuse' });
  });

  it('a restore, or an edit of bookkeeping alone, is merged as usual', () => {
    expect(judgeDeletion('needs', deletedByA, { fields: { deleted: false }, hlc: clock(300, 'B'), base: {} }).kind).toBe('merge');
    expect(judgeDeletion('needs', deletedByA, { fields: { updatedAt: 9 }, hlc: clock(300, 'B'), base: {} }).kind).toBe('merge');
  });

  it('a deletion that had not seen an edit from another device does not apply', () => {
    const editedByB: FieldState = { values: { ...live.values, title: 'B' }, clocks: { ...live.clocks, title: clock(150, 'B') } };
    const deletion = { fields: { deleted: true }, hlc: clock(200, 'A'), base: { deleted: clock(100, 'A'), title: clock(100, 'A'), status: clock(100, 'A') } };
    expect(judgeDeletion('needs', editedByB, deletion)).toEqual({ kind: 'keep', unseen: ['title'] });
  });

  it('a deletion that had seen every edit applies; one that names no field clocks (an older app) is judged by clock alone', () => {
    const editedByB: FieldState = { values: { ...live.values, title: 'B' }, clocks: { ...live.clocks, title: clock(150, 'B') } };
    const seenAll = { fields: { deleted: true }, hlc: clock(200, 'A'), base: { deleted: clock(100, 'A'), title: clock(150, 'B'), status: clock(100, 'A') } };
    expect(judgeDeletion('needs', editedByB, seenAll).kind).toBe('merge');
    expect(judgeDeletion('needs', editedByB, { fields: { deleted: true }, hlc: clock(200, 'A'), base: { deleted: clock(100, 'A') } }).kind).toBe('merge');
  });

  it('a deletion with a full base that does not name a field set since (a merge) had not seen it', () => {
    const merged: FieldState = { values: { ...live.values, mergedInto: 'p2' }, clocks: { ...live.clocks, mergedInto: clock(150, 'B') } };
    const deletion = { fields: { deleted: true }, hlc: clock(200, 'A'), base: { title: clock(100, 'A'), status: clock(100, 'A'), deleted: clock(100, 'A') } };
    expect(judgeDeletion('participants', merged, deletion)).toEqual({ kind: 'keep', unseen: ['mergedInto'] });
    // An older app names no field at all: judged by clock alone, as before.
    expect(judgeDeletion('participants', merged, { ...deletion, base: { deleted: clock(100, 'A') } }).kind).toBe('merge');
  });

  it('check-ins and dots are flags: last writer wins, no bin', () => {
    const checkedOut: FieldState = { values: { deleted: true, checkedInAt: 1 }, clocks: { deleted: clock(200, 'A'), checkedInAt: clock(100, 'A') } };
    expect(judgeDeletion('attendance', checkedOut, { fields: { workshopId: 'w' }, hlc: clock(300, 'B'), base: {} }).kind).toBe('merge');
  });
});
