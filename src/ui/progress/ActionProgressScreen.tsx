import { useState } from 'preact/hooks';
import { getRecord, useLiveQuery, type StoredRecord } from '../../db';
import { listActionNotes, listMeasures, listSpending } from '../../db/progress-queries';
import { localDay } from '../../domain/days';
import { isExpired } from '../../domain/measures';
import { planMoney } from '../../domain/spending';
import { formatDay, formatEuro, t } from '../../i18n';
import { useServices } from '../app-context';
import { FormActions, SelectField, TextAreaField } from '../components/fields';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { showUndo } from '../components/toast';
import { useRouteRecord } from '../components/use-route-record';
import { tellIfRefused } from '../device/tell-if-refused';
import { useEditForm } from '../form-state';
import { PhotoStrip } from '../photos/PhotoStrip';
import { attemptSave, type SaveFailure } from '../save-error';
import { SpendingForm } from './SpendingForm';

/** /actions/:id — carrying out one action: its spending with receipts, progress notes, the measure that funds it, the result. */
export function ActionProgressScreen() {
  const { db, notebook } = useServices();
  const { id, record: action } = useRouteRecord('actions');
  const community = useLiveQuery(async () => (action ? (await getRecord(db, 'communities', action.communityId)) ?? null : null), [db, action?.communityId]);
  const spending = useLiveQuery(() => listSpending(db, id), [db, id]);
  const notes = useLiveQuery(() => listActionNotes(db, id), [db, id]);
  const measures = useLiveQuery(() => listMeasures(db), [db]);
  const [adding, setAdding] = useState(false);

  const title = t('progress.title');
  if (action === undefined || spending === undefined || notes === undefined || measures === undefined) return <Page title={title} back="/"><Loading /></Page>;
  if (action === null) return <Page title={title} back="/"><NotFoundMessage /></Page>;
  const back = `/communities/${action.communityId}/plan`;
  // One action's money: the grant is the plan's concern, not the action's.
  const money = planMoney([action], spending, null).actions[0];

  const removeLine = async (line: StoredRecord<'spending'>) => {
    await notebook.remove('spending', line.id);
    showUndo(line.what, () => notebook.restore('spending', line.id));
  };

  return (
    <Page title={title} back={back}>
      <h2 class="prewrap">{action.what}</h2>
      {community && <p class="muted">{community.name}</p>}
      {money && (
        <section class="card" aria-labelledby="action-money">
          <h3 id="action-money">{t('money.title')}</h3>
          <p data-testid="action-spent">{t('money.spentOfPlanned', { spent: formatEuro(money.spentCents), planned: formatEuro(money.plannedCents) })}</p>
          {money.overBudget && <p class="notice notice--warning" role="alert">{t('money.overBudget', { amount: formatEuro(money.spentCents - money.plannedCents) })}</p>}
        </section>
      )}

      <section aria-labelledby="spending-heading" style={{ marginTop: '1rem' }}>
        <div class="page__header">
          <h3 id="spending-heading">{t('progress.spending')}</h3>
          {!adding && <button type="button" class="button button--primary" onClick={() => setAdding(true)}>+ {t('progress.addSpending')}</button>}
        </div>
        {adding && (
          <SpendingForm onCancel={() => setAdding(false)}
            onSave={(fields) => attemptSave(() => notebook.create('spending', { ...fields, communityId: action.communityId, actionId: action.id }))} />
        )}
        {spending.length === 0 ? <p class="muted">{t('progress.noSpending')}</p> : (
          <ul class="card-list" data-testid="spending-lines">
            {spending.map((line) => (
              <li key={line.id} class="card">
                <p><strong>{line.what}</strong> · {formatEuro(line.amountCents)}</p>
                <p class="muted">{formatDay(line.date)}{line.supplier && ` · ${line.supplier}`}</p>
                <PhotoStrip parentTable="spending" parentId={line.id} communityId={line.communityId} name={t('progress.receipt', { what: line.what })} compact />
                <div class="button-row">
                  <button type="button" class="button button--danger" aria-label={`${t('action.delete')}: ${line.what}`} onClick={() => void tellIfRefused(() => removeLine(line))}>{t('action.delete')}</button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <NotesSection notes={notes} onAdd={(note) => attemptSave(() => notebook.create('actionNotes', { communityId: action.communityId, actionId: action.id, date: localDay(Date.now()), note }))} />

      <ResultSection key={action.id} action={action} measures={measures}
        onSave={(patch) => attemptSave(() => notebook.update('actions', action.id, patch))} />
    </Page>
  );
}

function NotesSection({ notes, onAdd }: { notes: readonly StoredRecord<'actionNotes'>[]; onAdd: (note: string) => Promise<SaveFailure | null> }) {
  const { values, field, failure, saving, submit, change } = useEditForm({ note: '' });
  const save = async (event: Event) => {
    event.preventDefault();
    const refused = await submit(() => onAdd(values.note));
    if (!refused) change(() => ({ note: '' }));
  };
  return (
    <section aria-labelledby="notes-heading" style={{ marginTop: '1rem' }}>
      <h3 id="notes-heading">{t('progress.notes')}</h3>
      {notes.length === 0 ? <p class="muted">{t('progress.noNotes')}</p> : (
        <ul class="row-list">
          {notes.map((note) => <li key={note.id}><span class="muted">{formatDay(note.date)}</span> <span class="prewrap">{note.note}</span></li>)}
        </ul>
      )}
      <form class="card" noValidate onSubmit={save} aria-label={t('progress.addNote')}>
        <TextAreaField label={t('progress.note')} {...field('note')} error={failure?.fields.note} />
        <FormActions error={failure?.message} busy={saving} submitLabel={t('progress.addNote')} />
      </form>
    </section>
  );
}

interface ResultProps {
  action: StoredRecord<'actions'>;
  measures: readonly StoredRecord<'measures'>[];
  onSave: (patch: { measureId: string | null; resultNote: string }) => Promise<SaveFailure | null>;
}

function ResultSection({ action, measures, onSave }: ResultProps) {
  const { values, field, failure, saving, submit } = useEditForm({ measureId: action.measureId ?? '', resultNote: action.resultNote ?? '' });
  const today = localDay(Date.now());
  const options = [
    { value: '', label: t('progress.noMeasure') },
    ...measures.map((measure) => ({ value: measure.id, label: isExpired(measure, today) ? `${measure.name} (${t('progress.expired')})` : measure.name })),
  ];
  const save = async (event: Event) => {
    event.preventDefault();
    await submit(() => onSave({ measureId: values.measureId === '' ? null : values.measureId, resultNote: values.resultNote }));
  };
  return (
    <section aria-labelledby="result-heading" style={{ marginTop: '1rem' }}>
      <h3 id="result-heading">{t('progress.result')}</h3>
      <form class="card" noValidate onSubmit={save} aria-label={t('progress.result')}>
        <SelectField label={t('progress.measure')} {...field('measureId')} options={options} error={failure?.fields.measureId} />
        <TextAreaField label={t('progress.resultNote')} {...field('resultNote')} error={failure?.fields.resultNote} />
        <FormActions error={failure?.message} busy={saving} submitLabel={t('progress.saveResult')} />
      </form>
      <PhotoStrip parentTable="actions" parentId={action.id} communityId={action.communityId} name={t('progress.resultPhotos', { what: action.what })} />
    </section>
  );
}
