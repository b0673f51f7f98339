// Which records in a list carry the conflict mark (ConflictMark.tsx): those with an open conflict.
import { openConflictRecordIds } from '../../db/conflict-queries';
import { useLiveQuery } from '../../db/live';
import { useServices } from '../app-context';

/** The ids of records with an open conflict; undefined while read. */
export function useConflictedIds(): Set<string> | undefined {
  const { db } = useServices();
  return useLiveQuery(() => openConflictRecordIds(db), [db]);
}
