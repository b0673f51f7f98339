import { useMemo, useState } from 'preact/hooks';
import { dismissPair, listDuplicateSuggestions, loadRegister, useLiveQuery, type Register } from '../../db';
import type { DuplicateSuggestion } from '../../domain/duplicates';
import { buildSearchIndex, searchIndex } from '../../domain/search';
import { t, tLabel } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { TextField } from '../components/fields';
import { Loading, Page } from '../components/page';
import { showToast } from '../components/toast';
import { tellIfRefused } from '../device/tell-if-refused';
import './people.css';

/** Rows drawn at once; the search narrows a long register. */
const LIST_LIMIT = 100;
/** Suggestions shown at once, the strongest first. */
const SUGGESTIONS_SHOWN = 20;

/** The organisation's people register (/people): everyone this device holds, likely duplicates, merged records. */
export function PeopleScreen() {
  const { db } = useServices();
  const register = useLiveQuery(() => loadRegister(db), [db]);
  const isCoordinator = session.value?.user.role === 'coordinator';
  return (
    <Page title={t('people.title')}>
      <p class="muted">{t('people.intro')}</p>
      {register === undefined ? <Loading /> : (
        <>
          {isCoordinator && <DuplicatesSection register={register} />}
          <PeopleList register={register} />
          {register.merged.length > 0 && <MergedSection register={register} canUndo={isCoordinator} />}
        </>
      )}
    </Page>
  );
}

function PeopleList({ register }: { register: Register }) {
  const [query, setQuery] = useState('');
  const index = useMemo(() => buildSearchIndex(register.people, (p) => `${p.name} ${p.household} ${p.phone} ${p.email}`), [register.people]);
  const found = useMemo(() => searchIndex(index, query, LIST_LIMIT + 1), [index, query]);
  return (
    <section aria-labelledby="people-list-heading">
      <h2 id="people-list-heading">{t('people.count', { count: register.people.length })}</h2>
      <TextField label={t('people.search')} type="search" value={query} onValue={setQuery} hint={t('people.searchHint')}
        autoComplete="off" autoCapitalize="off" spellcheck={false} enterKeyHint="search" />
      {found.length === 0 && query.trim() !== '' && <p class="muted">{t('people.noMatch', { query: query.trim() })}</p>}
      <ul class="row-list">
        {found.slice(0, LIST_LIMIT).map((person) => (
          <li key={person.id} class="person-row">
            <span class="grow">
              <strong>{person.name}</strong>
              <span class="muted">
                {[homeOf(register, person.communityId), person.household, tLabel('role', person.role)].filter(Boolean).join(' · ')}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {found.length > LIST_LIMIT && <p class="muted">{t('checkin.moreResults', { shown: LIST_LIMIT })}</p>}
    </section>
  );
}

function homeOf(register: Register, communityId: string | null): string {
  const name = communityId ? register.communityNames.get(communityId) : undefined;
  return name ? t('people.home', { community: name }) : t('people.noHome');
}

function DuplicatesSection({ register }: { register: Register }) {
  const { db } = useServices();
  const suggestions = useLiveQuery(() => listDuplicateSuggestions(db, register.people), [db, register]);
  const byId = useMemo(() => new Map(register.people.map((person) => [person.id, person])), [register.people]);
  const reasons = (suggestion: DuplicateSuggestion) => suggestion.reasons.map((reason) => t(`people.reason.${reason}`)).join(', ');
  return (
    <section class="card" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t('people.duplicates')}</h2>
      <p class="muted">{t('people.duplicatesIntro')}</p>
      {suggestions === undefined ? <Loading /> : suggestions.length === 0 ? <p>{t('people.noDuplicates')}</p> : (
        <ul class="row-list">
          {suggestions.slice(0, SUGGESTIONS_SHOWN).map((suggestion) => {
            const [a, b] = [byId.get(suggestion.a), byId.get(suggestion.b)];
            if (!a || !b) return null;
            return (
              <li key={`${a.id} ${b.id}`} class="duplicate-pair">
                <span class="grow">
                  <strong>{a.name}</strong> · <strong>{b.name}</strong>
                  <span class="muted">{homeOf(register, a.communityId)} · {homeOf(register, b.communityId)}</span>
                  <span>{t('people.reasons', { reasons: reasons(suggestion) })}</span>
                </span>
                <span class="row-actions">
                  <a class="button button--primary" href={`/people/merge/${a.id}/${b.id}`}>{t('people.compare')}</a>
                  <button type="button" class="button" onClick={() => void dismissPair(db, a.id, b.id)}>{t('people.notSame')}</button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function MergedSection({ register, canUndo }: { register: Register; canUndo: boolean }) {
  const { notebook } = useServices();
  const undo = async (id: string, name: string) => {
    await notebook.undoMerge(id);
    showToast({ message: t('people.undone', { name }) });
  };
  return (
    <section aria-labelledby="merged-heading">
      <h2 id="merged-heading">{t('people.merged')}</h2>
      <ul class="row-list">
        {register.merged.map(({ person, survivor }) => (
          <li key={person.id} class="person-row">
            <span class="grow">
              <strong>{person.name}</strong>
              <span class="muted">{t('people.mergedInto', { name: survivor?.name ?? '—' })}</span>
            </span>
            {canUndo && (
              <button type="button" class="button" onClick={() => void tellIfRefused(() => undo(person.id, person.name))}>{t('people.undoMerge')}</button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
