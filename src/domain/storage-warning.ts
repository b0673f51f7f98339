// When the device is running out of room for Talka's data. Pure: the numbers
// come from navigator.storage.estimate() and the photos table.

/** Warn early: below this much free space, or above this share used. */
export const LOW_FREE_BYTES = 200 * 1024 * 1024;
export const LOW_USED_SHARE = 0.8;
/** Past these a write may fail any moment. */
export const CRITICAL_FREE_BYTES = 50 * 1024 * 1024;
export const CRITICAL_USED_SHARE = 0.95;
/** A dismissed warning of the same level comes back after this long. */
export const DISMISS_FOR_MS = 7 * 24 * 60 * 60 * 1000;

export type StorageLevel = 'unknown' | 'ok' | 'low' | 'critical';

export interface StorageFigures {
  /** Bytes this site uses and may use; null when the browser does not say. */
  usage: number | null;
  quota: number | null;
  /** Bytes of photos kept on the device (part of `usage`). */
  photoBytes?: number;
}

export interface StorageAssessment {
  level: StorageLevel;
  /** Bytes still free for this site, never negative; null when unknown. */
  free: number | null;
  /** Share of the quota used, 0…1; null when unknown. */
  usedShare: number | null;
  /** Photos' share of what is used, 0…1; null when unknown. */
  photoShare: number | null;
}

export function assessStorage({ usage, quota, photoBytes }: StorageFigures): StorageAssessment {
  const photoShare = usage !== null && usage > 0 && photoBytes !== undefined ? Math.min(1, photoBytes / usage) : null;
  if (usage === null || quota === null || quota <= 0) return { level: 'unknown', free: null, usedShare: null, photoShare };
  const free = Math.max(0, quota - usage);
  const usedShare = Math.min(1, usage / quota);
  let level: StorageLevel = 'ok';
  if (free < CRITICAL_FREE_BYTES || usedShare > CRITICAL_USED_SHARE) level = 'critical';
  else if (free < LOW_FREE_BYTES || usedShare > LOW_USED_SHARE) level = 'low';
  return { level, free, usedShare, photoShare };
}

/** What the person dismissed last: the level it had, and when. */
export interface WarningDismissal {
  level: StorageLevel;
  at: number;
}

const SEVERITY: Record<StorageLevel, number> = { unknown: 0, ok: 0, low: 1, critical: 2 };

/**
 * Whether the header shows the warning: only for low or critical space, and
 * not after it was dismissed, unless things got worse since or a week passed.
 */
export function shouldShowStorageWarning(level: StorageLevel, dismissed: WarningDismissal | null, now: number): boolean {
  if (SEVERITY[level] === 0) return false;
  if (!dismissed) return true;
  if (SEVERITY[level] > SEVERITY[dismissed.level]) return true;
  return now - dismissed.at >= DISMISS_FOR_MS;
}
