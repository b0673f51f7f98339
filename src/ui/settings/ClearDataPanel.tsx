// "Clear data from this device", behind a strong confirmation: a last sync
// first, then what is not on the server yet is counted and named, and the
// person types a word to go on. It does what signing out does (the
// organisation's data, caches and session leave the device) and shows the
// sign-in page.
import { useLocation } from 'preact-iso';
import { useContext, useState } from 'preact/hooks';
import { leaveDevice } from '../../account/sign-out';
import { countUnsent, type UnsentWork } from '../../db/backup-inventory';
import { foldText } from '../../domain/search';
import { t } from '../../i18n';
import { syncNow } from '../../sync/status';
import { ApiContext } from '../account/api-provider';
import { useServices } from '../app-context';
import { FormError, TextField } from '../components/fields';
import { Card } from '../components/page';
import { showToast } from '../components/toast';
import { ConfirmDialog } from '../sync/ConfirmDialog';
import { describeBackupError } from './backup-errors';
import { unsentParams } from '../device/UnsentSummary';

/** Typed "dzest" or "DZĒST" both confirm: diacritics are hard on a tablet keyboard, the intent is the same. */
export function confirmsWith(typed: string, word: string): boolean {
  return foldText(typed.trim()) === foldText(word);
}

export function ClearDataPanel() {
  const { db } = useServices();
  const givenApi = useContext(ApiContext);
  const { route } = useLocation();
  const [asking, setAsking] = useState<UnsentWork | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const start = async () => {
    setTyped('');
    setFailure(null);
    // What a last sync sends need not be counted as lost (offline, it fails at once and counts what waits).
    await syncNow().catch(() => undefined);
    setAsking(await countUnsent(db));
  };
  const clear = async () => {
    setBusy(true);
    try {
      const api = givenApi ?? (await import('../account/api-context')).defaultApi();
      await leaveDevice(db, { api });
      setAsking(null);
      showToast({ message: t('clear.done') });
      route('/login');
    } catch (error) {
      setFailure(describeBackupError(error));
    } finally {
      setBusy(false);
    }
  };

  const word = t('clear.word');
  const unsent = asking !== null && asking.changes + asking.photos > 0;
  return (
    <Card title={t('clear.title')} class="clear-panel">
      <p>{t('clear.intro')}</p>
      <button type="button" class="button button--danger" onClick={() => void start()}>{t('clear.button')}</button>
      {asking !== null && (
        <ConfirmDialog title={t('clear.confirmTitle')} confirmLabel={t('clear.confirm')} danger
          confirmDisabled={busy || !confirmsWith(typed, word)} onConfirm={() => void clear()} onCancel={() => setAsking(null)}>
          {unsent ? (
            <>
              <p class="notice notice--danger" data-testid="clear-unsent">{t('clear.unsentWarning', unsentParams(asking))}</p>
              <p>{t('clear.backupFirst')}</p>
            </>
          ) : <p>{t('clear.allSent')}</p>}
          <TextField label={t('clear.typeToConfirm', { word })} value={typed} onValue={setTyped}
            autoComplete="off" autoCapitalize="characters" spellcheck={false} />
          <FormError message={failure} />
        </ConfirmDialog>
      )}
    </Card>
  );
}
