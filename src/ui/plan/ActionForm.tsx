import { useEffect, useRef, useState } from 'preact/hooks';
import { ACTION_STATUSES, keysOf } from '../../../protocol';
import { inputFieldOf, readActionInput, type ActionFields, type ActionInput } from '../../domain/action-plan';
import { t, tLabel, tValidation } from '../../i18n';
import { FormError, SelectField, TextField } from '../components/fields';
import { useDirtyForm } from '../form-state';
import type { SaveFailure } from '../save-error';

export interface ActionFormProps {
  title: string;
  initial: ActionInput;
  needs: readonly { id: string; title: string }[];
  onSave: (fields: ActionFields) => Promise<SaveFailure | null>;
  onCancel: () => void;
}

interface ShownErrors {
  message: string;
  fields: Partial<Record<keyof ActionInput, string>>;
}

/** Add or edit one action. Bad input is shown beside its field and never reaches the notebook. */
export function ActionForm({ title, initial, needs, onSave, onCancel }: ActionFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ShownErrors | null>(null);
  const [saving, setSaving] = useState(false);
  const [touched, setTouched] = useState(false);
  useDirtyForm(touched);

  useEffect(() => {
    // On opening, the first field; after a refused save, the first field to fix.
    const target = errors ? '[aria-invalid="true"]' : 'input, select, textarea';
    form.current?.querySelector<HTMLElement>(target)?.focus();
  }, [errors]);

  const set = <K extends keyof ActionInput>(key: K, value: ActionInput[K]) => {
    setTouched(true);
    setValues((v) => ({ ...v, [key]: value }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const read = readActionInput(values);
    if (read.errors) {
      const fields: ShownErrors['fields'] = {};
      for (const field of keysOf(read.errors)) {
        const code = read.errors[field];
        if (code) fields[field] = tValidation(code);
      }
      setErrors({ message: t('error.formInvalid'), fields });
      return;
    }
    setSaving(true);
    const failure = await onSave(read.fields);
    setSaving(false);
    if (failure) {
      setErrors({ message: failure.message, fields: fieldErrorsOf(failure) });
      return;
    }
    setTouched(false);
  };

  const needOptions = [{ value: '', label: t('plan.noNeed') }, ...needs.map((need) => ({ value: need.id, label: need.title }))];
  const statusOptions = ACTION_STATUSES.map((status) => ({ value: status, label: tLabel('actionStatus', status) }));
  const error = (field: keyof ActionInput) => errors?.fields[field];

  return (
    <form ref={form} class="card action-form" noValidate onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <TextField label={t('plan.what')} value={values.what} onValue={(v) => set('what', v)} error={error('what')} required autoComplete="off" />
      <SelectField label={t('plan.need')} value={values.needId} options={needOptions} onValue={(v) => set('needId', v)} error={error('needId')} />
      <div class="form-grid">
        <TextField label={t('plan.who')} value={values.who} onValue={(v) => set('who', v)} error={error('who')} autoComplete="off" />
        <TextField label={t('plan.due')} type="date" value={values.due} onValue={(v) => set('due', v)} error={error('due')} />
        <TextField label={t('plan.budget')} value={values.budget} onValue={(v) => set('budget', v)} error={error('budget')}
          hint={t('plan.budgetHint')} inputMode="decimal" autoComplete="off" />
        <SelectField label={t('plan.status')} value={values.status} options={statusOptions} onValue={(v) => set('status', v)} error={error('status')} />
      </div>
      <FormError message={errors?.message ?? null} />
      <div class="button-row">
        <button type="submit" class="button button--primary" disabled={saving}>{t('action.save')}</button>
        <button type="button" class="button" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}

/** The notebook names record fields (`budgetCents`); the form shows them beside the typed ones. */
function fieldErrorsOf(failure: SaveFailure): ShownErrors['fields'] {
  const fields: ShownErrors['fields'] = {};
  for (const [recordField, message] of Object.entries(failure.fields)) {
    const field = inputFieldOf(recordField);
    if (field) fields[field] = message;
  }
  return fields;
}
