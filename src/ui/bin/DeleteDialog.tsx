// The question before a community or an event is deleted: what goes with it,
// counted from the device's data, and that it goes to the bin. Mounted = open.
import { useState } from 'preact/hooks';
import type { DeletionScope } from '../../domain/deletion-scope';
import { t } from '../../i18n';
import { FormError } from '../components/fields';
import { describeSaveError } from '../save-error';
import { ConfirmDialog } from '../sync/ConfirmDialog';
import { describeDeletion } from './describe-deletion';

export interface DeleteDialogProps {
  what: 'community' | 'workshop';
  name: string;
  /** Undefined while it is being counted. */
  scope: DeletionScope | undefined;
  onConfirm: (scope: DeletionScope) => Promise<void>;
  onCancel: () => void;
}

export function DeleteDialog({ what, name, scope, onConfirm, onCancel }: DeleteDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (!scope) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(scope);
    } catch (failure) {
      setError(describeSaveError(failure).message);
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      title={t(what === 'community' ? 'delete.communityTitle' : 'delete.workshopTitle', { name })}
      confirmLabel={t('delete.confirm')}
      danger
      confirmDisabled={busy || scope === undefined}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      {scope === undefined ? <p>{t('delete.counting')}</p> : (
        <p data-testid="deletion-summary"><strong>{describeDeletion(what, scope.counts)}</strong></p>
      )}
      <p>{t('delete.toBin')}</p>
      {what === 'workshop' && (scope?.counts.attendance ?? 0) > 0 && <p class="muted">{t('delete.checkInsStay')}</p>}
      <FormError message={error} />
    </ConfirmDialog>
  );
}
