import type { ComponentChildren } from 'preact';
import { t } from '../../i18n';
import { LinkedList } from '../components/linked-list';

export interface ResourceCardProps {
  resource: { id: string; name: string; description: string; contact: string; availability: string };
  /** The needs this resource is linked to. */
  needs: readonly { id: string; title: string }[];
  onEdit: () => void;
  /** The resource's photos (a PhotoStrip), at the foot of the card. */
  photos?: ComponentChildren;
}

export function ResourceCard({ resource, needs, onEdit, photos }: ResourceCardProps) {
  return (
    <article class="resource-card" aria-labelledby={`resource-name-${resource.id}`}>
      <div class="resource-card__head">
        <h3 id={`resource-name-${resource.id}`}>{resource.name}</h3>
        <button type="button" id={`resource-edit-${resource.id}`} class="button" onClick={onEdit}
          aria-label={`${t('action.edit')}: ${resource.name}`}>{t('action.edit')}</button>
      </div>
      {resource.description && <p class="prewrap resource-card__description">{resource.description}</p>}
      {(resource.contact || resource.availability) && (
        <dl class="resource-card__facts">
          {resource.contact && <><dt>{t('resources.contact')}</dt><dd>{resource.contact}</dd></>}
          {resource.availability && <><dt>{t('resources.availability')}</dt><dd>{resource.availability}</dd></>}
        </dl>
      )}
      <LinkedList class="resource-card__needs" label={t('resources.helps')} names={needs.map((need) => ({ id: need.id, name: need.title }))} />
      {photos}
    </article>
  );
}
