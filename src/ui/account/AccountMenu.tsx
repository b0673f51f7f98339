import type { ComponentType } from 'preact';
import { useLocation } from 'preact-iso';
import { useContext, useState } from 'preact/hooks';
import { loadAllMessages, t } from '../../i18n';
import { session } from '../../account/session';
import { ApiContext } from './api-provider';
import type { SignOutDialogProps } from './SignOutDialog';

/**
 * The header's account area: "Sign in", or who is signed in and "Sign out",
 * which syncs first and removes the organisation's data from the device
 * (asking first, with a backup offered, when changes remain unsent).
 */
export function AccountMenu() {
  const givenApi = useContext(ApiContext);
  const { route } = useLocation();
  const [Dialog, setDialog] = useState<{ component: ComponentType<SignOutDialogProps>; props: SignOutDialogProps } | null>(null);
  const current = session.value;

  const start = async () => {
    // The dialog, the API client and their strings load on signing out, not with the header.
    const [{ SignOutDialog }, api] = await Promise.all([
      import('./SignOutDialog'),
      givenApi ?? import('./api-context').then((module) => module.defaultApi()),
      loadAllMessages(),
    ]);
    setDialog({
      component: SignOutDialog,
      props: {
        api,
        onSignedOut: () => {
          setDialog(null);
          route('/login');
        },
        onCancel: () => setDialog(null),
      },
    });
  };

  // The dialog outlives the session (it ends the session first and empties the device after), so it keeps its place.
  return (
    <>
      {current ? (
        <div class="account-menu">
          <span class="account-menu__who" title={t('header.signedInAs', { name: current.user.name, organisation: current.organisation.name })}>
            <span class="visually-hidden">{t('header.account')}: </span>{current.user.name}
          </span>
          <button type="button" class="button button--ghost" disabled={Dialog !== null} onClick={() => void start()}>{t('header.signOut')}</button>
        </div>
      ) : <a class="button button--ghost" href="/login">{t('header.signIn')}</a>}
      {Dialog && <Dialog.component {...Dialog.props} />}
    </>
  );
}
