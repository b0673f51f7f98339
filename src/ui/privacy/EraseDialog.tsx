import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { CheckboxField } from '../components/fields';
import { ConfirmDialog } from '../sync/ConfirmDialog';

export interface EraseDialogProps {
  name: string;
  attendance: number;
  votes: number;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Says exactly what an erasure does before it is done, and asks for a tick that it may not be undone. */
export function EraseDialog({ name, attendance, votes, onConfirm, onCancel }: EraseDialogProps) {
  const [understood, setUnderstood] = useState(false);
  return (
    <ConfirmDialog title={t('privacy.erase.title', { name })} confirmLabel={t('privacy.erase.confirm')} danger
      confirmDisabled={!understood} onConfirm={onConfirm} onCancel={onCancel}>
      <p>{t('privacy.erase.what')}</p>
      <ul>
        <li>{t('privacy.erase.name')}</li>
        <li>{t('privacy.erase.fields')}</li>
        <li>{t('privacy.erase.consent')}</li>
        <li>{t('privacy.erase.counts', {
          attendance: t('reports.attendanceCount', { count: attendance }),
          votes: t('reports.voteCount', { count: votes }),
        })}</li>
        <li>{t('privacy.erase.sync')}</li>
      </ul>
      <p>{t('privacy.erase.exportFirst')}</p>
      <p>{t('privacy.erase.backups')}</p>
      <CheckboxField label={t('privacy.erase.understood')} checked={understood} onChecked={setUnderstood} />
    </ConfirmDialog>
  );
}
