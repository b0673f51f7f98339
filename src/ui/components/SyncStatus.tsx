import { countPending, useLiveQuery } from '../../db';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { online } from './online';

export interface SyncStatusViewProps {
  isOnline: boolean;
  pending: number | undefined;
}

/** Online or offline, and how many changes wait to be sent: always visible. */
export function SyncStatusView({ isOnline, pending }: SyncStatusViewProps) {
  return (
    <div class="sync-status" role="status" aria-label={t('sync.region')}>
      <span class={`sync-status__dot ${isOnline ? 'is-online' : 'is-offline'}`} aria-hidden="true" />
      <span class="sync-status__state">{isOnline ? t('sync.online') : t('sync.offline')}</span>
      {pending !== undefined && (
        <span class="sync-status__pending" data-testid="pending-count" data-count={pending}>
          {pending === 0 ? t('sync.allSent') : t('sync.pending', { count: pending })}
        </span>
      )}
    </div>
  );
}

export function SyncStatus() {
  const { db } = useServices();
  const pending = useLiveQuery(() => countPending(db), [db]);
  return <SyncStatusView isOnline={online.value} pending={pending} />;
}
