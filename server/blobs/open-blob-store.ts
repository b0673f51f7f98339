// The photo store the configuration names: the data folder by default, or
// S3-compatible object storage (BLOB_STORE=s3).
import type { ServerConfig } from '../config';
import { BlobFiles } from './blob-files';
import type { BlobStore } from './blob-store';
import { S3Blobs } from './s3-blobs';

export function openBlobStore(config: Pick<ServerConfig, 'blobStore' | 'blobDir' | 's3'>): BlobStore {
  if (config.blobStore === 's3' && config.s3) return new S3Blobs(config.s3);
  return new BlobFiles(config.blobDir);
}
