// The device's own facts in the `meta` table, one key each, and the only
// place that reads or writes them: the device clock, the pull cursor, when
// the last sync finished, and whose organisation's (and which user's) data
// the device holds.
// Every read checks the stored value's type; called inside a transaction that
// includes `meta`, each joins it.
import { compareHlc, formatHlc, initialClock, parseHlc, receive, tick, type ClockState, type Hlc } from '../../protocol';
import type { TalkaDatabase } from './database';

const KEYS = {
  clock: 'clock',
  cursor: 'cursor',
  scope: 'scope',
  lastSyncAt: 'lastSyncAt',
  owner: 'organisationId',
  deviceLabel: 'deviceLabel',
  user: 'userId',
} as const;

async function readText(db: TalkaDatabase, key: string): Promise<string | null> {
  const entry = await db.meta.get(key);
  return typeof entry?.value === 'string' ? entry.value : null;
}

// The device clock: every edit's clock is the next tick after the saved one,
// and a pull or a backup import moves it past every clock it brings, so the
// device's next edit sorts after everything it holds.

/** The saved clock as this device's state; a fresh one when none is saved. */
export async function readDeviceClock(db: TalkaDatabase, deviceId: string): Promise<ClockState> {
  const saved = await readText(db, KEYS.clock);
  const parsed = saved === null ? null : parseHlc(saved);
  return parsed ? { ...parsed, deviceId } : initialClock(deviceId);
}

export async function saveDeviceClock(db: TalkaDatabase, clock: ClockState): Promise<void> {
  await db.meta.put({ key: KEYS.clock, value: formatHlc(clock) });
}

/** The clock for a new edit at `now`, saved; the caller's transaction keeps tabs from handing out the same one. */
export async function tickDeviceClock(db: TalkaDatabase, deviceId: string, now: number): Promise<Hlc> {
  const next = tick(await readDeviceClock(db, deviceId), now);
  await saveDeviceClock(db, next);
  return formatHlc(next);
}

/** Moves the saved clock past every clock in `seen` that is later than it; unchanged when none is. */
export async function advanceDeviceClock(db: TalkaDatabase, deviceId: string, seen: Iterable<Hlc>, now: number): Promise<void> {
  let clock = await readDeviceClock(db, deviceId);
  let moved = false;
  for (const hlc of new Set(seen)) {
    if (compareHlc(hlc, formatHlc(clock)) <= 0) continue;
    clock = receive(clock, hlc, now);
    moved = true;
  }
  if (moved) await saveDeviceClock(db, clock);
}

/** The saved clock as text (backups carry it), or null. */
export function readSavedClock(db: TalkaDatabase): Promise<string | null> {
  return readText(db, KEYS.clock);
}

// The pull cursor: a server position, moved only in the transaction that
// applied what it stands for (a pulled page, or a push the server applied as
// sent), and forgotten when the device must pull everything again.

export function loadCursor(db: TalkaDatabase): Promise<string | null> {
  return readText(db, KEYS.cursor);
}

export async function saveCursor(db: TalkaDatabase, cursor: string): Promise<void> {
  await db.meta.put({ key: KEYS.cursor, value: cursor });
}

export async function forgetCursor(db: TalkaDatabase): Promise<void> {
  await db.meta.delete(KEYS.cursor);
}

/** What the server last said this user may see (an opaque token); null before the first pull. */
export function loadScope(db: TalkaDatabase): Promise<string | null> {
  return readText(db, KEYS.scope);
}

export async function saveScope(db: TalkaDatabase, scope: string): Promise<void> {
  await db.meta.put({ key: KEYS.scope, value: scope });
}

export async function loadLastSync(db: TalkaDatabase): Promise<number | null> {
  const entry = await db.meta.get(KEYS.lastSyncAt);
  return typeof entry?.value === 'number' ? entry.value : null;
}

export async function saveLastSync(db: TalkaDatabase, at: number): Promise<void> {
  await db.meta.put({ key: KEYS.lastSyncAt, value: at });
}

/** The organisation whose data this device holds; a device that changes hands is emptied first. */
export function loadDataOwner(db: TalkaDatabase): Promise<string | null> {
  return readText(db, KEYS.owner);
}

export async function setDataOwner(db: TalkaDatabase, organisationId: string): Promise<void> {
  await db.meta.put({ key: KEYS.owner, value: organisationId });
}

/**
 * The user whose session the device's data was last adopted by; null before
 * anyone signed in, and on devices that adopted data before this was kept.
 */
export function loadDataUser(db: TalkaDatabase): Promise<string | null> {
  return readText(db, KEYS.user);
}

export async function setDataUser(db: TalkaDatabase, userId: string): Promise<void> {
  await db.meta.put({ key: KEYS.user, value: userId });
}

/** Every meta entry but the device clock (later edits must still sort after earlier ones) and its name goes when the device is emptied. */
export async function clearMetaKeepingClock(db: TalkaDatabase): Promise<void> {
  // The clock, and the device's name (it names this tablet, not anyone's data), stay.
  const kept = (await db.meta.bulkGet([KEYS.clock, KEYS.deviceLabel])).filter((entry) => entry !== undefined);
  await db.meta.clear();
  if (kept.length > 0) await db.meta.bulkPut(kept);
}

/** The longest device label the push message takes (protocol/messages.ts, deviceLabel). */
export const DEVICE_LABEL_MAX = 60;

/** The device's name people gave it ("Planšete 2"), sent with each push so conflicts can name it; '' when none. */
export async function loadDeviceLabel(db: TalkaDatabase): Promise<string> {
  return (await readText(db, KEYS.deviceLabel)) ?? '';
}

export async function saveDeviceLabel(db: TalkaDatabase, label: string): Promise<void> {
  const trimmed = label.trim();
  if (trimmed.length > DEVICE_LABEL_MAX) throw new RangeError('device label too long');
  await db.meta.put({ key: KEYS.deviceLabel, value: trimmed });
}
