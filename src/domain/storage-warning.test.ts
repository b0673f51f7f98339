import { describe, expect, it } from 'vitest';
import { DISMISS_FOR_MS, assessStorage, shouldShowStorageWarning } from './storage-warning';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('assessStorage', () => {
  it('is unknown when the browser gives no estimate', () => {
    expect(assessStorage({ usage: null, quota: null })).toEqual({ level: 'unknown', free: null, usedShare: null, photoShare: null });
    expect(assessStorage({ usage: 10, quota: 0 }).level).toBe('unknown');
  });

  it('is fine with plenty of room', () => {
    expect(assessStorage({ usage: 50 * MB, quota: 2 * GB })).toMatchObject({ level: 'ok', free: 2 * GB - 50 * MB });
  });

  it('warns early below 200 MB free, even when little of the quota is used', () => {
    expect(assessStorage({ usage: 10 * MB, quota: 210 * MB + 1 }).level).toBe('ok');
    expect(assessStorage({ usage: 10 * MB, quota: 209 * MB }).level).toBe('low');
  });

  it('warns early above 80 % used, even with much space left', () => {
    expect(assessStorage({ usage: 8 * GB, quota: 10 * GB }).level).toBe('ok');
    expect(assessStorage({ usage: 8 * GB + 1, quota: 10 * GB }).level).toBe('low');
  });

  it('is critical below 50 MB free or above 95 % used', () => {
    expect(assessStorage({ usage: 100 * MB, quota: 149 * MB }).level).toBe('critical');
    expect(assessStorage({ usage: 96 * GB, quota: 100 * GB }).level).toBe('critical');
  });

  it('never reports negative free space (usage over quota after an override)', () => {
    expect(assessStorage({ usage: 300, quota: 200 })).toMatchObject({ level: 'critical', free: 0, usedShare: 1 });
  });

  it("gives photos' share of what is used", () => {
    expect(assessStorage({ usage: 100 * MB, quota: 2 * GB, photoBytes: 25 * MB }).photoShare).toBe(0.25);
    expect(assessStorage({ usage: 0, quota: 2 * GB, photoBytes: 0 }).photoShare).toBeNull();
  });
});

describe('shouldShowStorageWarning', () => {
  const now = 1_800_000_000_000;

  it('shows nothing while space is fine or unknown', () => {
    expect(shouldShowStorageWarning('ok', null, now)).toBe(false);
    expect(shouldShowStorageWarning('unknown', null, now)).toBe(false);
  });

  it('shows low and critical until dismissed', () => {
    expect(shouldShowStorageWarning('low', null, now)).toBe(true);
    expect(shouldShowStorageWarning('low', { level: 'low', at: now - 1000 }, now)).toBe(false);
  });

  it('comes back when things got worse since the dismissal', () => {
    expect(shouldShowStorageWarning('critical', { level: 'low', at: now - 1000 }, now)).toBe(true);
    expect(shouldShowStorageWarning('low', { level: 'critical', at: now - 1000 }, now)).toBe(false);
  });

  it('comes back a week after the dismissal', () => {
    expect(shouldShowStorageWarning('low', { level: 'low', at: now - DISMISS_FOR_MS }, now)).toBe(true);
  });
});
