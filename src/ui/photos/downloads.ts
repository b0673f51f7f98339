// Photos' images come down through the sync room (src/sync/photo-downloads.ts);
// the screens hand it their thumbnail maker.
import type { TalkaDatabase } from '../../db';
import type { Photo } from '../../db/photos';
import { downloadPhoto as download } from '../../sync/photo-downloads';
import { makeThumbnail } from './image-resize';

export { downloads, type DownloadState } from '../../sync/photo-downloads';

export function downloadPhoto(db: TalkaDatabase, photo: Pick<Photo, 'sha256' | 'mime' | 'size'>): Promise<void> {
  return download(db, photo, makeThumbnail);
}
