import { t } from '../../i18n';
import type { StoredRecord } from '../../db';
import { FieldGroup } from '../components/fields';

export interface EventCommunitiesFieldProps {
  communities: readonly StoredRecord<'communities'>[];
  chosen: readonly string[];
  onChosen: (ids: string[]) => void;
}

/**
 * Which communities hold an event: one, several (a forum of three parishes), or none (the
 * organisation's own: a regional forum, a leaders' retreat). The first chosen stays first.
 */
export function EventCommunitiesField({ communities, chosen, onChosen }: EventCommunitiesFieldProps) {
  const toggle = (id: string, on: boolean) => onChosen(on ? [...chosen, id] : chosen.filter((other) => other !== id));
  return (
    <FieldGroup legend={t('event.communities')} class="choice-list">
      <p class="field__hint">{chosen.length === 0 ? t('event.organisationOwn') : t('event.communitiesHint')}</p>
      {communities.map((community) => (
        <label key={community.id} class="choice">
          <input type="checkbox" checked={chosen.includes(community.id)} onChange={(event) => toggle(community.id, event.currentTarget.checked)} />
          <span>{community.name}</span>
        </label>
      ))}
    </FieldGroup>
  );
}
