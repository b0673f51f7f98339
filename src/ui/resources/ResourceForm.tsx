import { useEffect, useRef } from 'preact/hooks';
import { RESOURCE_KINDS, type EditableFields } from '../../../protocol';
import { toggleId } from '../../domain/needs-board';
import { t, tLabel } from '../../i18n';
import { CheckboxField, FieldGroup, FormActions, SelectField, TextAreaField, TextField } from '../components/fields';
import { useEditForm } from '../form-state';
import type { SaveFailure } from '../save-error';

export type ResourceValues = Omit<EditableFields<'resources'>, 'communityId'>;

export interface ResourceFormProps {
  initial: ResourceValues;
  /** The community's needs a resource can be linked to. */
  needs: readonly { id: string; title: string }[];
  onSave: (values: ResourceValues) => Promise<SaveFailure | null>;
  onCancel: () => void;
  /** Given when editing an existing resource. */
  onDelete?: () => void;
}

export function ResourceForm({ initial, needs, onSave, onCancel, onDelete }: ResourceFormProps) {
  const { values, set, field, failure, fieldError, saving, submit } = useEditForm(initial);
  const formRef = useRef<HTMLFormElement>(null);

  // The form opens in the middle of the map; start typing the name at once.
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  return (
    <form ref={formRef} class="resource-form" noValidate aria-labelledby="resource-form-heading"
      onKeyDown={(event) => { if (event.key === 'Escape') onCancel(); }}
      onSubmit={async (event) => {
        event.preventDefault();
        await submit(() => onSave(values));
      }}>
      <h3 id="resource-form-heading">{onDelete ? t('resources.edit') : t('resources.new')}</h3>
      <div class="form-grid">
        <TextField label={t('resources.name')} {...field('name')} required autoComplete="off" />
        <SelectField label={t('resources.kind')} {...field('kind')}
          options={RESOURCE_KINDS.map((k) => ({ value: k, label: tLabel('resourceKind', k) }))} />
      </div>
      <TextAreaField label={t('resources.description')} {...field('description')} rows={3} />
      <div class="form-grid">
        <TextField label={t('resources.contact')} {...field('contact')} hint={t('resources.contactHint')} />
        <TextField label={t('resources.availability')} {...field('availability')} hint={t('resources.availabilityHint')} />
      </div>
      <FieldGroup legend={t('resources.needs')} class="resource-form__needs" error={fieldError('needIds')}>
        {needs.length === 0 ? <p class="muted">{t('resources.noNeeds')}</p> : (
          <div class="resource-form__need-grid">
            {needs.map((need) => (
              <CheckboxField key={need.id} label={need.title} checked={values.needIds.includes(need.id)}
                onChecked={(on) => set('needIds', toggleId(values.needIds, need.id, on))} />
            ))}
          </div>
        )}
      </FieldGroup>
      <FormActions error={failure?.message} busy={saving} onCancel={onCancel}>
        {onDelete && <button type="button" class="button button--danger resource-form__delete" onClick={onDelete}>{t('action.delete')}</button>}
      </FormActions>
    </form>
  );
}
