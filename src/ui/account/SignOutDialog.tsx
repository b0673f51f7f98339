// Signing out (src/account/sign-out.ts): first a last sync; when changes
// still wait, how many, an encrypted backup offered, and an acknowledgement
// before the organisation's data leaves the device. Loaded when "Iziet" is
// pressed, not with the header.
import { useEffect, useState } from 'preact/hooks';
import type { AccountApi } from '../../account/account-api';
import { leaveDevice } from '../../account/sign-out';
import { countUnsent, type UnsentWork } from '../../db/backup-inventory';
import { t } from '../../i18n';
import { syncNow, syncStatus } from '../../sync/status';
import { useServices } from '../app-context';
import { CheckboxField, FormError } from '../components/fields';
import { showToast } from '../components/toast';
import { unsentParams } from '../device/UnsentSummary';
import { BackupExportForm } from '../settings/BackupExportForm';
import { useExportBackup } from '../settings/backup-export';
import { ConfirmDialog } from '../sync/ConfirmDialog';

export interface SignOutDialogProps {
  api: Pick<AccountApi, 'logout'>;
  /** The device is empty and signed out: show the sign-in page. */
  onSignedOut: () => void;
  onCancel: () => void;
}

/** `unsent` is null when everything was sent (the dialog then only asks again after a failed attempt). */
type Step = { kind: 'syncing' } | { kind: 'asking'; unsent: UnsentWork | null; offline: boolean } | { kind: 'leaving'; unsent: UnsentWork | null };

export function SignOutDialog({ api, onSignedOut, onCancel }: SignOutDialogProps) {
  const { db } = useServices();
  const onExport = useExportBackup();
  const [step, setStep] = useState<Step>({ kind: 'syncing' });
  const [acknowledged, setAcknowledged] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const leave = async (unsent: UnsentWork | null) => {
    setStep({ kind: 'leaving', unsent });
    setFailure(null);
    try {
      await leaveDevice(db, { api });
    } catch {
      setFailure(t('leave.failed'));
      setStep({ kind: 'asking', unsent, offline: false });
      return;
    }
    showToast({ message: t('leave.done') });
    onSignedOut();
  };

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // A sync that fails (offline, the token expired) leaves the changes counted below.
      await syncNow().catch(() => undefined);
      const unsent = await countUnsent(db);
      if (cancelled) return;
      if (unsent.changes + unsent.photos === 0) await leave(null);
      else setStep({ kind: 'asking', unsent, offline: syncStatus.value?.lastFailure === 'network' });
    })();
    return () => { cancelled = true; };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dialog opens
  }, []);

  const unsent = step.kind === 'syncing' ? null : step.unsent;
  return (
    <ConfirmDialog title={unsent ? t('leave.unsentTitle') : t('leave.title')} danger
      confirmLabel={step.kind === 'leaving' ? t('leave.working') : t('leave.confirm')}
      confirmDisabled={step.kind !== 'asking' || (step.unsent !== null && !acknowledged)}
      onConfirm={() => void leave(unsent)} onCancel={onCancel}>
      {step.kind === 'syncing' && <p role="status">{t('leave.syncing')}</p>}
      {unsent && (
        <>
          <p class="notice notice--danger" data-testid="sign-out-unsent" data-changes={unsent.changes}>{t('leave.unsent', unsentParams(unsent))}</p>
          {step.kind === 'asking' && step.offline && <p>{t('leave.offline')}</p>}
          <p>{t('leave.unsentLoss')}</p>
          <BackupExportForm onExport={onExport} />
          <CheckboxField label={t('leave.acknowledge')} checked={acknowledged} onChecked={setAcknowledged} />
        </>
      )}
      <FormError message={failure} />
    </ConfirmDialog>
  );
}
