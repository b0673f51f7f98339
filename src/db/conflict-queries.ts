// Reads about conflicts beside the conflicts screen's own (queries.ts): which
// records carry an open one (their lists show a mark until it is reviewed),
// and which values this device's user typed were replaced by another device's.
import { hlcDeviceId } from '../../protocol/hlc';
import type { TalkaDatabase } from './database';
import type { StoredRecord } from './notebook';

/** The ids of records with a conflict nobody has reviewed yet. */
export async function openConflictRecordIds(db: TalkaDatabase): Promise<Set<string>> {
  const open = (await db.conflicts.toArray()).filter((conflict) => !conflict.resolved && !conflict.deleted);
  return new Set(open.map((conflict) => conflict.recordId));
}

/**
 * Open conflicts in which a value this user typed on this device lost to
 * another device's: the loser is this user, and the losing value's clock is
 * this device's (a device label may be empty or shared, a clock's device id is not).
 */
export function replacedHere(conflicts: readonly StoredRecord<'conflicts'>[], userId: string, deviceId: string): StoredRecord<'conflicts'>[] {
  return conflicts.filter((conflict) => !conflict.resolved && !conflict.deleted && conflict.loserBy === userId
    && hlcDeviceId(conflict.loserClock) === deviceId && hlcDeviceId(conflict.winnerClock) !== deviceId);
}

const TOLD_KEY = 'replacedTold';

function idList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The replaced values this device has not told its user of yet, marked told
 * in the same transaction: each is told once, however often this is asked.
 */
export async function takeUntoldReplacements(db: TalkaDatabase, userId: string, deviceId: string): Promise<string[]> {
  return db.transaction('rw', [db.conflicts, db.meta], async () => {
    const replaced = replacedHere(await db.conflicts.toArray(), userId, deviceId).map((conflict) => conflict.id);
    const told = new Set(idList((await db.meta.get(TOLD_KEY))?.value));
    const untold = replaced.filter((id) => !told.has(id));
    // Only what is still open is remembered, so the list stays as short as the open conflicts.
    if (untold.length > 0 || told.size > replaced.length) await db.meta.put({ key: TOLD_KEY, value: replaced });
    return untold;
  });
}
