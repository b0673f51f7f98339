// Images of photos taken on other devices come down when first shown: GET
// /api/blobs/<sha256>, the hash checked, a thumbnail made on arrival (by the
// screen's image code, handed in), both kept for offline use. One download
// per image at a time, whoever asks.
import { signal } from '@preact/signals';
import { currentToken } from '../account/session';
import type { TalkaDatabase } from '../db';
import { noteRemoteBlob, storeDownloadedBlob, type Photo } from '../db/photos';
import { downloadVerified, type BlobTransport } from './blob-upload';
import { HttpBlobTransport } from './blob-upload-http';

export type DownloadState = 'downloading' | 'failed';

/** Images being fetched or whose last attempt failed, by hash; absent when neither. */
export const downloads = signal<ReadonlyMap<string, DownloadState>>(new Map());

const running = new Map<string, Promise<void>>();
let transport: BlobTransport = new HttpBlobTransport({ token: currentToken });

/** Two at a time: each arrival decodes a 2048-px image for its thumbnail, and a needs board may ask for fifty. */
const AT_ONCE = 2;
let active = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(task: () => Promise<T>): Promise<T> {
  if (active < AT_ONCE) active++;
  else await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing task hands over its slot
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}

/** Tests hand a fake. */
export function setDownloadTransport(next: BlobTransport): void {
  transport = next;
}

function setState(sha256: string, state: DownloadState | null): void {
  const next = new Map(downloads.value);
  if (state) next.set(sha256, state);
  else next.delete(sha256);
  downloads.value = next;
}

/** Fetches and keeps a photo's image unless it is here already or on its way; `makeThumbnail` makes its small copy. */
export function downloadPhoto(
  db: TalkaDatabase, photo: Pick<Photo, 'sha256' | 'mime' | 'size'>, makeThumbnail: (image: Blob) => Promise<Blob>,
): Promise<void> {
  const { sha256 } = photo;
  const existing = running.get(sha256);
  if (existing) return existing;
  const job = (async () => {
    setState(sha256, 'downloading');
    try {
      await noteRemoteBlob(db, photo);
      await inTurn(async () => {
        const blob = await downloadVerified(transport, sha256);
        await storeDownloadedBlob(db, sha256, blob, await makeThumbnail(blob));
      });
      setState(sha256, null);
    } catch (error) {
      console.warn('Photo download failed', sha256, error);
      setState(sha256, 'failed');
    } finally {
      running.delete(sha256);
    }
  })();
  running.set(sha256, job);
  return job;
}
