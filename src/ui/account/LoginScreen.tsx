import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { session } from '../../account/session';
import { Page } from '../components/page';
import { afterSignIn } from '../components/sign-in-then';
import { showToast } from '../components/toast';
import { useDirtyForm } from '../form-state';
import { useApi } from './api-context';
import { describeAccountError, fieldMessage, type AccountFailure } from './api-errors';
import { ForeignDataPrompt } from './ForeignDataDialog';
import { LoginForm } from './LoginForm';
import { useSessionAdoption } from './session-adoption';
import './account.css';

/** Sign in; on success the device keeps the session (it survives restarts offline) and the app opens. */
export function LoginScreen() {
  const api = useApi();
  const { route, query } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AccountFailure | null>(null);
  useDirtyForm(email !== '' || password !== '');
  const adoption = useSessionAdoption((response) => {
    showToast({ message: t('login.welcome', { name: response.user.name }) });
    route(afterSignIn(query.next));
  });
  const current = session.value;

  const submit = async () => {
    const missing: Record<string, string> = {};
    if (email.trim() === '') missing.email = fieldMessage('required');
    if (password === '') missing.password = fieldMessage('required');
    if (Object.keys(missing).length > 0) {
      setFailure({ code: 'required', message: null, fields: missing, signInAgain: false });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const response = await api.login(email.trim(), password);
      await adoption.begin(response);
    } catch (error) {
      const described = describeAccountError(error, 'login');
      if (described.code === 'invalid_credentials') setPassword('');
      setFailure(described);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('login.title')}>
      <div class="account-page">
        {current
          ? <p class="notice">{t('login.signedInAlready', { name: current.user.name, organisation: current.organisation.name })}</p>
          : <p>{t('login.intro')}</p>}
        <LoginForm email={email} password={password} onEmail={setEmail} onPassword={setPassword}
          busy={busy} failure={failure} onSubmit={() => void submit()} />
        <p class="muted">{t('login.setupHint')}</p>
      </div>
      <ForeignDataPrompt adoption={adoption} />
    </Page>
  );
}
