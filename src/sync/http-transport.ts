// The sync transport over HTTP: JSON (gzip-compressed when the browser can),
// sent through the app's one HTTP helper (src/net/send.ts).
import {
  PROTOCOL_VERSION, ackedOf, fromColumns, pullColumnsResponseSchema, shortPushResponseSchema, type PushRequest, type PushResponse,
} from '../../protocol';
import { call, type Endpoint } from '../net/send';
import type { PullPage, SendPush, Transport } from './transport';

const GZIP_FROM_BYTES = 1024;
/** A push or a pull page over a slow rural link. */
const SYNC_TIMEOUT_MS = 120_000;

/** Gzips a body with the platform's CompressionStream; returns it as is where there is none. */
export async function gzipBody(text: string): Promise<{ body: BodyInit; encoding: string | null }> {
  if (typeof CompressionStream === 'undefined' || text.length < GZIP_FROM_BYTES) return { body: text, encoding: null };
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return { body: await new Response(stream).arrayBuffer(), encoding: 'gzip' };
}

export class HttpTransport implements Transport {
  private readonly endpoint: Endpoint;
  constructor(endpoint: Endpoint) {
    this.endpoint = { timeoutMs: SYNC_TIMEOUT_MS, ...endpoint };
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
      const reply = await call(this.endpoint, path, shortPushResponseSchema, { method: 'POST', headers, body, signed: true });
      const acked = ackedOf(request.mutations, reply.rejected);
      return { acked, rejected: reply.rejected, cursor: reply.cursor, ...(reply.pulledThrough ? { pulledThrough: reply.pulledThrough } : {}) };
    };
  }

  /** Pulls in column layout (protocol/pull-columns.ts): a third of the bytes of the row layout. */
  async pull(cursor: string | null, limit: number): Promise<PullPage> {
    const query = new URLSearchParams({ limit: String(limit), shape: 'columns', protocol: String(PROTOCOL_VERSION) });
    if (cursor !== null) query.set('since', cursor);
    const page = await call(this.endpoint, `/api/sync/pull?${query}`, pullColumnsResponseSchema, { signed: true });
    return { changes: fromColumns(page.tables), cursor: page.cursor, hasMore: page.hasMore, scope: page.scope };
  }
}
