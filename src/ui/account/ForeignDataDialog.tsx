import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { CheckboxField } from '../components/fields';
import { ConfirmDialog } from '../sync/ConfirmDialog';
import type { SessionAdoption } from './session-adoption';

export interface ForeignDataDialogProps {
  /** The organisation being signed in to. */
  organisation: string;
  /** Whose data: another organisation's, or another user's of this one. */
  kind: 'organisation' | 'user';
  records: number;
  pending: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before another organisation's or user's data is removed; unsent changes need an explicit acknowledgement. */
export function ForeignDataDialog({ organisation, kind, records, pending, busy, onConfirm, onCancel }: ForeignDataDialogProps) {
  const [acknowledged, setAcknowledged] = useState(false);
  return (
    <ConfirmDialog
      title={kind === 'user' ? t('otherUser.title') : t('otherOrg.title')}
      confirmLabel={busy ? t('otherOrg.working') : t('otherOrg.confirm')}
      cancelLabel={t('otherOrg.cancel')}
      danger
      confirmDisabled={busy || (pending > 0 && !acknowledged)}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{kind === 'user' ? t('otherUser.body', { records: t('device.records', { count: records }) }) : t('otherOrg.body', { count: records, organisation })}</p>
      {pending > 0 && (
        <div class="foreign-data__unsent">
          <p><strong>{t('otherOrg.unsent', { count: pending })}</strong> {t('otherOrg.unsentAdvice')}</p>
          <CheckboxField label={t('otherOrg.acknowledge', { count: pending })} checked={acknowledged} onChecked={setAcknowledged} />
        </div>
      )}
    </ConfirmDialog>
  );
}

/** The dialog, shown while a sign-in waits for the user's word on another organisation's data. */
export function ForeignDataPrompt({ adoption }: { adoption: SessionAdoption }) {
  if (!adoption.foreign) return null;
  return (
    <ForeignDataDialog
      organisation={adoption.foreign.response.organisation.name}
      kind={adoption.foreign.data.kind}
      records={adoption.foreign.data.records}
      pending={adoption.foreign.data.pending}
      busy={adoption.busy}
      onConfirm={() => void adoption.confirm()}
      onCancel={adoption.cancel}
    />
  );
}
