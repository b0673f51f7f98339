// Photos' images travel apart from the records (docs/protocol.md, Blobs): before a
// push that carries a photo record, the image it names goes up through
// PUT /api/blobs/<sha256>, so no device ever pulls a record whose image the
// server lacks. Content-addressed on both sides: HEAD first, and a hash the
// server has is never sent again. The HTTP side is blob-upload-http.ts;
// tests hand a fake BlobTransport.
import type { Mutation, Rejection } from '../../protocol';
import { markRefused, type TalkaDatabase } from '../db';
import { getBlobRows, markBlobUploaded } from '../db/photos';
import { sha256OfBlob } from '../domain/photo-hash';
import { ApiError } from '../net/api-error';

export interface BlobTransport {
  /** Whether the server holds this image for the signed-in organisation. */
  head(sha256: string): Promise<boolean>;
  /** Sends the image; the server checks its hash. Idempotent. */
  put(sha256: string, blob: Blob): Promise<void>;
  /** The image's bytes; an ApiError with status 404 when the server has none. */
  get(sha256: string): Promise<Blob>;
}

/** Images sent in this push so far: "Foto N no M, X MB". */
export interface PhotoProgress {
  sent: number;
  total: number;
  /** Bytes of the images sent (or found on the server) so far. */
  bytes: number;
  totalBytes: number;
}

/** Outbox rejection codes of photos whose image cannot go up; the changes screen explains each. */
export const PHOTO_REFUSALS = {
  /** The server's limit is 15 MiB (413). */
  tooLarge: 'photo_too_large',
  /** The server refused the image itself (4xx other than 401/413). */
  refused: 'photo_refused',
  /** Neither this device (or not readably) nor the server has the image. */
  missing: 'photo_missing',
} as const;

/** The image a photo mutation needs on the server, if it names one. */
function imageOf(mutation: Mutation): string | null {
  if (mutation.table !== 'photos') return null;
  const sha256 = mutation.fields.sha256;
  return typeof sha256 === 'string' ? sha256 : null;
}

/**
 * Uploads the images the photo mutations in `mutations` name and the server
 * may not have; returns the mutations to push now. A photo whose image the
 * server refuses for good is marked refused in the outbox (kept, shown, not
 * blocking the rest) and left out. A network or server failure throws a
 * ApiError with nothing marked, so the whole batch stays queued and is
 * retried with backoff; images already sent stay 'uploaded' and are skipped.
 */
export async function uploadPhotoBlobs(
  db: TalkaDatabase,
  transport: BlobTransport,
  mutations: readonly Mutation[],
  onProgress?: (progress: PhotoProgress) => void,
): Promise<Mutation[]> {
  const hashes = [...new Set(mutations.map(imageOf).filter((sha256): sha256 is string => sha256 !== null))];
  if (hashes.length === 0) return [...mutations];
  const rows = await getBlobRows(db, hashes);
  // 'uploaded' and 'remote' images are on the server already.
  const pending = hashes.filter((sha256) => {
    const state = rows.get(sha256)?.state;
    return state === undefined || state === 'local';
  });
  const progress: PhotoProgress = {
    sent: 0, total: pending.length, bytes: 0, totalBytes: pending.reduce((sum, sha256) => sum + (rows.get(sha256)?.blob?.size ?? 0), 0),
  };
  if (pending.length > 0) onProgress?.({ ...progress });

  const refused = new Map<string, Omit<Rejection, 'id'>>();
  for (const sha256 of pending) {
    const blob = rows.get(sha256)?.blob ?? null;
    const refusal = await uploadOne(transport, sha256, blob);
    if (refusal) refused.set(sha256, refusal);
    else await markBlobUploaded(db, sha256);
    progress.sent++;
    progress.bytes += blob?.size ?? 0;
    onProgress?.({ ...progress });
  }
  if (refused.size === 0) return [...mutations];

  const rejections: Rejection[] = [];
  for (const mutation of mutations) {
    const refusal = refused.get(imageOf(mutation) ?? '');
    if (refusal) rejections.push({ id: mutation.id, ...refusal });
  }
  await markRefused(db, rejections);
  const left = new Set(rejections.map((rejection) => rejection.id));
  return mutations.filter((mutation) => !left.has(mutation.id));
}

/** HEAD, then PUT on a miss; a refusal for good, or null when the server has the image. */
async function uploadOne(transport: BlobTransport, sha256: string, blob: Blob | null): Promise<Omit<Rejection, 'id'> | null> {
  if (await transport.head(sha256)) return null;
  if (!blob) return { code: PHOTO_REFUSALS.missing, message: `Image ${sha256} is neither on this device nor on the server` };
  let bytes: Blob;
  try {
    // Read here, so a stored file the browser lost is told apart from a network failure (which would be retried forever).
    bytes = new Blob([await blob.arrayBuffer()], { type: blob.type });
  } catch (error) {
    return { code: PHOTO_REFUSALS.missing, message: `Image ${sha256} cannot be read on this device: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    await transport.put(sha256, bytes);
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.failure === 'too_large') return { code: PHOTO_REFUSALS.tooLarge, message: error.message };
    if (error.failure === 'rejected') return { code: PHOTO_REFUSALS.refused, message: error.message };
    throw error;
  }
}

/** The downloaded bytes did not have the hash that named them (a broken proxy, a cut reply). */
export class BlobIntegrityError extends Error {
  constructor(readonly sha256: string, readonly actual: string) {
    super(`Downloaded image ${sha256} has the hash ${actual}`);
    this.name = 'BlobIntegrityError';
  }
}

/** GETs an image and checks its bytes against the hash that names it. */
export async function downloadVerified(transport: BlobTransport, sha256: string): Promise<Blob> {
  const blob = await transport.get(sha256);
  const actual = await sha256OfBlob(blob);
  if (actual !== sha256) throw new BlobIntegrityError(sha256, actual);
  return blob;
}
