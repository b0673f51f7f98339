// Making a backup file and handing it to the browser as a download: the
// settings' backup panel and the sign-out dialog (changes left unsent) both
// offer it.
import { exportBackup, type BackupCounts, type BackupPhase } from '../../db/backup';
import { BACKUP_MIME } from '../../domain/backup-format';
import { formatBytes, t } from '../../i18n';
import { useServices } from '../app-context';

export function countsParams(counts: BackupCounts) {
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

export type ExportBackup = (passphrase: string | null, onPhase: (phase: BackupPhase) => void) => Promise<string>;

/** Makes the device's backup (encrypted when given a passphrase), downloads it and says what it holds. */
export function useExportBackup(): ExportBackup {
  const { db, notebook } = useServices();
  return async (passphrase, onPhase) => {
    const file = await exportBackup(db, { deviceId: notebook.deviceId, passphrase: passphrase ?? undefined, onPhase });
    download(file.bytes, file.fileName);
    return t('backup.export.done', { file: file.fileName, size: formatBytes(file.bytes.length), ...countsParams(file.counts) });
  };
}
