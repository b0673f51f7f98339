// The words of the delete dialog: "Kopiena un 4 pasākumi, 37 dalībnieki, 12
// vajadzības, 9 foto", each count in its plural form (Intl.PluralRules of the
// language, through t()).
import { COUNTED_KINDS, type DeletionScope } from '../../domain/deletion-scope';
import { t, type MessageKey } from '../../i18n';

const COUNT_KEYS = {
  workshops: 'deleteCount.workshops', participants: 'deleteCount.participants', needs: 'deleteCount.needs',
  resources: 'deleteCount.resources', actions: 'deleteCount.actions', swot: 'deleteCount.swot', photos: 'deleteCount.photos',
  attendance: 'deleteCount.attendance',
} as const satisfies Record<(typeof COUNTED_KINDS)[number], MessageKey>;

/** "Kopiena un 4 pasākumi, 37 dalībnieki" — or "Kopiena" alone when nothing goes with it. */
export function describeDeletion(what: 'community' | 'workshop', counts: DeletionScope['counts']): string {
  const head = t(what === 'community' ? 'delete.community' : 'delete.workshop');
  const parts = COUNTED_KINDS.flatMap((kind) => {
    const count = counts[kind] ?? 0;
    return count > 0 ? [t(COUNT_KEYS[kind], { count })] : [];
  });
  return parts.length === 0 ? head : t('delete.with', { what: head, parts: parts.join(', ') });
}
