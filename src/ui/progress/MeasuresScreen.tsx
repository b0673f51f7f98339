import { useState } from 'preact/hooks';
import './progress.css';
import { MEASURE_KINDS, NEED_CATEGORIES, type EditableFields, type MeasureKind, type NeedCategory } from '../../../protocol';
import { session } from '../../account/session';
import { useLiveQuery, type StoredRecord } from '../../db';
import { listMeasures } from '../../db/progress-queries';
import { localDay } from '../../domain/days';
import { centsToEuroInput, parseEuroToCents } from '../../domain/grant';
import { isExpired } from '../../domain/measures';
import { MUNICIPALITIES, municipalityName } from '../../domain/municipalities';
import { formatDay, formatEuro, t, tLabel, tValidation } from '../../i18n';
import { useServices } from '../app-context';
import { FieldGroup, FormActions, SelectField, TextAreaField, TextField } from '../components/fields';
import { Loading, Page } from '../components/page';
import { useEditForm } from '../form-state';
import { attemptSave, type SaveFailure } from '../save-error';

type MeasureFields = EditableFields<'measures'>;
interface Input {
  name: string; provider: string; kind: MeasureKind; min: string; max: string; deadline: string; eligible: string;
  categories: NeedCategory[]; municipalities: string[]; link: string; contact: string;
}
const EMPTY: Input = { name: '', provider: '', kind: 'grant', min: '', max: '', deadline: '', eligible: '', categories: [], municipalities: [], link: '', contact: '' };

function toInput(measure: MeasureFields): Input {
  return {
    ...measure, categories: [...measure.categories], municipalities: [...measure.municipalities],
    min: measure.minCents === 0 ? '' : centsToEuroInput(measure.minCents), max: measure.maxCents === 0 ? '' : centsToEuroInput(measure.maxCents),
  };
}

/** What a measure offers, its amounts and deadline, in a line. */
export function measureFacts(measure: MeasureFields, today: string): string {
  const parts = [tLabel('measureKind', measure.kind)];
  if (measure.minCents > 0 || measure.maxCents > 0) parts.push(t('measures.range', { min: formatEuro(measure.minCents), max: formatEuro(measure.maxCents) }));
  parts.push(measure.deadline === '' ? t('measures.open') : isExpired(measure, today) ? t('measures.expired') : t('measures.until', { date: formatDay(measure.deadline) }));
  return parts.join(' · ');
}

