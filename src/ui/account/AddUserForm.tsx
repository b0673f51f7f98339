import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { PASSWORD_LIMITS, ROLES, createUserRequestSchema, type CreateUserRequest, type Role } from '../../../protocol';
import { t, tLabel } from '../../i18n';
import { FormActions, SelectField, TextField } from '../components/fields';
import { fieldBinder, useDirtyForm } from '../form-state';
import { fieldErrors, type AccountFailure } from './api-errors';

export interface AddUserFormProps {
  /** Offline: the form stays, the button waits for a connection. */
  disabled: boolean;
  /** Resolves to null when the user was added, or to what went wrong. */
  onAdd: (request: CreateUserRequest) => Promise<AccountFailure | null>;
}

interface Values {
  name: string;
  email: string;
  role: Role;
  password: string;
}

const EMPTY: Values = { name: '', email: '', role: 'facilitator', password: '' };

/** A coordinator adds a facilitator (or another coordinator) with an initial password. */
export function AddUserForm({ disabled, onAdd }: AddUserFormProps) {
  const [values, setValues] = useState<Values>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AccountFailure | null>(null);
  useDirtyForm(values !== EMPTY);
  const field = fieldBinder(values, (name, value) => setValues({ ...values, [name]: value }), failure?.fields);

  const submit = async () => {
    const parsed = v.safeParse(createUserRequestSchema, values);
    if (!parsed.success) {
      setFailure({ code: 'invalid', message: null, fields: fieldErrors(parsed.issues), signInAgain: false });
      return;
    }
    setBusy(true);
    const outcome = await onAdd(parsed.output);
    setBusy(false);
    setFailure(outcome);
    if (!outcome) setValues(EMPTY);
  };

  return (
    <form class="account-form card" noValidate aria-labelledby="add-user-heading"
      onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h2 id="add-user-heading">{t('users.addTitle')}</h2>
      <div class="form-grid">
        <TextField label={t('users.name')} {...field('name')} autoComplete="off" required />
        <TextField label={t('users.email')} type="email" {...field('email')} autoComplete="off" inputMode="email"
          autoCapitalize="none" spellcheck={false} required />
        <SelectField label={t('users.role')} {...field('role')} required
          options={ROLES.map((role) => ({ value: role, label: tLabel('userRole', role) }))} />
        <TextField label={t('users.initialPassword')} type="text" {...field('password')} autoComplete="new-password"
          spellcheck={false} autoCapitalize="none" hint={t('users.initialPasswordHint', { min: PASSWORD_LIMITS.min })} required />
      </div>
      <FormActions error={failure?.message} submitLabel={busy ? t('users.adding') : t('users.add')} busy={busy || disabled} />
    </form>
  );
}
