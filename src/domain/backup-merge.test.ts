import { describe, expect, it } from 'vitest';
import { latestClock, mergeBackupRecord } from './backup-merge';

const at = (ms: number, device: string) => `${String(ms).padStart(13, '0')}:0000:${device}`;

describe('mergeBackupRecord', () => {
  it('takes the whole record when the device does not have it', () => {
    const incoming = { values: { title: 'Darbnīca', notes: 'x' }, clocks: { title: at(1, 'A'), notes: at(2, 'A') } };
    expect(mergeBackupRecord(null, incoming)).toEqual({ state: incoming, changed: true });
  });

  it('lets the later clock win field by field', () => {
    const local = { values: { title: 'Vecs', notes: 'Jaunas' }, clocks: { title: at(1, 'B'), notes: at(9, 'B') } };
    const incoming = { values: { title: 'Jauns', notes: 'Vecas' }, clocks: { title: at(5, 'A'), notes: at(3, 'A') } };
    const merged = mergeBackupRecord(local, incoming);
    expect(merged.changed).toBe(true);
    expect(merged.state.values).toEqual({ title: 'Jauns', notes: 'Jaunas' });
    expect(merged.state.clocks).toEqual({ title: at(5, 'A'), notes: at(9, 'B') });
  });

  it('changes nothing for the same record again or an older one', () => {
    const local = { values: { title: 'Jauns' }, clocks: { title: at(5, 'A') } };
    expect(mergeBackupRecord(local, local).changed).toBe(false);
    expect(mergeBackupRecord(local, { values: { title: 'Vecs' }, clocks: { title: at(4, 'A') } }).changed).toBe(false);
  });

  it('lets a field without a clock only fill a gap', () => {
    const local = { values: { title: 'Mans' }, clocks: { title: at(5, 'A') } };
    const merged = mergeBackupRecord(local, { values: { title: 'Svešs', extra: 1 }, clocks: {} });
    expect(merged.state.values).toEqual({ title: 'Mans', extra: 1 });
  });
});

describe('latestClock', () => {
  it('is the greatest clock, ignoring gaps', () => {
    expect(latestClock([at(3, 'A'), null, at(7, 'B'), undefined, at(5, 'C')])).toBe(at(7, 'B'));
    expect(latestClock([])).toBeNull();
  });
});
