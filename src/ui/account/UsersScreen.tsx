import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CreateUserRequest, ManagedUser } from '../../../protocol';
import { t } from '../../i18n';
import { session } from '../../account/session';
import { online } from '../components/online';
import { Loading, Page } from '../components/page';
import { showToast } from '../components/toast';
import { useApi } from './api-context';
import { describeAccountError, type AccountFailure } from './api-errors';
import { AddUserForm } from './AddUserForm';
import { UserRow } from './UserRow';
import './account.css';

/** Coordinators manage their organisation's users; everyone else is told who does. */
export function UsersScreen() {
  const current = session.value;
  if (!current) {
    return (
      <Page title={t('users.title')}>
        <p class="notice">{t('users.signInFirst')} <a href="/login">{t('header.signIn')}</a></p>
      </Page>
    );
  }
  if (current.user.role !== 'coordinator') {
    return <Page title={t('users.title')}><p class="notice">{t('users.coordinatorsOnly')}</p></Page>;
  }
  return <UsersManager selfId={current.user.id} />;
}

function UsersManager({ selfId }: { selfId: string }) {
  const api = useApi();
  const isOnline = online.value;
  const [users, setUsers] = useState<ManagedUser[] | undefined>(undefined);
  const [loadFailure, setLoadFailure] = useState<AccountFailure | null>(null);

  const load = useCallback(async () => {
    setLoadFailure(null);
    try {
      setUsers((await api.listUsers()).users);
    } catch (error) {
      setLoadFailure(describeAccountError(error, 'users'));
    }
  }, [api]);

  // Loads on opening and again when the connection returns.
  useEffect(() => {
    if (isOnline || users === undefined) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reloads on a new connection, not when the list it loaded changes
  }, [load, isOnline]);

  const replace = (user: ManagedUser) => setUsers((list) => list?.map((each) => (each.id === user.id ? user : each)));

  /** Runs a request; a failure is returned for the form or row that asked. */
  const attempt = async (request: () => Promise<void>): Promise<AccountFailure | null> => {
    try {
      await request();
      return null;
    } catch (error) {
      return describeAccountError(error, 'users');
    }
  };

  const addUser = (request: CreateUserRequest) => attempt(async () => {
    const { user } = await api.createUser(request);
    setUsers((list) => [...(list ?? []), user]);
    showToast({ message: t('users.added', { name: user.name }) });
  });

  const resetPassword = (user: ManagedUser, password: string) => attempt(async () => {
    replace((await api.resetPassword(user.id, password)).user);
    showToast({ message: t('users.passwordChanged', { name: user.name }) });
  });

  const setActive = (user: ManagedUser, active: boolean) => attempt(async () => {
    replace((await api.setActive(user.id, active)).user);
    showToast({ message: t(active ? 'users.activated' : 'users.deactivated', { name: user.name }) });
  });

  const offline = !isOnline || loadFailure?.code === 'network';
  return (
    <Page title={t('users.title')}>
      {offline && <p class="notice" role="status">{t('users.needsConnection')}</p>}
      {loadFailure && loadFailure.code !== 'network' && (
        <p class="form-error" role="alert">
          {loadFailure.message} {loadFailure.signInAgain && <a href="/login">{t('accountError.signInAgain')}</a>}
        </p>
      )}
      {users === undefined ? (
        loadFailure ? <button type="button" class="button" onClick={() => void load()}>{t('users.retry')}</button> : <Loading />
      ) : (
        <section aria-labelledby="users-list-heading" class="users">
          <h2 id="users-list-heading" class="muted users__count">{t('users.count', { count: users.length })}</h2>
          {users.length === 0 ? <p class="muted">{t('users.empty')}</p> : (
            <ul class="users__list">
              {users.map((user) => (
                <UserRow key={user.id} user={user} isSelf={user.id === selfId} offline={offline}
                  onResetPassword={(password) => resetPassword(user, password)}
                  onSetActive={(active) => setActive(user, active)} />
              ))}
            </ul>
          )}
        </section>
      )}
      <AddUserForm disabled={offline} onAdd={addUser} />
    </Page>
  );
}
