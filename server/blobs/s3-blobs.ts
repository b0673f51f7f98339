// Photos in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage …) through the
// official AWS SDK. One object per photo, named by its SHA-256; a PUT is atomic,
// so a reader never sees half a photo.
import {
  DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3Settings } from '../config';
import type { BlobStore, StoredBlob } from './blob-store';

const SHA256 = /^[0-9a-f]{64}$/;

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey');
}

export class S3Blobs implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.client = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Checksums only where the API requires them: many S3-compatible stores do not know the SDK's newer default ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async size(sha256: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: sha256 }));
      return head.ContentLength ?? null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async write(sha256: string, bytes: Uint8Array): Promise<boolean> {
    if ((await this.size(sha256)) === bytes.byteLength) return false;
    await this.client.send(new PutObjectCommand({
      Bucket: this.bucket, Key: sha256, Body: bytes, ContentLength: bytes.byteLength, ContentType: 'application/octet-stream',
    }));
    return true;
  }

  async read(sha256: string): Promise<ReadableStream<Uint8Array>> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: sha256 }));
    if (!object.Body) throw new Error(`S3 returned no body for ${sha256}`);
    return object.Body.transformToWebStream();
  }

  async remove(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: sha256 }));
  }

  async *list(): AsyncIterable<StoredBlob> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, ...(token ? { ContinuationToken: token } : {}) }));
      for (const object of page.Contents ?? []) {
        if (!object.Key || !SHA256.test(object.Key)) continue;
        yield { sha256: object.Key, size: object.Size ?? 0, modifiedAt: object.LastModified?.getTime() ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}
