// The backup file in settings: export everything on the device (optionally
// encrypted) and import a file here, merging by clock.
import { importBackup, type BackupPhase } from '../../db/backup';
import { t } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { Card } from '../components/page';
import { BackupExportForm } from './BackupExportForm';
import { BackupImportForm } from './BackupImportForm';
import { countsParams, useExportBackup } from './backup-export';

export function BackupPanel() {
  const { db, notebook } = useServices();

  const onExport = useExportBackup();

  const onImport = async (file: File, passphrase: string, onPhase: (phase: BackupPhase) => void) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const summary = await importBackup(db, bytes, {
      deviceId: notebook.deviceId, passphrase, organisationId: session.value?.organisation.id ?? null, onPhase,
    });
    const { imported } = summary;
    const nothing = imported.records + imported.changes + imported.photos === 0;
    return `${nothing ? t('backup.import.nothingNew') : t('backup.import.done', countsParams(imported))} ${t('backup.import.inFile', countsParams(summary.inFile))}`;
  };

  return (
    <Card title={t('backup.title')} class="backup-panel">
      <p>{t('backup.intro')}</p>
      <BackupExportForm onExport={onExport} />
      <BackupImportForm onImport={onImport} />
    </Card>
  );
}
