import { useLocation } from 'preact-iso';
import { useContext, useState } from 'preact/hooks';
import { countPending } from '../../db/queries';
import { t } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { showToast } from '../components/toast';
import { ConfirmDialog } from '../sync/ConfirmDialog';
import { ApiContext } from './api-provider';
import { signOut } from '../../account/sign-out';

/** The header's account area: "Sign in", or who is signed in and "Sign out" (asking first when changes wait). */
export function AccountMenu() {
  const { db } = useServices();
  const givenApi = useContext(ApiContext);
  const { route } = useLocation();
  const [pendingToConfirm, setPendingToConfirm] = useState<number | null>(null);
  const current = session.value;

  if (!current) return <a class="button button--ghost" href="/login">{t('header.signIn')}</a>;

  const finish = async () => {
    setPendingToConfirm(null);
    // The API client and its reply schemas load on signing out, not with the header.
    const api = givenApi ?? (await import('./api-context')).defaultApi();
    await signOut(api);
    showToast({ message: t('signOut.done') });
    route('/login');
  };
  const start = async () => {
    const pending = await countPending(db);
    if (pending > 0) setPendingToConfirm(pending);
    else await finish();
  };

  return (
    <div class="account-menu">
      <span class="account-menu__who" title={t('header.signedInAs', { name: current.user.name, organisation: current.organisation.name })}>
        <span class="visually-hidden">{t('header.account')}: </span>{current.user.name}
      </span>
      <button type="button" class="button button--ghost" onClick={() => void start()}>{t('header.signOut')}</button>
      {pendingToConfirm !== null && (
        <ConfirmDialog title={t('signOut.title')} confirmLabel={t('signOut.confirm')}
          onConfirm={() => void finish()} onCancel={() => setPendingToConfirm(null)}>
          <p>{t('signOut.pending', { count: pendingToConfirm })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
