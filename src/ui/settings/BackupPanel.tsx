// The backup file in settings: export everything on the device (optionally
// encrypted) and import a file here, merging by clock.
import { useState } from 'preact/hooks';
import { importBackup, type BackupPhase, type DeletedSince } from '../../db/backup';
import { t } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { Card } from '../components/page';
import { BackupExportForm } from './BackupExportForm';
import { BackupImportForm } from './BackupImportForm';
import { RestoreDeletedOffer } from './RestoreDeletedOffer';
import { countsParams, useExportBackup } from './backup-export';

export function BackupPanel() {
  const { db, notebook } = useServices();
  // Records the imported file still held that were deleted here since: offered back, restored only on confirm.
  const [offer, setOffer] = useState<DeletedSince[]>([]);

  const onExport = useExportBackup();

  const onImport = async (file: File, passphrase: string, onPhase: (phase: BackupPhase) => void) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const summary = await importBackup(db, bytes, {
      deviceId: notebook.deviceId, passphrase, organisationId: session.value?.organisation.id ?? null, onPhase,
    });
    const { imported } = summary;
    // Only a coordinator restores a community (the server refuses anyone else): others are not offered one.
    const coordinator = session.value?.user.role === 'coordinator';
    setOffer(summary.deletedSince.filter((record) => coordinator || record.table !== 'communities'));
    const nothing = imported.records + imported.changes + imported.photos === 0;
    const erased = summary.erasedSkipped > 0 ? ` ${t('backupRestore.erasedSkipped', { count: summary.erasedSkipped })}` : '';
    return `${nothing ? t('backup.import.nothingNew') : t('backup.import.done', countsParams(imported))} ${t('backup.import.inFile', countsParams(summary.inFile))}${erased}`;
  };

  return (
    <Card title={t('backup.title')} class="backup-panel">
      <p>{t('backup.intro')}</p>
      <BackupExportForm onExport={onExport} />
      <BackupImportForm onImport={onImport} />
      {offer.length > 0 && (
        <RestoreDeletedOffer records={offer} onRestore={() => notebook.restoreTogether(offer)} onDone={() => setOffer([])} />
      )}
    </Card>
  );
}
