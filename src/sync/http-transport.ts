// The sync transport over HTTP: JSON (gzip-compressed when the browser can),
// bearer token, every reply parsed with the protocol schemas.
import * as v from 'valibot';
import {
  ackedOf, errorBodySchema, fromColumns, pullColumnsResponseSchema, shortPushResponseSchema, type PushRequest, type PushResponse,
} from '../../protocol';
import { TransportError, type PullPage, type SendPush, type Transport, type TransportFailure } from './transport';

export interface HttpTransportOptions {
  /** Origin of the server; empty for the page's own. */
  baseUrl?: string;
  token: () => string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const GZIP_FROM_BYTES = 1024;

/** Gzips a body with the platform's CompressionStream; returns it as is where there is none. */
export async function gzipBody(text: string): Promise<{ body: BodyInit; encoding: string | null }> {
  if (typeof CompressionStream === 'undefined' || text.length < GZIP_FROM_BYTES) return { body: text, encoding: null };
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return { body: await new Response(stream).arrayBuffer(), encoding: 'gzip' };
}

function failureFor(status: number, code: string | undefined): TransportFailure {
  if (status === 401) return 'unauthorized';
  if (status === 409 && code === 'cursor_reset') return 'cursor_reset';
  if (status === 413) return 'too_large';
  if (status >= 500 || status === 408 || status === 429) return 'server';
  return 'rejected';
}

export class HttpTransport implements Transport {
  private readonly fetch: typeof fetch;
  constructor(private readonly options: HttpTransportOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  async push(request: PushRequest, since: string | null = null) {
    return (await this.preparePush(request))(since);
  }

  /** Asks for the short reply (protocol/messages.ts ACK_STYLES) and turns it back into the acknowledged ids. */
  async preparePush(request: PushRequest): Promise<SendPush> {
    const { body, encoding } = await gzipBody(JSON.stringify({ ...request, acks: 'short' }));
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (encoding) headers['Content-Encoding'] = encoding;
    return async (since: string | null): Promise<PushResponse> => {
      const path = since === null ? '/api/sync/push' : `/api/sync/push?${new URLSearchParams({ since })}`;
      const reply = await this.parse(await this.send(path, { method: 'POST', headers, body }), shortPushResponseSchema);
      const acked = ackedOf(request.mutations, reply.rejected);
      return { acked, rejected: reply.rejected, cursor: reply.cursor, ...(reply.pulledThrough ? { pulledThrough: reply.pulledThrough } : {}) };
    };
  }

  /** Pulls in column layout (protocol/pull-columns.ts): a third of the bytes of the row layout. */
  async pull(cursor: string | null, limit: number): Promise<PullPage> {
    const query = new URLSearchParams({ limit: String(limit), shape: 'columns' });
    if (cursor !== null) query.set('since', cursor);
    const reply = await this.send(`/api/sync/pull?${query}`, { method: 'GET' });
    const page = await this.parse(reply, pullColumnsResponseSchema);
    return { changes: fromColumns(page.tables), cursor: page.cursor, hasMore: page.hasMore };
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const token = this.options.token();
    if (!token) throw new TransportError('unauthorized', 'Not signed in');
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    headers.set('Accept', 'application/json');
    let response: Response;
    try {
      response = await this.fetch(`${this.options.baseUrl ?? ''}${path}`, {
        ...init, headers, cache: 'no-store', signal: AbortSignal.timeout(this.options.timeoutMs ?? 120_000),
      });
    } catch (error) {
      throw new TransportError('network', error instanceof Error ? error.message : String(error));
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    let code: string | undefined;
    let message = `HTTP ${response.status}`;
    try {
      const parsed = v.safeParse(errorBodySchema, JSON.parse(text));
      if (parsed.success) {
        code = parsed.output.error.code;
        message = parsed.output.error.message;
      }
    } catch {
      // An HTML error page from a proxy: keep the status.
    }
    throw new TransportError(failureFor(response.status, code), message, response.status);
  }

  private async parse<S extends v.GenericSchema>(response: Response, schema: S): Promise<v.InferOutput<S>> {
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      throw new TransportError('server', `Reply is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = v.safeParse(schema, json);
    if (!parsed.success) throw new TransportError('server', `Unexpected reply: ${v.summarize(parsed.issues)}`);
    return parsed.output;
  }
}
