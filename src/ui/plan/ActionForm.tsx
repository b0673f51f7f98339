import { useEffect, useRef } from 'preact/hooks';
import { ACTION_STATUSES } from '../../../protocol';
import { inputFieldOf, readActionInput, type ActionFields, type ActionInput } from '../../domain/action-plan';
import { t, tLabel, tValidation } from '../../i18n';
import { FormActions, SelectField, TextField } from '../components/fields';
import { useEditForm } from '../form-state';
import type { SaveFailure } from '../save-error';

export interface ActionFormProps {
  title: string;
  initial: ActionInput;
  needs: readonly { id: string; title: string }[];
  onSave: (fields: ActionFields) => Promise<SaveFailure | null>;
  onCancel: () => void;
}

/** Add or edit one action. Bad input is shown beside its field and never reaches the notebook. */
export function ActionForm({ title, initial, needs, onSave, onCancel }: ActionFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const { values, field, failure, setFailure, saving, submit: runSave } = useEditForm(initial);

  useEffect(() => {
    // On opening, the first field; after a refused save, the first field to fix.
    const target = failure ? '[aria-invalid="true"]' : 'input, select, textarea';
    form.current?.querySelector<HTMLElement>(target)?.focus();
  }, [failure]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const read = readActionInput(values);
    if (read.errors) {
      const fields: Record<string, string> = {};
      for (const [name, code] of Object.entries(read.errors)) fields[name] = tValidation(code);
      setFailure({ message: t('error.formInvalid'), fields });
      return;
    }
    await runSave(async () => {
      const refused = await onSave(read.fields);
      return refused && { message: refused.message, fields: inputFieldErrors(refused) };
    });
  };

  const needOptions = [{ value: '', label: t('plan.noNeed') }, ...needs.map((need) => ({ value: need.id, label: need.title }))];
  const statusOptions = ACTION_STATUSES.map((status) => ({ value: status, label: tLabel('actionStatus', status) }));

  return (
    <form ref={form} class="card action-form" noValidate onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <TextField label={t('plan.what')} {...field('what')} required autoComplete="off" />
      <SelectField label={t('plan.need')} {...field('needId')} options={needOptions} />
      <div class="form-grid">
        <TextField label={t('plan.who')} {...field('who')} autoComplete="off" />
        <TextField label={t('plan.due')} type="date" {...field('due')} />
        <TextField label={t('plan.budget')} {...field('budget')} hint={t('plan.budgetHint')} inputMode="decimal" autoComplete="off" />
        <SelectField label={t('plan.status')} {...field('status')} options={statusOptions} />
      </div>
      <FormActions error={failure?.message} busy={saving} onCancel={onCancel} />
    </form>
  );
}

/** The notebook names record fields (`budgetCents`); the form shows them beside the typed ones. */
function inputFieldErrors(failure: SaveFailure): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [recordField, message] of Object.entries(failure.fields)) {
    const input = inputFieldOf(recordField);
    if (input) fields[input] = message;
  }
  return fields;
}
