// The BlobTransport over HTTP: /api/blobs/<sha256> with the session's bearer
// token, failures sorted into the sync transport's kinds (network and 5xx are
// retried with backoff; 413 and other 4xx are for good).
import * as v from 'valibot';
import { blobPutResponseSchema, errorBodySchema } from '../../protocol';
import type { BlobTransport } from './blob-upload';
import { TransportError, type TransportFailure } from './transport';

export interface HttpBlobTransportOptions {
  /** Origin of the server; empty for the page's own. */
  baseUrl?: string;
  token: () => string | null;
  fetch?: typeof fetch;
  /** Per request; a 15 MB image over a slow rural link needs minutes. */
  timeoutMs?: number;
}

function failureFor(status: number): TransportFailure {
  if (status === 401) return 'unauthorized';
  if (status === 413) return 'too_large';
  if (status >= 500 || status === 408 || status === 429) return 'server';
  return 'rejected';
}

export class HttpBlobTransport implements BlobTransport {
  private readonly fetch: typeof fetch;
  constructor(private readonly options: HttpBlobTransportOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  async head(sha256: string): Promise<boolean> {
    const response = await this.send(sha256, { method: 'HEAD' }, [404]);
    return response.status !== 404;
  }

  async put(sha256: string, blob: Blob): Promise<void> {
    const response = await this.send(sha256, { method: 'PUT', headers: { 'Content-Type': blob.type || 'application/octet-stream' }, body: blob });
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new TransportError('server', 'Reply to a blob upload is not JSON');
    }
    const parsed = v.safeParse(blobPutResponseSchema, json);
    if (!parsed.success || parsed.output.sha256 !== sha256) throw new TransportError('server', 'Unexpected reply to a blob upload');
  }

  async get(sha256: string): Promise<Blob> {
    const response = await this.send(sha256, { method: 'GET' });
    try {
      return await response.blob();
    } catch (error) {
      // The connection dropped halfway through the body.
      throw new TransportError('network', error instanceof Error ? error.message : String(error));
    }
  }

  /** One request; statuses in `expected` come back as they are, other non-2xx answers throw. */
  private async send(sha256: string, init: RequestInit, expected: readonly number[] = []): Promise<Response> {
    const token = this.options.token();
    if (!token) throw new TransportError('unauthorized', 'Not signed in');
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    let response: Response;
    try {
      response = await this.fetch(`${this.options.baseUrl ?? ''}/api/blobs/${sha256}`, {
        ...init, headers, cache: 'no-store', signal: AbortSignal.timeout(this.options.timeoutMs ?? 300_000),
      });
    } catch (error) {
      throw new TransportError('network', error instanceof Error ? error.message : String(error));
    }
    if (response.ok || expected.includes(response.status)) return response;
    const text = await response.text().catch(() => '');
    let message = `HTTP ${response.status}`;
    try {
      const parsed = v.safeParse(errorBodySchema, JSON.parse(text));
      if (parsed.success) message = parsed.output.error.message;
    } catch {
      // Not our JSON (a proxy's page, or HEAD with no body): keep the status.
    }
    throw new TransportError(failureFor(response.status), message, response.status);
  }
}
