import { t } from '../../i18n';
import { FormActions, TextField } from '../components/fields';
import type { AccountFailure } from './api-errors';

export interface LoginFormProps {
  email: string;
  password: string;
  onEmail: (email: string) => void;
  onPassword: (password: string) => void;
  busy: boolean;
  failure: AccountFailure | null;
  onSubmit: () => void;
}

/** Email and password; what was typed stays after a failure. */
export function LoginForm({ email, password, onEmail, onPassword, busy, failure, onSubmit }: LoginFormProps) {
  return (
    <form class="account-form" noValidate onSubmit={(event) => { event.preventDefault(); onSubmit(); }}>
      <TextField label={t('login.email')} type="email" value={email} onValue={onEmail} error={failure?.fields.email}
        autoComplete="username" inputMode="email" autoCapitalize="none" spellcheck={false} required />
      <TextField label={t('login.password')} type="password" value={password} onValue={onPassword} error={failure?.fields.password}
        autoComplete="current-password" required />
      <FormActions error={failure?.message} submitLabel={busy ? t('login.submitting') : t('login.submit')} busy={busy} />
    </form>
  );
}
