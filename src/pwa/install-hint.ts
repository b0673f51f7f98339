// iPadOS and iOS Safari may clear a website's storage after days without use
// unless it was added to the Home Screen, and there is no persist() grant to
// ask for there. So on an Apple touch device where Talka is not installed,
// the app asks to be added, once (the dismissal is remembered).
import { get, set } from 'idb-keyval';

export interface PlatformFacts {
  userAgent: string;
  /** navigator.platform: iPadOS 13+ calls itself "MacIntel" with a desktop user agent. */
  platform: string;
  maxTouchPoints: number;
  /** Safari's navigator.standalone: true when opened from the Home Screen. */
  standalone: boolean | undefined;
  /** matchMedia('(display-mode: standalone)'). */
  displayModeStandalone: boolean;
}

export type InstallHint = null | { browser: 'safari' | 'other' };

export function isAppleTouchDevice(facts: Pick<PlatformFacts, 'userAgent' | 'platform' | 'maxTouchPoints'>): boolean {
  if (/\b(iPad|iPhone|iPod)\b/.test(facts.userAgent)) return true;
  return facts.platform === 'MacIntel' && facts.maxTouchPoints > 1;
}

/** Whether to ask for the Home Screen, and whether the person must first switch to Safari to do it. */
export function installHintFor(facts: PlatformFacts): InstallHint {
  if (!isAppleTouchDevice(facts)) return null;
  if (facts.standalone === true || facts.displayModeStandalone) return null;
  // Chrome, Firefox and Edge on iOS say so in the user agent; Safari does not.
  const other = /\b(CriOS|FxiOS|EdgiOS|OPiOS|GSA)\//.test(facts.userAgent);
  return { browser: other ? 'other' : 'safari' };
}

export function readPlatformFacts(): PlatformFacts {
  const nav = navigator as Navigator & { standalone?: boolean };
  return {
    userAgent: nav.userAgent,
    platform: nav.platform ?? '',
    maxTouchPoints: nav.maxTouchPoints ?? 0,
    standalone: nav.standalone,
    displayModeStandalone: typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches,
  };
}

const DISMISSED_KEY = 'talka:install-hint-dismissed';

export async function isInstallHintDismissed(): Promise<boolean> {
  return Boolean(await get(DISMISSED_KEY).catch(() => false));
}

export async function dismissInstallHint(now = Date.now()): Promise<void> {
  await set(DISMISSED_KEY, now);
}
