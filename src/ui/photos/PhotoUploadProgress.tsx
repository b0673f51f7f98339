// The sync bar's line while photos go up: "Foto 3 no 20, 4,1 no 38,5 MB",
// with a bar measured in bytes (a photo is most of a push's time).
import { megabytes } from '../../domain/photo-size';
import { t } from '../../i18n';
import type { PhotoProgress } from '../../sync/blob-upload';

export function PhotoUploadProgress({ photos }: { photos: PhotoProgress }) {
  return (
    <span class="sync-bar__progress" data-testid="photo-upload-progress">
      <progress max={Math.max(1, photos.totalBytes)} value={Math.min(photos.bytes, photos.totalBytes)} aria-label={t('photos.uploadProgress')} />
      <span>{t('photos.uploading', {
        sent: photos.sent, total: photos.total, mb: megabytes(photos.bytes), totalMb: megabytes(photos.totalBytes),
      })}</span>
    </span>
  );
}
