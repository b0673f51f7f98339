// "Restore from a backup": a file, its passphrase when it has one, Import.
import { useState } from 'preact/hooks';
import type { BackupPhase } from '../../db/backup';
import { t } from '../../i18n';
import { Field, TextField } from '../components/fields';
import { BackupForm, useBackupRun } from './BackupForm';

export interface BackupImportFormProps {
  /** Imports the file; resolves to the summary to show, or throws. */
  onImport: (file: File, passphrase: string, onPhase: (phase: BackupPhase) => void) => Promise<string>;
}

export function BackupImportForm({ onImport }: BackupImportFormProps) {
  const run = useBackupRun('import');
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');

  const submit = () => {
    if (!file) run.refuse(t('backup.import.chooseFile'));
    else void run.start((onPhase) => onImport(file, passphrase, onPhase));
  };

  return (
    <BackupForm run={run} intro={t('backup.import.intro')} onSubmit={submit}>
      <Field label={t('backup.import.file')}>
        {(control) => (
          <input {...control} type="file" accept=".talka,application/octet-stream" class="backup-form__file"
            onChange={(event) => { setFile(event.currentTarget.files?.[0] ?? null); run.clear(); }} />
        )}
      </Field>
      <TextField type="password" label={t('backup.import.passphrase')} value={passphrase} onValue={setPassphrase} autoComplete="off" />
    </BackupForm>
  );
}
