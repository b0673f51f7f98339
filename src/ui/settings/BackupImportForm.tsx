// "Restore from a backup": a file, its passphrase when it has one, Import.
import { useId, useState } from 'preact/hooks';
import type { BackupPhase } from '../../db/backup';
import { t } from '../../i18n';
import { FormError, TextField } from '../components/fields';
import { BackupProgress } from './BackupProgress';

export interface BackupImportFormProps {
  /** Imports the file; resolves to the summary to show, or throws. */
  onImport: (file: File, passphrase: string, onPhase: (phase: BackupPhase) => void) => Promise<string>;
  describeError: (error: unknown) => string;
}

export function BackupImportForm({ onImport, describeError }: BackupImportFormProps) {
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [phase, setPhase] = useState<BackupPhase | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (phase !== null) return;
    if (!file) {
      setResult({ ok: false, message: t('backup.import.chooseFile') });
      return;
    }
    setResult(null);
    setPhase('checking');
    try {
      setResult({ ok: true, message: await onImport(file, passphrase, setPhase) });
    } catch (error) {
      setResult({ ok: false, message: describeError(error) });
    } finally {
      setPhase(null);
    }
  };

  return (
    <form class="backup-form" noValidate aria-labelledby="backup-import-heading" onSubmit={submit}>
      <h3 id="backup-import-heading">{t('backup.import.title')}</h3>
      <p class="muted">{t('backup.import.intro')}</p>
      <div class="field">
        <label for={fileId}>{t('backup.import.file')}</label>
        <input id={fileId} type="file" accept=".talka,application/octet-stream" class="backup-form__file"
          onChange={(event) => { setFile(event.currentTarget.files?.[0] ?? null); setResult(null); }} />
      </div>
      <TextField type="password" label={t('backup.import.passphrase')} value={passphrase} onValue={setPassphrase} autoComplete="off" />
      <button type="submit" class="button button--primary" disabled={phase !== null}>{t('backup.import.button')}</button>
      {phase !== null && <BackupProgress kind="import" phase={phase} />}
      {result && (result.ok ? <p class="notice backup-result" role="status" data-testid="backup-import-result">{result.message}</p>
        : <FormError message={result.message} />)}
    </form>
  );
}
