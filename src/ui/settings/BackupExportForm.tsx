// "Make a backup": optionally with a passphrase typed twice; the file downloads.
import { useState } from 'preact/hooks';
import type { BackupPhase } from '../../db/backup';
import { t } from '../../i18n';
import { CheckboxField, TextField } from '../components/fields';
import { BackupForm, useBackupRun } from './BackupForm';

const MIN_PASSPHRASE = 8;

export interface BackupExportFormProps {
  /** Makes and downloads the file; resolves to what to say, or throws. */
  onExport: (passphrase: string | null, onPhase: (phase: BackupPhase) => void) => Promise<string>;
}

export function BackupExportForm({ onExport }: BackupExportFormProps) {
  const run = useBackupRun('export');
  const [encrypt, setEncrypt] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; repeat?: string }>({});

  const submit = () => {
    if (encrypt) {
      const next: typeof errors = {};
      if (passphrase.length < MIN_PASSPHRASE) next.passphrase = t('backup.passphraseShort');
      else if (passphrase !== repeat) next.repeat = t('backup.passphraseMismatch');
      setErrors(next);
      if (next.passphrase || next.repeat) return;
    }
    void run.start((onPhase) => onExport(encrypt ? passphrase : null, onPhase));
  };

  return (
    <BackupForm run={run} onSubmit={submit}>
      <CheckboxField label={t('backup.export.encrypt')} checked={encrypt} onChecked={setEncrypt} hint={t('backup.export.encryptHint')} />
      {encrypt && (
        <>
          <TextField type="password" label={t('backup.passphrase')} value={passphrase} onValue={setPassphrase}
            hint={t('backup.passphraseHint')} error={errors.passphrase} autoComplete="new-password" />
          <TextField type="password" label={t('backup.passphraseRepeat')} value={repeat} onValue={setRepeat}
            error={errors.repeat} autoComplete="new-password" />
        </>
      )}
    </BackupForm>
  );
}
