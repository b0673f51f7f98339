import { PASSWORD_LIMITS } from '../../../protocol';
import { t } from '../../i18n';
import { FormActions, TextField } from '../components/fields';
import { fieldBinder } from '../form-state';
import type { AccountFailure } from './api-errors';

export interface SetupValues {
  organisation: string;
  name: string;
  email: string;
  password: string;
  passwordRepeat: string;
}

export const EMPTY_SETUP: SetupValues = { organisation: '', name: '', email: '', password: '', passwordRepeat: '' };

export interface SetupFormProps {
  values: SetupValues;
  onChange: (values: SetupValues) => void;
  busy: boolean;
  failure: AccountFailure | null;
  onSubmit: () => void;
}

/** The first coordinator names the organisation and creates their own account. */
export function SetupForm({ values, onChange, busy, failure, onSubmit }: SetupFormProps) {
  const field = fieldBinder(values, (name, value) => onChange({ ...values, [name]: value }), failure?.fields);
  return (
    <form class="account-form" noValidate onSubmit={(event) => { event.preventDefault(); onSubmit(); }}>
      <TextField label={t('setup.organisation')} {...field('organisation')} autoComplete="organization" required />
      <TextField label={t('setup.name')} {...field('name')} autoComplete="name" required />
      <TextField label={t('setup.email')} type="email" {...field('email')} autoComplete="username" inputMode="email"
        autoCapitalize="none" spellcheck={false} required />
      <TextField label={t('setup.password')} type="password" {...field('password')} autoComplete="new-password"
        hint={t('setup.passwordHint', { min: PASSWORD_LIMITS.min })} required />
      <TextField label={t('setup.passwordRepeat')} type="password" {...field('passwordRepeat')} autoComplete="new-password" required />
      <FormActions error={failure?.message} submitLabel={busy ? t('setup.submitting') : t('setup.submit')} busy={busy} />
    </form>
  );
}
