import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { EditableFields } from '../../../protocol';
import { loadMergePair, useLiveQuery, type MergeCandidate } from '../../db';
import { formatDay, t, tLabel, type MessageKey } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { FormActions, RadioGroupField } from '../components/fields';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { showToast } from '../components/toast';
import { attemptSave } from '../save-error';
import './people.css';

type PersonFields = EditableFields<'participants'>;

/** The fields chosen side by side; the rest (ids, erasure, merge marks) are not the coordinator's to pick here. */
const CHOSEN_FIELDS = ['name', 'household', 'phone', 'email', 'role', 'communityId', 'consentData', 'consentPhotos', 'consentDate'] as const;
type ChosenField = (typeof CHOSEN_FIELDS)[number];

const LABELS: Record<ChosenField, MessageKey> = {
  name: 'participant.name', household: 'participant.household', phone: 'participant.phone', email: 'participant.email', role: 'participant.role',
  communityId: 'nav.communities', consentData: 'participant.consentData', consentPhotos: 'participant.consentPhotos', consentDate: 'participant.consentDate',
};

/** Two records of one person, side by side (/people/merge/:a/:b): which stays, and each field's value. */
export function MergeScreen() {
  const { db } = useServices();
  const { params } = useRoute();
  const a = params.a ?? '';
  const b = params.b ?? '';
  const pair = useLiveQuery(() => loadMergePair(db, a, b), [db, a, b]);
  const title = t('people.mergeTitle');
  if (session.value?.user.role !== 'coordinator') return <Page title={title} back="/people"><p class="notice">{t('people.coordinatorsMerge')}</p></Page>;
  if (pair === undefined) return <Page title={title} back="/people"><Loading /></Page>;
  if (pair === null) return <Page title={title} back="/people"><NotFoundMessage /><p>{t('people.pairGone')}</p></Page>;
  return <Page title={title} back="/people"><MergeForm key={`${a} ${b}`} pair={pair} /></Page>;
}

function MergeForm({ pair }: { pair: [MergeCandidate, MergeCandidate] }) {
  const { notebook } = useServices();
  const { route } = useLocation();
  // The record with more check-ins stays unless the coordinator says otherwise (then the older one).
  const [first, second] = pair;
  const defaultStays = first.attended !== second.attended ? (first.attended > second.attended ? 0 : 1) : first.person.createdAt <= second.person.createdAt ? 0 : 1;
  const [stays, setStays] = useState<0 | 1>(defaultStays);
  const differing = CHOSEN_FIELDS.filter((field) => first.person[field] !== second.person[field]);
  const [choice, setChoice] = useState<Partial<Record<ChosenField, 0 | 1>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const survivor = pair[stays];
  const merged = pair[stays === 0 ? 1 : 0];
  const pick = (field: ChosenField): 0 | 1 => choice[field] ?? pickDefault(pair, stays, field);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const chosen: Partial<PersonFields> = {};
    for (const field of differing) Object.assign(chosen, { [field]: pair[pick(field)].person[field] });
    const result = await attemptSave(() => notebook.mergePeople(survivor.person.id, merged.person.id, chosen));
    setBusy(false);
    if (result) {
      setFailure(result.message);
      return;
    }
    showToast({ message: t('people.mergeDone') });
    route('/people', true);
  };

  const describe = (candidate: MergeCandidate) => `${t('people.recordOf', { name: candidate.person.name, community: candidate.community ?? t('people.noHome') })} — ${t('people.attended', { count: candidate.attended })}`;
  return (
    <form noValidate onSubmit={submit} class="merge-form">
      <p class="muted">{t('people.mergeIntro')}</p>
      <RadioGroupField legend={t('people.stays')} value={String(stays)} onValue={(value) => setStays(value === '0' ? 0 : 1)}
        options={[{ value: '0', label: describe(first) }, { value: '1', label: describe(second) }]} />
      {differing.map((field) => (
        <RadioGroupField key={field} legend={t(LABELS[field])} value={String(pick(field))}
          onValue={(value) => setChoice({ ...choice, [field]: value === '0' ? 0 : 1 })}
          options={[0, 1].map((side) => ({ value: String(side), label: shown(pair[side === 0 ? 0 : 1], field) }))} />
      ))}
      {CHOSEN_FIELDS.filter((field) => !differing.includes(field)).length > 0 && (
        <p class="muted">
          {CHOSEN_FIELDS.filter((field) => !differing.includes(field)).map((field) => t(LABELS[field])).join(', ')}: {t('people.sameValue')}
        </p>
      )}
      <FormActions error={failure} busy={busy} submitLabel={t('people.mergeButton')} onCancel={() => route('/people')} />
    </form>
  );
}

/** A blank on the staying side takes the other side's value; otherwise the staying record's. */
function pickDefault(pair: [MergeCandidate, MergeCandidate], stays: 0 | 1, field: ChosenField): 0 | 1 {
  const other = stays === 0 ? 1 : 0;
  const kept = pair[stays].person[field];
  return (kept === '' || kept === null || kept === false) && pair[other].person[field] !== '' ? other : stays;
}

function shown(candidate: MergeCandidate, field: ChosenField): string {
  const value = candidate.person[field];
  if (field === 'communityId') return candidate.community ?? t('people.noHome');
  if (field === 'role' && typeof value === 'string') return tLabel('role', candidate.person.role);
  if (field === 'consentDate') return value ? formatDay(String(value)) : '—';
  if (typeof value === 'boolean') return value ? t('value.yes') : t('value.no');
  return value === '' || value === null || value === undefined ? '—' : String(value);
}
