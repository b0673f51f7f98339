// What exists only on this device: unsent changes and photos, live.
import { useContext } from 'preact/hooks';
import { useLiveQuery, type TalkaDatabase } from '../../db';
import { countUnsent, type UnsentWork } from '../../db/backup-inventory';
import { t } from '../../i18n';
import { AppContext } from '../app-context';

/** The unsent work, kept current; undefined while counting or without a database. */
export function useUnsent(db: TalkaDatabase | null | undefined): UnsentWork | undefined {
  return useLiveQuery(async () => (db ? countUnsent(db) : undefined), [db]);
}

/** "5 unsent changes and 2 unsent photos" as the messages put it. */
export function unsentParams(unsent: UnsentWork): { changes: string; photos: string } {
  return { changes: t('device.changes', { count: unsent.changes }), photos: t('device.photos', { count: unsent.photos }) };
}

/** The update prompt's reassurance: what waits to be sent, and that updating keeps it. */
export function UpdateKeepsData() {
  const services = useContext(AppContext);
  const unsent = useUnsent(services?.db);
  if (!unsent) return null;
  const waiting = unsent.changes + unsent.photos > 0;
  return (
    <p data-testid="update-unsent">{waiting ? t('device.update.unsent', unsentParams(unsent)) : t('device.update.allSent')}</p>
  );
}
