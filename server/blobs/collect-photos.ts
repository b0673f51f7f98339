// Collecting photos no record needs any more (deleted records, uploads whose
// record never arrived), on either photo store.
//
// The rule: an organisation's photo (its blob_owners row) is kept while
//  - it was uploaded (or uploaded again) within the grace period (7 days by
//    default): a device uploads a photo just before pushing the record that
//    names it, and may lose its connection in between; or
//  - a photos record of that organisation names its hash (fields.sha256) and
//    is live, or was deleted within the bin period (30 days by default): a
//    deleted record can be restored from the bin, and its photo with it.
// Otherwise the organisation's ownership is dropped. Stored bytes are deleted
// once no organisation owns them and they are older than the grace period
// (which also collects bytes whose upload failed before its owner row was
// written). A record restored from the bin after its photo was collected comes
// back without the image; a device that still has the image uploads it again
// (it checks with HEAD before each push).
import type { BlobOwnerRow, Store } from '../store/store';
import type { BlobStore, StoredBlob } from './blob-store';

const DAY_MS = 24 * 60 * 60 * 1000;
export const PHOTO_GRACE_DAYS = 7;
export const BIN_DAYS = 30;

export interface CollectionRules {
  graceDays: number;
  binDays: number;
}

export interface CollectionPlan {
  /** Organisations' photos to forget. */
  owners: BlobOwnerRow[];
  /** Stored bytes to delete: no organisation owns them once `owners` are forgotten. */
  blobs: StoredBlob[];
}

type CollectorStore = Pick<Store, 'listBlobOwners' | 'listPhotoReferences' | 'deleteBlobOwner'>;

/** What collection would delete now; changes nothing. */
export async function planPhotoCollection(store: CollectorStore, blobs: BlobStore, now: number, rules: CollectionRules): Promise<CollectionPlan> {
  const graceStart = now - rules.graceDays * DAY_MS;
  const binStart = now - rules.binDays * DAY_MS;
  const allOwners = await store.listBlobOwners();

  const drop: BlobOwnerRow[] = [];
  const byOrg = new Map<string, BlobOwnerRow[]>();
  for (const owner of allOwners) {
    if (owner.createdAt >= graceStart) continue;
    byOrg.set(owner.orgId, [...(byOrg.get(owner.orgId) ?? []), owner]);
  }
  for (const [orgId, owners] of byOrg) {
    const needed = new Set(
      (await store.listPhotoReferences(orgId))
        .filter((reference) => !reference.deleted || reference.updatedAt >= binStart)
        .map((reference) => reference.sha256),
    );
    drop.push(...owners.filter((owner) => !needed.has(owner.sha256)));
  }

  const dropped = new Set(drop.map((owner) => `${owner.orgId}/${owner.sha256}`));
  const stillOwned = new Set(allOwners.filter((owner) => !dropped.has(`${owner.orgId}/${owner.sha256}`)).map((owner) => owner.sha256));
  const unowned: StoredBlob[] = [];
  for await (const blob of blobs.list()) {
    if (!stillOwned.has(blob.sha256) && blob.modifiedAt < graceStart) unowned.push(blob);
  }
  return { owners: drop, blobs: unowned };
}

/**
 * Carries a plan out: ownership first, then the bytes, each checked once more
 * against the owners as they are now (a photo uploaded again meanwhile keeps its bytes).
 */
export async function collectPhotos(store: CollectorStore, blobs: BlobStore, plan: CollectionPlan): Promise<void> {
  for (const owner of plan.owners) await store.deleteBlobOwner(owner.orgId, owner.sha256);
  const owned = new Set((await store.listBlobOwners()).map((owner) => owner.sha256));
  for (const blob of plan.blobs) {
    if (!owned.has(blob.sha256)) await blobs.remove(blob.sha256);
  }
}