/** /measures — the support-measures directory: everyone reads it offline; coordinators keep it. */
export function MeasuresScreen() {
  const { db, notebook } = useServices();
  const measures = useLiveQuery(() => listMeasures(db), [db]);
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const coordinator = session.value?.user.role === 'coordinator';
  const today = localDay(Date.now());
  const title = t('measures.title');
  if (measures === undefined) return <Page title={title} back="/"><Loading /></Page>;

  const save = (id: string | null) => (fields: MeasureFields) => attemptSave(async () => {
    if (id === null) await notebook.create('measures', fields);
    else await notebook.update('measures', id, fields);
    setEditing(null);
  });

  return (
    <Page title={title} back="/" actions={coordinator && editing !== 'new' && <button type="button" class="button button--primary" onClick={() => setEditing('new')}>+ {t('measures.new')}</button>}>
      {!coordinator && <p class="muted">{t('measures.coordinatorOnly')}</p>}
      {editing === 'new' && <MeasureForm initial={EMPTY} onSave={save(null)} onCancel={() => setEditing(null)} />}
      {measures.length === 0 ? <p class="notice">{t('measures.empty')}</p> : (
        <ul class="card-list" data-testid="measures">
          {measures.map((measure) => editing === measure.id ? (
            <li key={measure.id}><MeasureForm initial={toInput(measure)} onSave={save(measure.id)} onCancel={() => setEditing(null)} /></li>
          ) : (
            <li key={measure.id} class={`card${isExpired(measure, today) ? ' measure--expired' : ''}`}>
              <MeasureCard measure={measure} today={today} />
              {coordinator && <button type="button" class="button" aria-label={t('measures.editNamed', { name: measure.name })} onClick={() => setEditing(measure.id)}>{t('action.edit')}</button>}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

export function MeasureCard({ measure, today }: { measure: StoredRecord<'measures'>; today: string }) {
  return (
    <>
      <h2>{measure.name}</h2>
      {measure.provider && <p class="muted">{measure.provider}</p>}
      <p>{measureFacts(measure, today)}</p>
      {measure.eligible && <p class="prewrap">{measure.eligible}</p>}
      <p class="muted">
        {measure.categories.length > 0 && measure.categories.map((category) => tLabel('needCategory', category)).join(', ')}
        {measure.categories.length > 0 && ' · '}
        {measure.municipalities.length === 0 ? t('measures.allMunicipalities') : measure.municipalities.map(municipalityName).join(', ')}
      </p>
      {measure.link && <p><a href={measure.link} rel="noopener noreferrer" target="_blank">{measure.link}</a></p>}
      {measure.contact && <p>{measure.contact}</p>}
    </>
  );
}

function MeasureForm({ initial, onSave, onCancel }: { initial: Input; onSave: (fields: MeasureFields) => Promise<SaveFailure | null>; onCancel: () => void }) {
  const { values, field, failure, setFailure, saving, submit, change } = useEditForm<Input>(initial);
  const toggle = <K extends 'categories' | 'municipalities'>(key: K, value: Input[K][number]) =>
    change((current) => {
      const list: string[] = current[key];
      return { ...current, [key]: list.includes(value) ? list.filter((item) => item !== value) : [...list, value] };
    });
  const save = async (event: Event) => {
    event.preventDefault();
    const minCents = parseEuroToCents(values.min);
    const maxCents = parseEuroToCents(values.max);
    const errors: Record<string, string> = {};
    if (minCents === null) errors.min = tValidation(values.min.trim().startsWith('-') ? 'too_small' : 'invalid_number');
    if (maxCents === null) errors.max = tValidation(values.max.trim().startsWith('-') ? 'too_small' : 'invalid_number');
    if (values.name.trim() === '') errors.name = tValidation('required');
    if (Object.keys(errors).length > 0 || minCents === null || maxCents === null) {
      setFailure({ message: t('error.formInvalid'), fields: errors });
      return;
    }
    const { min: _min, max: _max, ...rest } = values;
    await submit(async () => {
      const refused = await onSave({ ...rest, name: rest.name.trim(), minCents, maxCents });
      if (!refused) return null;
      const fields: Record<string, string> = {};
      for (const [name, message] of Object.entries(refused.fields)) fields[name === 'minCents' ? 'min' : name === 'maxCents' ? 'max' : name] = message;
      return { message: refused.message, fields };
    });
  };
  return (
    <form class="card" noValidate onSubmit={save} aria-label={t('measures.new')}>
      <TextField label={t('measures.name')} {...field('name')} required autoComplete="off" />
      <div class="form-grid">
        <TextField label={t('measures.provider')} {...field('provider')} autoComplete="off" />
        <SelectField label={t('measures.kind')} {...field('kind')} options={MEASURE_KINDS.map((kind) => ({ value: kind, label: tLabel('measureKind', kind) }))} />
        <TextField label={t('measures.min')} {...field('min')} inputMode="decimal" autoComplete="off" />
        <TextField label={t('measures.max')} {...field('max')} inputMode="decimal" autoComplete="off" />
        <TextField label={t('measures.deadline')} type="date" hint={t('measures.deadlineHint')} {...field('deadline')} />
        <TextField label={t('measures.link')} type="text" inputMode="url" {...field('link')} autoComplete="off" />
      </div>
      <TextAreaField label={t('measures.eligible')} {...field('eligible')} />
      <TextField label={t('measures.contact')} {...field('contact')} autoComplete="off" />
      <FieldGroup legend={t('measures.categories')}>
        {NEED_CATEGORIES.map((category) => (
          <label key={category} class="choice">
            <input type="checkbox" checked={values.categories.includes(category)} onChange={() => toggle('categories', category)} />
            <span>{tLabel('needCategory', category)}</span>
          </label>
        ))}
      </FieldGroup>
      <details>
        <summary>{t('measures.municipalities')}</summary>
        <FieldGroup legend={t('measures.municipalities')}>
          {MUNICIPALITIES.map((municipality) => (
            <label key={municipality.code} class="choice">
              <input type="checkbox" checked={values.municipalities.includes(municipality.code)} onChange={() => toggle('municipalities', municipality.code)} />
              <span>{municipality.name}</span>
            </label>
          ))}
        </FieldGroup>
      </details>
      <FormActions error={failure?.message} busy={saving} onCancel={onCancel} />
    </form>
  );
}
