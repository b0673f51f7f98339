import { useId, useMemo, useState } from 'preact/hooks';
import type { RepresentativeChoice } from '../../db/programme-queries';
import { representativeWarnings } from '../../domain/enrolment';
import { buildSearchIndex, searchIndex } from '../../domain/search';
import { t, type MessageKey } from '../../i18n';

const SHOWN = 8;

const WARNINGS: Record<ReturnType<typeof representativeWarnings>[number], MessageKey> = {
  tooFew: 'enrolment.warn.tooFew',
  tooMany: 'enrolment.warn.tooMany',
  oneHousehold: 'enrolment.warn.oneHousehold',
};

export interface RepresentativePickerProps {
  /** The register's people, those of the community first (src/db/programme-queries.ts listRepresentativeChoices). */
  people: readonly RepresentativeChoice[];
  chosen: readonly string[];
  onChosen: (ids: string[]) => void;
}

/**
 * The community's representatives, picked from the people register by name: the chosen ones with a way to
 * take each off, a search for more, and a warning (never a refusal) when they are not 2–3 people of 2 households.
 */
export function RepresentativePicker({ people, chosen, onChosen }: RepresentativePickerProps) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(people.map((person) => [person.id, person])), [people]);
  const index = useMemo(() => buildSearchIndex(people, (person) => person.name), [people]);
  const picked = chosen.map((id) => byId.get(id) ?? { id, name: t('enrolment.unnamed'), household: '', communityId: null, ofCommunity: false });
  const found = searchIndex(index, query, SHOWN + chosen.length).filter((person) => !chosen.includes(person.id)).slice(0, SHOWN);
  const warnings = representativeWarnings(picked);
  return (
    <fieldset class="representatives">
      <legend>{t('enrolment.representatives')}</legend>
      <p class="field__hint">{t('enrolment.representativesHint')}</p>
      {picked.length === 0 ? <p class="muted">{t('enrolment.noRepresentatives')}</p> : (
        <ul class="row-list" data-testid="representatives">
          {picked.map((person) => (
            <li key={person.id}>
              <span class="grow">{person.name}{person.household && <span class="muted"> · {person.household}</span>}</span>
              <button type="button" class="button" aria-label={t('enrolment.removePerson', { name: person.name })}
                onClick={() => onChosen(chosen.filter((id) => id !== person.id))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" data-testid="representative-warnings">
        {warnings.map((warning) => <p key={warning} class="notice notice--warning">{t(WARNINGS[warning])}</p>)}
      </div>
      <div class="field">
        <label for={searchId}>{t('enrolment.search')}</label>
        <input id={searchId} type="search" value={query} autoComplete="off" onInput={(event) => setQuery(event.currentTarget.value)} />
      </div>
      {found.length === 0 ? <p class="muted">{t('enrolment.nobodyFound')}</p> : (
        <ul class="row-list" aria-label={t('enrolment.search')}>
          {found.map((person) => (
            <li key={person.id}>
              <span class="grow">
                {person.name}
                {(person.household || person.ofCommunity) && (
                  <span class="muted"> · {[person.household, person.ofCommunity ? t('enrolment.ofCommunity') : ''].filter(Boolean).join(' · ')}</span>
                )}
              </span>
              <button type="button" class="button" aria-label={t('enrolment.addPerson', { name: person.name })}
                onClick={() => onChosen([...chosen, person.id])}>+</button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
