import { useRoute } from 'preact-iso';
import { getRecord, useLiveQuery } from '../../db';
import { useServices } from '../app-context';

/**
 * The community a /communities/:id/… screen is about: its id from the route,
 * and its record, undefined while it loads and null when there is none or it
 * was deleted.
 */
export function useRouteCommunity() {
  const { db } = useServices();
  const { params } = useRoute();
  const communityId = params.id ?? '';
  const community = useLiveQuery(async () => {
    const found = await getRecord(db, 'communities', communityId);
    return found && !found.deleted ? found : null;
  }, [db, communityId]);
  return { communityId, community };
}
