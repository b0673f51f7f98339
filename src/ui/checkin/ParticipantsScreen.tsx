import { useMemo, useState } from 'preact/hooks';
import { listParticipants, useLiveQuery, type StoredRecord } from '../../db';
import { loadConsentTexts } from '../../db/settings';
import { changedFields } from '../../domain/changed-fields';
import { currentConsentText } from '../../domain/consent';
import { localDay } from '../../domain/days';
import { buildSearchIndex, searchIndex } from '../../domain/search';
import { t, tLabel } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { useRouteRecord } from '../components/use-route-record';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { TextField } from '../components/fields';
import { showUndo } from '../components/toast';
import { tellIfRefused } from '../device/tell-if-refused';
import { attemptSave, type SaveFailure } from '../save-error';
import { ConsentTags } from './ConsentTags';
import { ConflictMark } from '../conflicts/ConflictMark';
import { useConflictedIds } from '../conflicts/use-conflicted-ids';
import { ParticipantForm, emptyParticipant, type ParticipantFields } from './ParticipantForm';
import './checkin.css';

type StoredParticipant = StoredRecord<'participants'>;

/** Rows drawn at once; the search narrows a long list. */
const LIST_LIMIT = 100;

/** A community's participants (/communities/:id/participants): find, add, edit, delete with undo. */
export function ParticipantsScreen() {
  const { db, notebook } = useServices();
  const { id: communityId, record: community } = useRouteRecord('communities');
  const participants = useLiveQuery(() => listParticipants(db, communityId), [db, communityId]);
  const organisationId = session.value?.organisation.id ?? null;
  const consentTexts = useLiveQuery(() => loadConsentTexts(db, organisationId), [db, organisationId]);
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);

  const back = `/communities/${communityId}`;
  if (community === undefined) return <Page title={t('participants.title')} back={back}><Loading /></Page>;
  if (!community) return <Page title={t('participants.title')} back={back}><NotFoundMessage /></Page>;

  // A consent ticked or changed here is recorded like one at the door: who recorded it, and the text in force.
  const consentNote = (changed: Partial<ParticipantFields>) =>
    ('consentData' in changed || 'consentPhotos' in changed || 'consentDate' in changed)
      ? { consentBy: notebook.writer(), consentVersion: currentConsentText(consentTexts, localDay(Date.now())).version }
      : {};
  const create = async (fields: ParticipantFields) => {
    const note = fields.consentDate ? consentNote(fields) : {};
    const result = await attemptSave(() => notebook.create('participants', { ...fields, ...note, communityId, erased: false }));
    if (!result) setAdding(false);
    return result;
  };
  const edit = async (participant: StoredParticipant, fields: ParticipantFields) => {
    const patch = changedFields(pickFormFields(participant), fields);
    const result = await attemptSave(async () => {
      if (Object.keys(patch).length > 0) await notebook.update('participants', participant.id, { ...patch, ...consentNote(patch) });
    });
    if (!result) setEditingId(null);
    return result;
  };
  const remove = async (participant: StoredParticipant) => {
    await notebook.remove('participants', participant.id);
    showUndo(participant.name, () => notebook.restore('participants', participant.id));
  };

  return (
    <Page title={t('participants.title')} back={back} actions={
      <>
        {!adding && <button type="button" class="button button--primary" onClick={() => setAdding(true)}>+ {t('participants.new')}</button>}
        {session.value?.user.role === 'coordinator' && <a class="button" href={`/people/import?community=${communityId}`}>{t('import.link')}</a>}
      </>
    }>
      <p class="muted">{community.name}</p>
      {adding && (
        <section class="card" aria-labelledby="new-participant-heading">
          <h2 id="new-participant-heading">{t('participants.new')}</h2>
          <ParticipantForm initial={emptyParticipant()} submitLabel={t('action.save')} onSave={create} onCancel={() => setAdding(false)} focusName />
        </section>
      )}
      {participants === undefined ? <Loading /> : (
        <ParticipantList participants={participants} editingId={editingId} onEdit={setEditingId}
          onSave={edit} onDelete={(participant) => void tellIfRefused(() => remove(participant))} />
      )}
    </Page>
  );
}

interface ParticipantListProps {
  participants: readonly StoredParticipant[];
  editingId: string | null;
  onEdit: (id: string | null) => void;
  onSave: (participant: StoredParticipant, fields: ParticipantFields) => Promise<SaveFailure | null>;
  onDelete: (participant: StoredParticipant) => void;
}

function ParticipantList({ participants, editingId, onEdit, onSave, onDelete }: ParticipantListProps) {
  const [query, setQuery] = useState('');
  const conflicted = useConflictedIds();
  const index = useMemo(
    () => buildSearchIndex(participants, (p) => `${p.name} ${p.household} ${p.phone} ${p.email}`),
    [participants],
  );
  const found = useMemo(() => searchIndex(index, query, LIST_LIMIT + 1), [index, query]);

  if (participants.length === 0) return <p class="notice">{t('participants.empty')}</p>;
  return (
    <>
      <TextField label={t('participants.search')} type="search" value={query} onValue={setQuery} hint={t('participants.searchHint')}
        autoComplete="off" autoCapitalize="off" spellcheck={false} enterKeyHint="search" />
      <p class="muted">{t('checkin.count', { count: participants.length })}</p>
      {found.length === 0 && <p class="muted">{t('participants.noMatch', { query: query.trim() })}</p>}
      <ul class="row-list">
        {found.slice(0, LIST_LIMIT).map((participant) => participant.id === editingId ? (
          <li key={participant.id} class="participant-list-item--editing">
            <h2>{t('participants.editTitle', { name: participant.name })}</h2>
            <ParticipantForm initial={pickFormFields(participant)} submitLabel={t('action.save')}
              onSave={(fields) => onSave(participant, fields)} onCancel={() => onEdit(null)} focusName />
          </li>
        ) : (
          <li key={participant.id} class="participant-list-item">
            <span class="grow">
              <strong>{participant.name}</strong>{conflicted?.has(participant.id) && <> <ConflictMark /></>}
              <span class="muted">
                {[participant.household, tLabel('role', participant.role)].filter(Boolean).join(' · ')}
              </span>
              {(participant.phone || participant.email) && (
                <span>
                  {participant.phone && <a href={`tel:${participant.phone}`}>{participant.phone}</a>}
                  {participant.phone && participant.email && ' · '}
                  {participant.email && <a href={`mailto:${participant.email}`}>{participant.email}</a>}
                </span>
              )}
              <span class="participant-list-item__tags"><ConsentTags participant={participant} /></span>
            </span>
            <span class="participant-list-item__actions">
              {session.value?.user.role === 'coordinator' && (
                <a class="button" href={`/participants/${participant.id}/data`} aria-label={t('privacy.dataOf', { name: participant.name })}>
                  {t('privacy.dataLink')}
                </a>
              )}
              <button type="button" class="button" aria-label={t('participants.editLabel', { name: participant.name })}
                onClick={() => onEdit(participant.id)}>{t('action.edit')}</button>
              <button type="button" class="button button--danger" aria-label={t('participants.deleteLabel', { name: participant.name })}
                onClick={() => onDelete(participant)}>{t('action.delete')}</button>
            </span>
          </li>
        ))}
      </ul>
      {found.length > LIST_LIMIT && <p class="muted">{t('checkin.moreResults', { shown: LIST_LIMIT })}</p>}
    </>
  );
}

function pickFormFields(participant: StoredParticipant): ParticipantFields {
  const { name, household, phone, email, role, consentData, consentPhotos, consentDate } = participant;
  return { name, household, phone, email, role, consentData, consentPhotos, consentDate };
}
