import type { ComponentChildren } from 'preact';
import { t, tLabel } from '../../i18n';
import type { StoredRecord } from '../../db';
import { LinkedList } from '../components/linked-list';
import { ConflictMark } from '../conflicts/ConflictMark';

export interface NeedCardProps {
  need: Pick<StoredRecord<'needs'>, 'id' | 'title' | 'description' | 'category' | 'status' | 'owner'>;
  votes: number;
  resources: readonly { id: string; name: string }[];
  onOpen: () => void;
  /** The need's photos (a PhotoStrip), at the foot of the card. */
  photos?: ComponentChildren;
  /** The group the need is in (the same need raised elsewhere), if any. */
  group?: { others: number; votes: number } | undefined;
  /** Whether the need has a conflict not yet reviewed. */
  conflicted?: boolean;
}

/** One need on the board; tapping anywhere on it opens it for editing. */
export function NeedCard({ need, votes, resources, onOpen, photos, group, conflicted = false }: NeedCardProps) {
  return (
    <article class="need-card" aria-labelledby={`need-open-${need.id}`}>
      <h3 class="need-card__title">
        <button type="button" id={`need-open-${need.id}`} class="need-card__open" aria-describedby={`need-edit-${need.id}`} onClick={onOpen}>
          {need.title}
        </button>
      </h3>
      <span id={`need-edit-${need.id}`} class="visually-hidden">{t('needs.openCard')}</span>
      <p class="need-card__tags">
        <span class="tag">{tLabel('needCategory', need.category)}</span>
        <span class={`tag need-status need-status--${need.status}`}>{tLabel('needStatus', need.status)}</span>
        <span class="need-card__votes">{t('needs.votes', { count: votes })}</span>
        {conflicted && <ConflictMark />}
      </p>
      {group && <p class="need-card__group">{t('needGroup.summary', { count: group.others, votes: group.votes })}</p>}
      {need.description && <p class="need-card__description prewrap">{need.description}</p>}
      {need.owner && <p class="muted need-card__owner">{t('needs.ownerShort', { owner: need.owner })}</p>}
      <LinkedList class="need-card__resources" label={t('needs.linkedResources')} names={resources} />
      {photos}
    </article>
  );
}
