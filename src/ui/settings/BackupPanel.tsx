// The backup file in settings: export everything on the device (optionally
// encrypted) and import a file here, merging by clock.
import { useState } from 'preact/hooks';
import { exportBackup, importBackup, type BackupCounts, type BackupPhase, type DeletedSince } from '../../db/backup';
import { BACKUP_MIME } from '../../domain/backup-format';
import { formatBytes, t } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { Card } from '../components/page';
import { BackupExportForm } from './BackupExportForm';
import { BackupImportForm } from './BackupImportForm';
import { RestoreDeletedOffer } from './RestoreDeletedOffer';

function countsParams(counts: BackupCounts) {
  return {
    records: t('device.records', { count: counts.records }),
    changes: t('device.changes', { count: counts.changes }),
    images: t('device.images', { count: counts.photos }),
  };
}

/** Hands the bytes to the browser as a download. */
function download(bytes: Uint8Array<ArrayBuffer>, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: BACKUP_MIME }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to start reading the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function BackupPanel() {
  const { db, notebook } = useServices();
  // Records the imported file still held that were deleted here since: offered back, restored only on confirm.
  const [offer, setOffer] = useState<DeletedSince[]>([]);

  const onExport = async (passphrase: string | null, onPhase: (phase: BackupPhase) => void) => {
    const file = await exportBackup(db, { deviceId: notebook.deviceId, passphrase: passphrase ?? undefined, onPhase });
    download(file.bytes, file.fileName);
    return t('backup.export.done', { file: file.fileName, size: formatBytes(file.bytes.length), ...countsParams(file.counts) });
  };

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
