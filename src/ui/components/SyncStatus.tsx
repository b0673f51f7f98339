// The sync bar, always in the header: online or offline, changes waiting, when
// the last sync finished, progress on a long sync, what went wrong, and the
// ways on (sync now, sign in, refused changes, conflicts).
import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '../../db/live';
import { countPending, countRejectedChanges, listOpenConflicts } from '../../db/queries';
import { loadLastSync } from '../../db/meta';
import { formatDateTime, formatTime, t } from '../../i18n';
import type { SyncProgress } from '../../sync/engine';
import { syncNow, syncStatus } from '../../sync/status';
import { session } from '../../account/session';
import type { Failure } from '../../net/api-error';
import { useServices } from '../app-context';
import { PhotoUploadProgress } from '../photos/PhotoUploadProgress';
import { online } from './online';
import '../sync/sync-bar.css';

export interface SyncStatusViewProps {
  isOnline: boolean;
  /** undefined while counting. */
  pending: number | undefined;
  signedIn?: boolean;
  running?: boolean;
  lastSyncAt?: number | null;
  failure?: Failure | null;
  nextAttemptAt?: number | null;
  /** Given only when a sync takes long enough to be worth a progress bar. */
  progress?: SyncProgress | null;
  /** Changes the server refused, kept until someone decides. */
  refused?: number;
  /** Open conflicts; null for people who do not resolve them. */
  conflicts?: number | null;
  onSyncNow?: () => void;
  /** Today, for telling "09:14" from "21.11.26 09:14". */
  now?: number;
}

/** "09:14" today, with the date on other days. */
function syncTime(at: number, now: number): string {
  return new Date(at).toDateString() === new Date(now).toDateString()
    ? formatTime(at)
    : formatDateTime(at, { dateStyle: 'short', timeStyle: 'short' });
}

function summaryText(pending: number, lastSyncAt: number | null, now: number, isOnline: boolean): string {
  // Offline is a state to work in, not an error: say that the work is kept, and how much waits.
  if (!isOnline) return pending > 0 ? t('syncbar.offlineKept', { count: pending }) : t('syncbar.offlineSafe');
  if (pending > 0) return t('sync.pending', { count: pending });
  return lastSyncAt === null ? t('syncbar.nothingToSend') : t('syncbar.allSentAt', { time: syncTime(lastSyncAt, now) });
}

function FailureText({ failure, isOnline, nextAttemptAt, now }: { failure: Failure; isOnline: boolean; nextAttemptAt: number | null; now: number }) {
  switch (failure) {
    // Offline already says it.
    case 'network': return isOnline ? <span class="sync-bar__failure">{t('syncbar.failure.network')}</span> : null;
    case 'server': return (
      <span class="sync-bar__failure">
        {nextAttemptAt === null ? t('syncbar.failure.server') : t('syncbar.failure.serverAt', { time: syncTime(nextAttemptAt, now) })}
      </span>
    );
    case 'unauthorized': return (
      <span class="sync-bar__failure">{t('syncbar.failure.unauthorized')} — <a href="/login">{t('syncbar.signInAgain')}</a></span>
    );
    default: return <span class="sync-bar__failure">{t(`syncbar.failure.${failure}`)}</span>;
  }
}

function ProgressLine({ progress }: { progress: SyncProgress }) {
  const sending = progress.toSend > 0;
  const text = sending
    ? t('syncbar.progressSending', { sent: progress.sent, toSend: progress.toSend, received: progress.received })
    : t('syncbar.progressReceiving', { received: progress.received });
  return (
    <span class="sync-bar__progress">
      {sending
        ? <progress max={progress.toSend} value={Math.min(progress.sent, progress.toSend)} aria-label={t('syncbar.progress')} />
        : <progress aria-label={t('syncbar.progress')} />}
      <span>{text}</span>
    </span>
  );
}

export function SyncStatusView({
  isOnline, pending, signedIn = false, running = false, lastSyncAt = null, failure = null, nextAttemptAt = null,
  progress = null, refused = 0, conflicts = null, onSyncNow, now = Date.now(),
}: SyncStatusViewProps) {
  return (
    <div class={`sync-bar${signedIn ? ' sync-bar--signed-in' : ''}`} role="status" aria-live="polite" aria-label={t('sync.region')}>
      <span class="sync-bar__state">
        <span class={`sync-bar__dot ${isOnline ? 'is-online' : 'is-offline'}`} aria-hidden="true" />
        {isOnline ? t('sync.online') : t('sync.offline')}
      </span>
      {pending !== undefined && (
        <span class="sync-bar__pending" data-testid="pending-count" data-count={pending}>{summaryText(pending, lastSyncAt, now, isOnline)}</span>
      )}
      {pending !== undefined && pending > 0 && lastSyncAt !== null && (
        <span class="sync-bar__last">{t('syncbar.lastSync', { time: syncTime(lastSyncAt, now) })}</span>
      )}
      {failure && <FailureText failure={failure} isOnline={isOnline} nextAttemptAt={nextAttemptAt} now={now} />}
      {refused > 0 && <a class="sync-bar__link sync-bar__link--warn" href="/changes">{t('syncbar.refused', { count: refused })}</a>}
      {conflicts !== null && conflicts > 0 && <a class="sync-bar__link" href="/conflicts">{t('syncbar.conflicts', { count: conflicts })}</a>}
      {progress && (progress.photos ? <PhotoUploadProgress photos={progress.photos} /> : <ProgressLine progress={progress} />)}
      <span class="sync-bar__action">
        {signedIn ? (
          <button type="button" class="button sync-bar__button" disabled={running} onClick={onSyncNow}>
            <span aria-hidden="true" class={running ? 'sync-bar__spin' : undefined}>⟳</span>
            <span class="sync-bar__button-text">{running ? t('syncbar.syncing') : t('syncbar.syncNow')}</span>
          </button>
        ) : (
          <a class="button sync-bar__button" href="/login">{t('syncbar.signIn')}</a>
        )}
      </span>
    </div>
  );
}

/** True once `active` has stayed true for `delayMs`: a quick sync shows no progress bar. */
function useLongRunning(active: boolean, delayMs: number): boolean {
  const [long, setLong] = useState(false);
  useEffect(() => {
    if (!active) {
      setLong(false);
      return;
    }
    const timer = setTimeout(() => setLong(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  return long;
}

const LONG_SYNC_MS = 800;

export function SyncStatus() {
  const { db } = useServices();
  const current = session.value;
  const status = syncStatus.value;
  const isCoordinator = current?.user.role === 'coordinator';
  const local = useLiveQuery(async () => {
    const [pending, refused, lastSyncAt] = await Promise.all([countPending(db), countRejectedChanges(db), loadLastSync(db)]);
    return { pending, refused, lastSyncAt };
  }, [db]);
  const conflicts = useLiveQuery(async () => (isCoordinator ? (await listOpenConflicts(db)).length : null), [db, isCoordinator]);
  const running = status?.running ?? false;
  const long = useLongRunning(running, LONG_SYNC_MS);
  return (
    <SyncStatusView
      isOnline={online.value}
      pending={local?.pending}
      signedIn={current !== null}
      running={running}
      lastSyncAt={status?.lastSyncAt ?? local?.lastSyncAt ?? null}
      failure={current ? status?.lastFailure ?? null : null}
      nextAttemptAt={status?.nextAttemptAt ?? null}
      progress={long && running ? status?.progress ?? null : null}
      refused={local?.refused ?? 0}
      conflicts={conflicts ?? null}
      onSyncNow={() => void syncNow()}
    />
  );
}
