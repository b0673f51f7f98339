// What this device holds that exists nowhere else yet: counted before a
// logout, an emptying of the device or an app update, and shown with the
// storage figures.
import { liveQuery } from 'dexie';
import type { TalkaDatabase } from './database';
import { countLocalRecords } from './device-owner';

export interface UnsentWork {
  /** Changes in the outbox, refused ones included. */
  changes: number;
  /** Photos whose image is only on this device (not yet uploaded). */
  photos: number;
}

export interface DeviceInventory extends UnsentWork {
  /** Records of every table, deleted ones included. */
  records: number;
  /** Images kept on the device, and their bytes (thumbnails included). */
  images: number;
  imageBytes: number;
}

export async function countUnsent(db: TalkaDatabase): Promise<UnsentWork> {
  const [changes, photos] = await Promise.all([db.outbox.count(), db.blobs.where('state').equals('local').count()]);
  return { changes, photos };
}

export async function takeInventory(db: TalkaDatabase): Promise<DeviceInventory> {
  const [unsent, records] = await Promise.all([countUnsent(db), countLocalRecords(db)]);
  let images = 0;
  let imageBytes = 0;
  await db.blobs.each((row) => {
    if (!row.blob) return;
    images++;
    imageBytes += row.blob.size + (row.thumb?.size ?? 0);
  });
  return { ...unsent, records, images, imageBytes };
}

/** Calls back with the unsent work whenever it changes, in any tab; returns the unsubscribe. */
export function watchUnsent(db: TalkaDatabase, onUnsent: (unsent: UnsentWork) => void): () => void {
  const subscription = liveQuery(() => countUnsent(db)).subscribe({ next: onUnsent, error: () => {} });
  return () => subscription.unsubscribe();
}
