import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../protocol';
import { TalkaDatabase } from './database';
import { openConflictRecordIds, takeUntoldReplacements } from './conflict-queries';

let db: TalkaDatabase;
beforeEach(async () => {
  db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const clock = (deviceId: string, wall = 1_760_000_000_000) => formatHlc({ wall, counter: 0, deviceId });

function conflict(id: string, recordId: string, loser: { by?: string; device: string }, winnerDevice = 'tablet-B', resolved = false) {
  return {
    id, createdAt: 1, updatedAt: 1, createdBy: 'server', deleted: false, communityId: null, table: 'needs', recordId, field: 'title',
    winnerValue: 'theirs', winnerClock: clock(winnerDevice, 1_760_000_100_000), loserValue: 'mine', loserClock: clock(loser.device),
    resolved, resolvedBy: '', clocks: {}, ...(loser.by ? { loserBy: loser.by } : {}),
  };
}

describe('values of this device replaced by another device’s', () => {
  it('are told once: a second look after the same sync, or the next sync, tells nothing new; a new one is told', async () => {
    await db.conflicts.bulkPut([
      conflict('c1', 'need-1', { by: 'user-anna', device: 'tablet-A' }),
      conflict('c2', 'need-2', { by: 'user-anna', device: 'tablet-A' }),
      // Someone else's value, another device's value of hers, one already resolved: not hers to be told of here.
      conflict('c3', 'need-3', { by: 'user-ilze', device: 'tablet-A' }),
      conflict('c4', 'need-4', { by: 'user-anna', device: 'laptop' }),
      conflict('c5', 'need-5', { by: 'user-anna', device: 'tablet-A' }, 'tablet-B', true),
    ]);
    expect((await takeUntoldReplacements(db, 'user-anna', 'tablet-A')).sort()).toEqual(['c1', 'c2']);
    expect(await takeUntoldReplacements(db, 'user-anna', 'tablet-A')).toEqual([]);
    await db.conflicts.put(conflict('c6', 'need-6', { by: 'user-anna', device: 'tablet-A' }));
    expect(await takeUntoldReplacements(db, 'user-anna', 'tablet-A')).toEqual(['c6']);
    expect(await takeUntoldReplacements(db, 'user-anna', 'tablet-A')).toEqual([]);
  });

  it('open conflicts mark their records until reviewed', async () => {
    await db.conflicts.bulkPut([
      conflict('c1', 'need-1', { device: 'tablet-A' }),
      conflict('c2', 'need-2', { device: 'tablet-A' }, 'tablet-B', true),
    ]);
    expect(await openConflictRecordIds(db)).toEqual(new Set(['need-1']));
  });
});
