// Which one notice the header shows about the device's data, if any: space
// running low first (it can stop saving), then the Home Screen on iPad and
// iPhone (where storage is cleared after days unused), then a refused
// persistence grant. One at a time, each dismissable and remembered.
import { shouldShowStorageWarning, type StorageAssessment, type WarningDismissal } from '../../domain/storage-warning';
import type { InstallHint } from '../../pwa/install-hint';

export type DeviceNotice =
  | { kind: 'space'; level: 'low' | 'critical'; free: number }
  | { kind: 'install'; browser: 'safari' | 'other' }
  | { kind: 'persist' };

export interface NoticeFacts {
  storage: StorageAssessment;
  spaceDismissal: WarningDismissal | null;
  installHint: InstallHint;
  installDismissed: boolean;
  /** The app asked for persistent storage and the browser said no. */
  persistRefused: boolean;
  persistDismissed: boolean;
  now: number;
}

export function chooseNotice(facts: NoticeFacts): DeviceNotice | null {
  const { storage } = facts;
  if ((storage.level === 'low' || storage.level === 'critical') && storage.free !== null
    && shouldShowStorageWarning(storage.level, facts.spaceDismissal, facts.now)) {
    return { kind: 'space', level: storage.level, free: storage.free };
  }
  if (facts.installHint) return facts.installDismissed ? null : { kind: 'install', browser: facts.installHint.browser };
  if (facts.persistRefused && !facts.persistDismissed) return { kind: 'persist' };
  return null;
}
