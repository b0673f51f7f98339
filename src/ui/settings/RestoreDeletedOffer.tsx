// After a backup import: the records the file still held that were deleted on
// this device since it was made, offered back. Nothing is restored until the
// person confirms; the restoration is an ordinary synced edit.
import { useState } from 'preact/hooks';
import type { DeletedSince } from '../../db/backup';
import { t } from '../../i18n';
import { FormError } from '../components/fields';
import { describeSaveError } from '../save-error';
import { tableLabel } from '../sync/record-summary';

export interface RestoreDeletedOfferProps {
  records: readonly DeletedSince[];
  onRestore: () => Promise<void>;
  onDone: () => void;
}

export function RestoreDeletedOffer({ records, onRestore, onDone }: RestoreDeletedOfferProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState<number | null>(null);
  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      await onRestore();
      setRestored(records.length);
    } catch (failure) {
      setError(describeSaveError(failure).message);
    } finally {
      setBusy(false);
    }
  };
  if (restored !== null) {
    return <p role="status" class="notice">{t('backupRestore.done', { count: restored })} <button type="button" class="button button--ghost" onClick={onDone}>{t('action.close')}</button></p>;
  }
  return (
    <section class="notice restore-deleted" aria-labelledby="restore-deleted-heading" data-testid="restore-deleted">
      <h3 id="restore-deleted-heading">{t('backupRestore.title', { count: records.length })}</h3>
      <p>{t('backupRestore.intro')}</p>
      <ul>
        {records.map((record) => (
          <li key={`${record.table}:${record.id}`}><span class="tag">{tableLabel(record.table)}</span> {record.title || t('bin.untitled')}</li>
        ))}
      </ul>
      <div class="button-row">
        <button type="button" class="button button--primary" disabled={busy} onClick={() => void restore()}>{t('backupRestore.confirm')}</button>
        <button type="button" class="button" disabled={busy} onClick={onDone}>{t('backupRestore.skip')}</button>
      </div>
      <FormError message={error} />
    </section>
  );
}
