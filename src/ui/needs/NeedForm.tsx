import { useEffect, useRef } from 'preact/hooks';
import { NEED_CATEGORIES, NEED_STATUSES, type EditableFields } from '../../../protocol';
import { t, tLabel } from '../../i18n';
import { FormActions, SelectField, TextAreaField, TextField } from '../components/fields';
import { OwnerField } from './OwnerField';
import { useEditForm } from '../form-state';
import type { SaveFailure } from '../save-error';

export type NeedValues = Omit<EditableFields<'needs'>, 'communityId'>;

export interface NeedFormProps {
  initial: NeedValues;
  workshops: readonly { id: string; title: string }[];
  onSave: (values: NeedValues) => Promise<SaveFailure | null>;
  onCancel: () => void;
  onDelete: () => void;
  /** People and users to pick as responsible (a typed name for someone else still goes). */
  ownerChoices?: readonly { name: string; kind: 'person' | 'user' }[];
}

/** Edits one need in place on the board. */
export function NeedForm({ initial, workshops, onSave, onCancel, onDelete, ownerChoices = [] }: NeedFormProps) {
  const { values, set, field, failure, fieldError, saving, submit } = useEditForm(initial);
  const formRef = useRef<HTMLFormElement>(null);

  // The form opens where the card was; put the cursor in it so typing can start at once.
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const workshopOptions = [
    { value: '', label: t('needs.noWorkshop') },
    ...workshops.map((workshop) => ({ value: workshop.id, label: workshop.title })),
  ];

  return (
    <form ref={formRef} class="need-form" noValidate aria-labelledby="need-form-heading"
      onKeyDown={(event) => { if (event.key === 'Escape') onCancel(); }}
      onSubmit={async (event) => {
        event.preventDefault();
        await submit(() => onSave(values));
      }}>
      <h3 id="need-form-heading">{t('needs.edit')}</h3>
      <TextField label={t('needs.titleField')} {...field('title')} required autoComplete="off" />
      <TextAreaField label={t('needs.description')} {...field('description')} rows={3} />
      <div class="form-grid">
        <SelectField label={t('needs.category')} {...field('category')}
          options={NEED_CATEGORIES.map((c) => ({ value: c, label: tLabel('needCategory', c) }))} />
        <SelectField label={t('needs.status')} {...field('status')}
          options={NEED_STATUSES.map((s) => ({ value: s, label: tLabel('needStatus', s) }))} />
        <OwnerField {...field('owner')} choices={ownerChoices} />
        <SelectField label={t('needs.workshop')} value={values.workshopId ?? ''} options={workshopOptions} error={fieldError('workshopId')}
          onValue={(v) => set('workshopId', v || null)} />
      </div>
      <FormActions error={failure?.message} busy={saving} onCancel={onCancel}>
        <button type="button" class="button button--danger need-form__delete" onClick={onDelete}>{t('action.delete')}</button>
      </FormActions>
    </form>
  );
}
