import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { setPasswordRequestSchema, type ManagedUser } from '../../../protocol';
import { t, tLabel } from '../../i18n';
import { FormActions, FormError, TextField } from '../components/fields';
import { ConfirmDialog } from '../sync/ConfirmDialog';
import { fieldErrors, type AccountFailure } from './api-errors';

export interface UserRowProps {
  user: ManagedUser;
  /** The signed-in coordinator: they cannot deactivate themselves. */
  isSelf: boolean;
  offline: boolean;
  onResetPassword: (password: string) => Promise<AccountFailure | null>;
  onSetActive: (active: boolean) => Promise<AccountFailure | null>;
}

/** One user: who, role, whether active; reset their password, deactivate or activate them. */
export function UserRow({ user, isSelf, offline, onResetPassword, onSetActive }: UserRowProps) {
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [confirmingDeactivate, setConfirmingDeactivate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AccountFailure | null>(null);

  const run = async (action: () => Promise<AccountFailure | null>) => {
    setBusy(true);
    const outcome = await action();
    setBusy(false);
    setFailure(outcome);
    return outcome;
  };

  const savePassword = async () => {
    const parsed = v.safeParse(setPasswordRequestSchema, { password });
    if (!parsed.success) {
      setFailure({ code: 'invalid', message: null, fields: fieldErrors(parsed.issues), signInAgain: false });
      return;
    }
    if (!(await run(() => onResetPassword(parsed.output.password)))) {
      setResetting(false);
      setPassword('');
    }
  };

  return (
    <li class={`user-row${user.active ? '' : ' user-row--inactive'}`}>
      <div class="user-row__who">
        <span><strong>{user.name}</strong>{isSelf && <span class="muted"> ({t('users.you')})</span>}</span>
        <span class="user-row__email">{user.email}</span>
      </div>
      <div class="user-row__tags">
        <span class="tag">{tLabel('userRole', user.role)}</span>
        <span class={`tag ${user.active ? '' : 'tag--off'}`}>{user.active ? t('users.active') : t('users.inactive')}</span>
      </div>
      <div class="user-row__actions">
        <button type="button" class="button" aria-expanded={resetting} disabled={offline}
          onClick={() => { setResetting(!resetting); setFailure(null); }}>{t('users.resetPassword')}</button>
        {user.active
          ? !isSelf && <button type="button" class="button button--danger" disabled={offline || busy} onClick={() => setConfirmingDeactivate(true)}>{t('users.deactivate')}</button>
          : <button type="button" class="button" disabled={offline || busy} onClick={() => void run(() => onSetActive(true))}>{t('users.activate')}</button>}
      </div>
      {resetting && (
        <form class="user-row__password" noValidate onSubmit={(event) => { event.preventDefault(); void savePassword(); }}>
          <TextField label={t('users.newPassword', { name: user.name })} type="text" value={password} onValue={setPassword}
            autoComplete="new-password" spellcheck={false} autoCapitalize="none" error={failure?.fields.password} />
          <FormActions submitLabel={t('users.savePassword')} busy={busy || offline}
            onCancel={() => { setResetting(false); setPassword(''); setFailure(null); }} />
        </form>
      )}
      <FormError message={failure?.message ?? null} />
      {confirmingDeactivate && (
        <ConfirmDialog title={t('users.deactivateTitle', { name: user.name })} confirmLabel={t('users.deactivate')} danger
          confirmDisabled={busy}
          onConfirm={() => { setConfirmingDeactivate(false); void run(() => onSetActive(false)); }}
          onCancel={() => setConfirmingDeactivate(false)}>
          <p>{t('users.deactivateBody')}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}
