// Where photo bytes live: a folder (blob-files.ts, the default) or an
// S3-compatible bucket (s3-blobs.ts). Content-addressed by SHA-256, which the
// caller has checked; which organisation may read a photo is the database's
// business (blob_owners), never the store's.
import type { ServerConfig } from '../config';
import { BlobFiles } from './blob-files';
import { S3Blobs } from './s3-blobs';

export interface StoredBlob {
  sha256: string;
  size: number;
  /** When the bytes were written (unix ms). */
  modifiedAt: number;
}

export interface BlobStore {
  /** The stored size, or null when the hash is not stored. */
  size(sha256: string): Promise<number | null>;
  /** Stores the bytes under their hash; false when they were stored already. A reader never sees half a blob. */
  write(sha256: string, bytes: Uint8Array): Promise<boolean>;
  read(sha256: string): Promise<ReadableStream<Uint8Array>>;
  /** Deletes the blob; nothing happens when it is not stored. */
  remove(sha256: string): Promise<void>;
  /** Every stored blob, in no particular order. */
  list(): AsyncIterable<StoredBlob>;
}

export function openBlobStore(config: Pick<ServerConfig, 'blobStore' | 'blobDir' | 's3'>): BlobStore {
  if (config.blobStore === 's3' && config.s3) return new S3Blobs(config.s3);
  return new BlobFiles(config.blobDir);
}
