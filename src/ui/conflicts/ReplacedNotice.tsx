// After a sync in which another device's value replaced one this device's
// user typed, the device says so, once: "2 jūsu izmaiņas aizstātas ar citu
// ierīču izmaiņām — pārskatīt" (src/db/conflict-queries.ts marks them told).
import { useEffect, useState } from 'preact/hooks';
import { session } from '../../account/session';
import { takeUntoldReplacements } from '../../db/conflict-queries';
import { syncStatus } from '../../sync/status';
import { t } from '../../i18n';
import { useServices } from '../app-context';

export function ReplacedNotice() {
  const { db, notebook } = useServices();
  const [count, setCount] = useState(0);
  const lastSyncAt = syncStatus.value?.lastSyncAt ?? null;
  const userId = session.value?.user.id ?? null;

  useEffect(() => {
    if (lastSyncAt === null || userId === null) return;
    let live = true;
    takeUntoldReplacements(db, userId, notebook.deviceId).then((untold) => {
      if (live && untold.length > 0) setCount((shown) => shown + untold.length);
    }, () => undefined);
    return () => { live = false; };
  }, [db, notebook.deviceId, lastSyncAt, userId]);

  if (count === 0) return null;
  return (
    <div class="notice replaced-notice" role="status" data-testid="replaced-notice">
      <span>{t('replaced.notice', { count })} — <a href="/conflicts" onClick={() => setCount(0)}>{t('replaced.review')}</a></span>
      <button type="button" class="button button--icon" aria-label={t('action.close')} onClick={() => setCount(0)}>×</button>
    </div>
  );
}
