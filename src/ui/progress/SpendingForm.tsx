import { useRef } from 'preact/hooks';
import type { EditableFields } from '../../../protocol';
import { parseEuroToCents } from '../../domain/grant';
import { localDay } from '../../domain/days';
import { t, tValidation } from '../../i18n';
import { FormActions, TextField } from '../components/fields';
import { useEditForm } from '../form-state';
import type { SaveFailure } from '../save-error';

type SpendingFields = Pick<EditableFields<'spending'>, 'date' | 'amountCents' | 'what' | 'supplier'>;
interface Input { date: string; amount: string; what: string; supplier: string }

/** One spending line: the amount typed in euro ("125,50") and stored in cents. What was typed stays on a refusal. */
export function SpendingForm({ onSave, onCancel }: { onSave: (fields: SpendingFields) => Promise<SaveFailure | null>; onCancel: () => void }) {
  const form = useRef<HTMLFormElement>(null);
  const { values, field, failure, setFailure, saving, submit: runSave, change } = useEditForm<Input>(() => ({ date: localDay(Date.now()), amount: '', what: '', supplier: '' }));
  const submit = async (event: Event) => {
    event.preventDefault();
    const amountCents = parseEuroToCents(values.amount);
    const errors: Record<string, string> = {};
    if (amountCents === null || values.amount.trim() === '') errors.amount = tValidation(values.amount.trim().startsWith('-') ? 'too_small' : 'invalid_number');
    if (values.what.trim() === '') errors.what = tValidation('required');
    if (Object.keys(errors).length > 0 || amountCents === null) {
      setFailure({ message: t('error.formInvalid'), fields: errors });
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const refused = await runSave(async () => {
      const result = await onSave({ date: values.date, amountCents, what: values.what.trim(), supplier: values.supplier.trim() });
      if (!result) return null;
      const fields: Record<string, string> = {};
      for (const [name, message] of Object.entries(result.fields)) fields[name === 'amountCents' ? 'amount' : name] = message;
      return { message: result.message, fields };
    });
    if (!refused) change(() => ({ date: values.date, amount: '', what: '', supplier: '' }));
  };
  return (
    <form ref={form} class="card" noValidate onSubmit={submit} aria-label={t('progress.addSpending')}>
      <h3>{t('progress.addSpending')}</h3>
      <div class="form-grid">
        <TextField label={t('progress.date')} type="date" {...field('date')} required />
        <TextField label={t('progress.amount')} {...field('amount')} hint={t('progress.amountHint')} inputMode="decimal" autoComplete="off" required />
        <TextField label={t('progress.whatBought')} {...field('what')} autoComplete="off" required />
        <TextField label={t('progress.supplier')} {...field('supplier')} autoComplete="off" />
      </div>
      <FormActions error={failure?.message} busy={saving} onCancel={onCancel} />
    </form>
  );
}
