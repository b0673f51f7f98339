// Photos on the device: the image and its thumbnail are Blobs in the
// `blobs` table, keyed by the image's SHA-256; the photo record (synced like
// any other) names that hash. Creating a photo writes the blob row, the
// record and its outbox entry in one transaction, so a failure leaves none.
import * as v from 'valibot';
import { photoFields, type PhotoParent as PhotoParentTable } from '../../protocol';
import { sha256OfBlob } from '../domain/photo-hash';
import type { BlobRow, BlobState, TalkaDatabase } from './database';
import { ValidationError } from './errors';
import type { Notebook, StoredRecord } from './notebook';

export type { BlobRow, BlobState };
export type Photo = StoredRecord<'photos'>;

/** The image's type, checked before anything is kept: the protocol takes a few only. */
const mimeOnly = v.object({ mime: photoFields.mime });

/** The record a photo is attached to. */
export interface PhotoParent {
  table: PhotoParentTable;
  id: string;
  communityId: string | null;
}

/** What the person gives a photo, and what resizing measured. */
export interface PhotoDetails {
  caption: string;
  width: number;
  height: number;
}

/**
 * Stores a resized image and its thumbnail and attaches it to `parent`;
 * returns the photo's id. The same image twice is one blob row, and on the
 * same parent one photo (the existing one's id is returned).
 */
export async function addPhoto(notebook: Notebook, parent: PhotoParent, details: PhotoDetails, blob: Blob, thumb: Blob): Promise<string> {
  // Hashed before the transaction: awaiting Web Crypto inside one would end it.
  const sha256 = await sha256OfBlob(blob);
  const { db } = notebook;
  return db.transaction('rw', [db.photos, db.blobs, db.outbox, db.meta], async () => {
    const known = await db.blobs.get(sha256);
    if (!known?.blob) {
      // A 'remote' row means the server has these bytes already.
      const state: BlobState = known?.state === 'remote' ? 'uploaded' : 'local';
      await db.blobs.put({ sha256, blob, thumb, mime: blob.type, size: blob.size, state });
    }
    const checked = v.safeParse(mimeOnly, { mime: blob.type });
    if (!checked.success) throw new ValidationError(checked.issues);
    const { mime } = checked.output;
    const twin = await db.photos.where('sha256').equals(sha256)
      .filter((photo) => photo.parentId === parent.id && !photo.deleted).first();
    if (twin) return twin.id;
    return notebook.create('photos', {
      communityId: parent.communityId, parentTable: parent.table, parentId: parent.id, caption: details.caption.trim(),
      sha256, mime, size: blob.size, width: details.width, height: details.height,
    });
  });
}

/** A record's photos, oldest first, deleted ones left out. */
export async function listPhotos(db: TalkaDatabase, parentId: string): Promise<Photo[]> {
  const rows = await db.photos.where('parentId').equals(parentId).toArray();
  return rows.filter((photo) => !photo.deleted).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** The blob rows of these hashes (missing ones left out), by hash. */
export async function getBlobRows(db: TalkaDatabase, hashes: readonly string[]): Promise<Map<string, BlobRow>> {
  const rows = await db.blobs.bulkGet([...new Set(hashes)]);
  return new Map(rows.flatMap((row) => (row ? [[row.sha256, row] as const] : [])));
}

export async function getBlobRow(db: TalkaDatabase, sha256: string): Promise<BlobRow | undefined> {
  return db.blobs.get(sha256);
}

/**
 * Notes that a pulled photo's image is on the server but not here yet, so
 * the device can count what it has not downloaded. Leaves a row that exists alone.
 */
export async function noteRemoteBlob(db: TalkaDatabase, photo: Pick<Photo, 'sha256' | 'mime' | 'size'>): Promise<void> {
  await db.transaction('rw', db.blobs, async () => {
    if (await db.blobs.get(photo.sha256)) return;
    await db.blobs.add({ sha256: photo.sha256, blob: null, thumb: null, mime: photo.mime, size: photo.size, state: 'remote' });
  });
}

/**
 * Keeps an image downloaded from the server (its hash already checked) for
 * offline use; it is on the server, so it never needs uploading.
 */
export async function storeDownloadedBlob(db: TalkaDatabase, sha256: string, blob: Blob, thumb: Blob): Promise<void> {
  await db.transaction('rw', db.blobs, async () => {
    const known = await db.blobs.get(sha256);
    if (known?.blob) return;
    await db.blobs.put({ sha256, blob, thumb, mime: blob.type, size: blob.size, state: 'uploaded' });
  });
}

/** After the server confirmed it has the bytes. */
export async function markBlobUploaded(db: TalkaDatabase, sha256: string): Promise<void> {
  await db.blobs.where('sha256').equals(sha256).modify((row) => {
    if (row.state === 'local') row.state = 'uploaded';
  });
}
