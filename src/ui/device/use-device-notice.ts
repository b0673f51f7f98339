// Gathers what the header notice needs: the storage estimate, whether the
// browser refused persistence, the Home Screen hint, and what the person
// dismissed before (idb-keyval, so it outlives a schema change).
import { get, set } from 'idb-keyval';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { assessStorage, type WarningDismissal } from '../../domain/storage-warning';
import { dismissInstallHint, installHintFor, isInstallHintDismissed, readPlatformFacts } from '../../pwa/install-hint';
import { readStorageState } from '../../pwa/storage';
import { chooseNotice, type DeviceNotice } from './choose-notice';

const SPACE_DISMISSED_KEY = 'talka:space-warning-dismissed';
const PERSIST_DISMISSED_KEY = 'talka:persist-notice-dismissed';
/** The page load that first showed the persistence notice: it appears in that one visit, then only in settings. */
const PERSIST_SHOWN_KEY = 'talka:persist-notice-shown';
const THIS_LOAD = `${String(Date.now())}-${String(Math.random())}`;
/** Set by src/pwa/storage.ts once the app has asked for persistent storage. */
const PERSISTENCE_ASKED_KEY = 'talka:persistence-asked';
const RECHECK_MS = 60_000;

/** Dismissals of this session: on a full disk idb-keyval cannot store them, and the notice must still stay closed. */
const dismissedNow: { space: WarningDismissal | null; install: boolean; persist: boolean } = { space: null, install: false, persist: false };

function asDismissal(value: unknown): WarningDismissal | null {
  if (typeof value !== 'object' || value === null) return null;
  const { level, at } = value as Partial<WarningDismissal>;
  return (level === 'low' || level === 'critical') && typeof at === 'number' ? { level, at } : null;
}

async function decide(): Promise<DeviceNotice | null> {
  const [storage, spaceDismissed, persistDismissed, persistShown, persistAsked, installDismissed] = await Promise.all([
    readStorageState(),
    get<unknown>(SPACE_DISMISSED_KEY).catch(() => null),
    get<unknown>(PERSIST_DISMISSED_KEY).catch(() => null),
    get<unknown>(PERSIST_SHOWN_KEY).catch(() => null),
    get<unknown>(PERSISTENCE_ASKED_KEY).catch(() => null),
    isInstallHintDismissed(),
  ]);
  const notice = chooseNotice({
    storage: assessStorage(storage),
    spaceDismissal: dismissedNow.space ?? asDismissal(spaceDismissed),
    installHint: installHintFor(readPlatformFacts()),
    installDismissed: installDismissed || dismissedNow.install,
    persistRefused: Boolean(persistAsked) && storage.persisted === false,
    persistDismissed: Boolean(persistDismissed) || dismissedNow.persist || shownInAnotherVisit(persistShown),
    now: Date.now(),
  });
  if (notice?.kind === 'persist' && persistShown !== THIS_LOAD) await set(PERSIST_SHOWN_KEY, THIS_LOAD).catch(() => undefined);
  return notice;
}

/** The persistence notice says its piece once: in the visit that first showed it (settings keeps saying it). */
function shownInAnotherVisit(shown: unknown): boolean {
  return typeof shown === 'string' && shown !== THIS_LOAD;
}

/** The notice to show now (rechecked every minute and when the app comes back to view), and how to dismiss it. */
export function useDeviceNotice(): { notice: DeviceNotice | null; dismiss: () => void } {
  const [notice, setNotice] = useState<DeviceNotice | null>(null);
  const refresh = useCallback(() => {
    decide().then(setNotice, () => setNotice(null));
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, RECHECK_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const dismiss = () => {
    const shown = notice;
    setNotice(null);
    if (!shown) return;
    let remembered: Promise<void>;
    if (shown.kind === 'space') {
      dismissedNow.space = { level: shown.level, at: Date.now() };
      remembered = set(SPACE_DISMISSED_KEY, dismissedNow.space);
    } else if (shown.kind === 'install') {
      dismissedNow.install = true;
      remembered = dismissInstallHint();
    } else {
      dismissedNow.persist = true;
      remembered = set(PERSIST_DISMISSED_KEY, Date.now());
    }
    void remembered.catch(() => undefined);
  };
  return { notice, dismiss };
}
