import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { setupRequestSchema } from '../../../protocol';
import { t } from '../../i18n';
import { Page } from '../components/page';
import { showToast } from '../components/toast';
import { useDirtyForm } from '../form-state';
import { useApi } from './api-context';
import { SETUP_LINK_CODES, describeAccountError, fieldErrors, type AccountFailure } from './api-errors';
import { ForeignDataPrompt } from './ForeignDataDialog';
import { EMPTY_SETUP, SetupForm, type SetupValues } from './SetupForm';
import { useSessionAdoption } from './session-adoption';
import './account.css';

/** The one-time link is `/setup#<token>`: the token stays in the fragment, never sent in a request line. */
export function readSetupToken(hash: string): string {
  const raw = hash.replace(/^#/, '');
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/** Failures after which signing in is the way on. */
const SIGN_IN_INSTEAD = new Set([...SETUP_LINK_CODES, 'already_set_up']);

/** Checks the form with the protocol's own schema, so errors show beside the fields before anything is sent. */
function checkSetup(token: string, values: SetupValues): AccountFailure | null {
  const parsed = v.safeParse(setupRequestSchema, {
    token, organisation: values.organisation, name: values.name, email: values.email, password: values.password,
  });
  const fields = parsed.success ? {} : fieldErrors(parsed.issues);
  if (values.password !== values.passwordRepeat && !fields.password) fields.passwordRepeat = t('setup.passwordMismatch');
  if (Object.keys(fields).length === 0) return null;
  return { code: 'invalid', message: fields.token ?? null, fields, signInAgain: false };
}

/** Creates the organisation and its first coordinator, then leads on to adding facilitators. */
export function SetupScreen() {
  const api = useApi();
  const { route } = useLocation();
  const [token] = useState(() => (typeof location === 'undefined' ? '' : readSetupToken(location.hash)));
  const [values, setValues] = useState<SetupValues>(EMPTY_SETUP);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AccountFailure | null>(null);
  const [alreadySetUp, setAlreadySetUp] = useState(false);
  useDirtyForm(values !== EMPTY_SETUP);
  const adoption = useSessionAdoption((response) => {
    showToast({ message: t('setup.done', { organisation: response.organisation.name }) });
    route('/users');
  });

  useEffect(() => {
    // Says so at once when the server is set up already; offline, the form stays and the submit tells.
    api.setupStatus().then((status) => setAlreadySetUp(!status.needed), () => {});
  }, [api]);

  const submit = async () => {
    const invalid = checkSetup(token, values);
    if (invalid) {
      setFailure(invalid);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const response = await api.setup({
        token, organisation: values.organisation.trim(), name: values.name.trim(), email: values.email.trim(), password: values.password,
      });
      await adoption.begin(response);
    } catch (error) {
      setFailure(describeAccountError(error, 'setup'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('setup.title')}>
      <div class="account-page">
        {alreadySetUp ? (
          <p class="notice">{t('setup.alreadyDone')} <a href="/login">{t('header.signIn')}</a></p>
        ) : token === '' ? (
          <p class="notice">{t('setup.noToken')}</p>
        ) : (
          <>
            <p>{t('setup.intro')}</p>
            <SetupForm values={values} onChange={setValues} busy={busy} failure={failure} onSubmit={() => void submit()} />
            {failure && SIGN_IN_INSTEAD.has(failure.code) && <p><a class="button" href="/login">{t('header.signIn')}</a></p>}
          </>
        )}
      </div>
      <ForeignDataPrompt adoption={adoption} />
    </Page>
  );
}
