// The mark a record carries in its list (communities, events, people, needs)
// until its conflict is reviewed on the conflicts screen.
import { openConflictRecordIds } from '../../db/conflict-queries';
import { useLiveQuery } from '../../db/live';
import { t } from '../../i18n';
import { useServices } from '../app-context';

/** The ids of records with an open conflict; undefined while read. */
export function useConflictedIds(): Set<string> | undefined {
  const { db } = useServices();
  return useLiveQuery(() => openConflictRecordIds(db), [db]);
}

export function ConflictMark() {
  return <span class="tag tag--conflict" title={t('mark.conflictHint')} data-testid="conflict-mark">⚠ {t('mark.conflict')}</span>;
}
