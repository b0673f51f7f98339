// JSON replies with a Content-Length, so hono/compress leaves small ones alone
// (gzipping a 300-byte push reply costs more than it saves) and compresses the big ones.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function jsonText(c: Context, text: string, status: ContentfulStatusCode = 200): Response {
  return c.body(text, status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
}

export function jsonReply(c: Context, body: unknown, status: ContentfulStatusCode = 200): Response {
  return jsonText(c, JSON.stringify(body), status);
}
