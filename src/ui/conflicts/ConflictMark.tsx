// The mark a record carries in its list (communities, events, people, needs)
// until its conflict is reviewed on the conflicts screen (which records:
// use-conflicted-ids.ts).
import { t } from '../../i18n';

export function ConflictMark() {
  return <span class="tag tag--conflict" title={t('mark.conflictHint')} data-testid="conflict-mark">⚠ {t('mark.conflict')}</span>;
}
