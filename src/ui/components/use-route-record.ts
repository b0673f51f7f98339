import { useRoute } from 'preact-iso';
import type { TableName } from '../../../protocol';
import { getRecord, useLiveQuery } from '../../db';
import { useServices } from '../app-context';

/**
 * The record a screen's route names (`/communities/:id/…`, `/workshops/:id/…`):
 * its id, and the record, undefined while it loads and null when there is
 * none or it was deleted.
 */
export function useRouteRecord<T extends TableName>(table: T) {
  const { db } = useServices();
  const { params } = useRoute();
  const id = params.id ?? '';
  const record = useLiveQuery(async () => {
    const found = await getRecord(db, table, id);
    return found && !found.deleted ? found : null;
  }, [db, table, id]);
  return { id, record };
}
