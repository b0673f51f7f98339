// The BlobTransport over HTTP: /api/blobs/<sha256> with the session's bearer
// token, through the app's one HTTP helper (src/net/send.ts). Network and 5xx
// failures are retried with backoff; 413 and other 4xx are for good.
import { blobPutResponseSchema } from '../../protocol';
import { ApiError } from '../net/api-error';
import { readBlob, readReply, send, type Endpoint } from '../net/send';
import type { BlobTransport } from './blob-upload';

/** Per request: a 15 MB image over a slow rural link needs minutes. */
const BLOB_TIMEOUT_MS = 300_000;

export class HttpBlobTransport implements BlobTransport {
  private readonly endpoint: Endpoint;
  constructor(endpoint: Endpoint) {
    this.endpoint = { timeoutMs: BLOB_TIMEOUT_MS, ...endpoint };
  }

  async head(sha256: string): Promise<boolean> {
    const response = await send(this.endpoint, this.path(sha256), { method: 'HEAD', signed: true, expect: [404] });
    return response.status !== 404;
  }

  async put(sha256: string, blob: Blob): Promise<void> {
    const response = await send(this.endpoint, this.path(sha256), {
      method: 'PUT', headers: { 'Content-Type': blob.type || 'application/octet-stream' }, body: blob, signed: true,
    });
    const reply = await readReply(response, blobPutResponseSchema);
    if (reply.sha256 !== sha256) throw new ApiError(response.status, 'bad_reply', 'The server stored another image than the one sent');
  }

  async get(sha256: string): Promise<Blob> {
    return readBlob(await send(this.endpoint, this.path(sha256), { signed: true }));
  }

  private path(sha256: string): string {
    return `/api/blobs/${sha256}`;
  }
}
