import { PASSWORD_LIMITS } from '../../../protocol';
import { t } from '../../i18n';
import { FormError, TextField } from '../components/fields';
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
  const field = (name: keyof SetupValues) => ({
    value: values[name],
    onValue: (value: string) => onChange({ ...values, [name]: value }),
    error: failure?.fields[name],
  });
  return (
    <form class="account-form" noValidate onSubmit={(event) => { event.preventDefault(); onSubmit(); }}>
      <TextField label={t('setup.organisation')} {...field('organisation')} autoComplete="organization" required />
      <TextField label={t('setup.name')} {...field('name')} autoComplete="name" required />
      <TextField label={t('setup.email')} type="email" {...field('email')} autoComplete="username" inputMode="email"
        autoCapitalize="none" spellcheck={false} required />
      <TextField label={t('setup.password')} type="password" {...field('password')} autoComplete="new-password"
        hint={t('setup.passwordHint', { min: PASSWORD_LIMITS.min })} required />
      <TextField label={t('setup.passwordRepeat')} type="password" {...field('passwordRepeat')} autoComplete="new-password" required />
      <FormError message={failure?.message ?? null} />
      <div class="button-row">
        <button type="submit" class="button button--primary" disabled={busy}>{busy ? t('setup.submitting') : t('setup.submit')}</button>
      </div>
    </form>
  );
}
