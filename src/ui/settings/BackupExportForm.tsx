// "Make a backup": optionally with a passphrase typed twice; the file downloads.
import { useState } from 'preact/hooks';
import type { BackupPhase } from '../../db/backup';
import { t } from '../../i18n';
import { CheckboxField, FormError, TextField } from '../components/fields';
import { BackupProgress } from './BackupProgress';

export const MIN_PASSPHRASE = 8;

export interface BackupExportFormProps {
  /** Makes and downloads the file; resolves to what to say, or throws. */
  onExport: (passphrase: string | null, onPhase: (phase: BackupPhase) => void) => Promise<string>;
  describeError: (error: unknown) => string;
}

export function BackupExportForm({ onExport, describeError }: BackupExportFormProps) {
  const [encrypt, setEncrypt] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; repeat?: string }>({});
  const [phase, setPhase] = useState<BackupPhase | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (phase !== null) return;
    if (encrypt) {
      const next: typeof errors = {};
      if (passphrase.length < MIN_PASSPHRASE) next.passphrase = t('backup.passphraseShort');
      else if (passphrase !== repeat) next.repeat = t('backup.passphraseMismatch');
      setErrors(next);
      if (next.passphrase || next.repeat) return;
    }
    setResult(null);
    setPhase('reading');
    try {
      setResult({ ok: true, message: await onExport(encrypt ? passphrase : null, setPhase) });
    } catch (error) {
      setResult({ ok: false, message: describeError(error) });
    } finally {
      setPhase(null);
    }
  };

  return (
    <form class="backup-form" noValidate aria-labelledby="backup-export-heading" onSubmit={submit}>
      <h3 id="backup-export-heading">{t('backup.export.title')}</h3>
      <CheckboxField label={t('backup.export.encrypt')} checked={encrypt} onChecked={setEncrypt} hint={t('backup.export.encryptHint')} />
      {encrypt && (
        <>
          <TextField type="password" label={t('backup.passphrase')} value={passphrase} onValue={setPassphrase}
            hint={t('backup.passphraseHint')} error={errors.passphrase} autoComplete="new-password" />
          <TextField type="password" label={t('backup.passphraseRepeat')} value={repeat} onValue={setRepeat}
            error={errors.repeat} autoComplete="new-password" />
        </>
      )}
      <button type="submit" class="button button--primary" disabled={phase !== null}>{t('backup.export.button')}</button>
      {phase !== null && <BackupProgress kind="export" phase={phase} />}
      {result && (result.ok ? <p class="notice backup-result" role="status" data-testid="backup-export-result">{result.message}</p>
        : <FormError message={result.message} />)}
    </form>
  );
}
