import { BackupError } from '../../db/backup';
import { isQuotaError } from '../../db';
import { t } from '../../i18n';

/** A failed export or import in the person's language; nothing was changed either way. */
export function describeBackupError(error: unknown): string {
  if (error instanceof BackupError) return t(`backup.error.${error.problem}`);
  if (isQuotaError(error)) return t('error.quota');
  console.error(error);
  return t('backup.error.failed');
}
