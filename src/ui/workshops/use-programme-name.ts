import { getRecord, useLiveQuery, type StoredRecord } from '../../db';
import { useServices } from '../app-context';

/**
 * The name of an event's programme: the programme it names by id, or, for an event written before
 * events named one, its programme as typed then. '' when it has none (or its programme is not on this device).
 */
export function useProgrammeName(workshop: Pick<StoredRecord<'workshops'>, 'programme' | 'programmeId'>): string {
  const { db } = useServices();
  const programmeId = workshop.programmeId ?? null;
  const named = useLiveQuery(async () => {
    if (programmeId === null) return null;
    const programme = await getRecord(db, 'programmes', programmeId);
    // A programme deleted since still names the events that were of it.
    return programme?.name ?? '';
  }, [db, programmeId]);
  if (programmeId === null) return workshop.programme.trim();
  return named ?? '';
}
